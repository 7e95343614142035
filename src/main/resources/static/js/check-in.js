const params = new URLSearchParams(location.search);
const reference = params.get('visit');
let csrf = null;
const time = value => value ? new Date(value).toLocaleTimeString('en-GB', {hour: '2-digit', minute: '2-digit'}) : '';
const labels = {ARRIVED: 'arrived', OK: "I'm OK", LEAVING: 'leaving', BACK: 'back at school', EMERGENCY: 'EMERGENCY'};

function say(text, kind) {
  const message = document.getElementById('message');
  message.textContent = text;
  message.className = kind || '';
}

async function load() {
  const response = await fetch('/api/visits/' + encodeURIComponent(reference) + '/safety', {headers: {Accept: 'application/json'}});
  if (response.status === 401) { location.href = '/login'; return; }
  const body = await response.json();
  if (!response.ok) { say(body.detail || 'Could not load the visit', 'error'); return; }
  csrf = {header: body.csrfHeader, token: body.csrfToken};
  document.getElementById('visit').hidden = false;
  document.getElementById('ref').textContent = body.visitReference;
  document.getElementById('staff').textContent = body.staff;
  document.getElementById('address').textContent = body.address || '';
  document.getElementById('last').textContent = body.lastCheckInAt ? time(body.lastCheckInAt) + ' (' + labels[body.lastCheckInType] + ')' : 'none';
  document.getElementById('due').textContent = body.nextCheckInDueAt ? time(body.nextCheckInDueAt)
      : (body.phase === 'DEPARTED' ? 'after you arrive' : 'no more check-ins due');
  document.getElementById('back').textContent = time(body.expectedBackAt);
  document.getElementById('alert').textContent = body.ended ? 'Watch ended'
      : body.alert === 'EMERGENCY' ? 'EMERGENCY RAISED' : body.alert ? 'OVERDUE: the office is trying to reach you' : '';
  document.querySelectorAll('button.check').forEach(button => button.disabled = body.ended);
}

async function checkIn(type) {
  if (type === 'EMERGENCY' && !confirm('Raise an EMERGENCY? The office will call the police.')) return;
  say('Sending ' + labels[type] + '...');
  const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
  if (csrf) headers[csrf.header] = csrf.token;
  const response = await fetch('/api/visits/' + encodeURIComponent(reference) + '/check-ins',
      {method: 'POST', headers, body: JSON.stringify({type})});
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    say('Sent: ' + labels[type] + ' at ' + time(body.recordedAt), 'done');
  } else {
    say(body.detail || ('Not sent (' + response.status + '). Call the office.'), 'error');
  }
  await load();
}

async function chooser() {
  document.getElementById('choose').hidden = false;
  const response = await fetch('/api/safety/mine', {headers: {Accept: 'application/json'}});
  if (response.status === 401) { location.href = '/login'; return; }
  const visits = response.ok ? await response.json() : [];
  const list = document.getElementById('mine');
  if (visits.length === 0) list.innerHTML = '<li class="muted">none</li>';
  visits.forEach(visit => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '?visit=' + encodeURIComponent(visit.visitReference);
    link.textContent = visit.visitReference + ' - ' + (visit.address || '');
    item.appendChild(link);
    list.appendChild(item);
  });
  document.getElementById('pick').addEventListener('submit', event => {
    event.preventDefault();
    location.search = '?visit=' + encodeURIComponent(document.getElementById('reference').value.trim());
  });
}

document.querySelectorAll('button.check').forEach(button =>
    button.addEventListener('click', () => checkIn(button.dataset.type)));
if (reference) { load(); setInterval(load, 30000); } else { chooser(); }
