// The token travels in the address's fragment (#token=...), which browsers never send to a server,
// so it stays out of access logs and Referer headers; the page posts it in a request body instead.
const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
history.replaceState(null, '', location.pathname);
const form = document.getElementById('set-password');
const greeting = document.getElementById('greeting');
const result = document.getElementById('result');

function post(path, body) {
  return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then(async response => ({ ok: response.ok, answer: await response.json().catch(() => ({})), status: response.status }));
}

post('/api/password-links/holder', { token }).then(({ ok, answer, status }) => {
  if (!ok) {
    greeting.className = 'error';
    greeting.textContent = answer.detail || ('This link cannot be used (' + status + ')');
    return;
  }
  greeting.textContent = 'Hello ' + answer.name + '. Choose the password for your username ' + answer.userId
    + '. This link works once, until ' + new Date(answer.expiresAt).toLocaleString('en-GB', { timeZone: 'Europe/London' }) + '.';
  form.hidden = false;
});

form.addEventListener('submit', async e => {
  e.preventDefault();
  if (form.elements.password.value !== form.elements.repeat.value) {
    result.className = 'result error';
    result.textContent = 'The two passwords are not the same.';
    return;
  }
  const { ok, answer, status } = await post('/api/password-links/password', { token, password: form.elements.password.value });
  result.className = ok ? 'result ok' : 'result error';
  if (ok) {
    form.hidden = true;
    result.textContent = 'Your password is set. ';
    const signIn = document.createElement('a');
    signIn.href = '/login';
    signIn.textContent = 'Sign in as ' + answer.userId;
    result.append(signIn);
  } else {
    result.textContent = answer.detail || ('Not set (' + status + ')');
  }
});
