// The administrators' schools page. Every choice comes from the server: roles in the page, profiles,
// schools and calendar kinds from the API.
let me;
const forms = { onboard: document.getElementById('onboard'), calendar: document.getElementById('calendar'),
  member: document.getElementById('member') };

function show(id, ok, text, problems) {
  const box = document.getElementById(id);
  box.className = 'result ' + (ok ? 'ok' : 'error');
  box.textContent = text;
  if (problems && problems.length) {
    const list = document.createElement('ul');
    problems.forEach(p => { const li = document.createElement('li'); li.textContent = p; list.appendChild(li); });
    box.appendChild(list);
  }
}

async function send(url, contentType, body) {
  const response = await fetch(url, { method: 'POST',
    headers: { 'Content-Type': contentType, [me.csrfHeader]: me.csrfToken }, body });
  return { ok: response.ok, answer: await response.json().catch(() => ({})), status: response.status };
}

function schoolRow(school, calendar) {
  const row = document.createElement('tr');
  [school.name + ' (' + school.id + ')', school.referencePrefix, school.urn || '-', school.dfeNumber || '-']
    .forEach(text => { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); });
  const status = document.createElement('td');
  if (!calendar.coversToday) {
    status.className = 'no-calendar';
    status.textContent = calendar.note;
  } else {
    status.textContent = (calendar.schoolDayToday ? 'School day' : 'Not a school day') + '; '
      + calendar.terms.length + ' terms, ' + calendar.closures.length + ' closure days';
  }
  row.appendChild(status);
  return row;
}

async function load() {
  const overview = await fetch('/api/admin/schools').then(r => r.json());
  const body = document.querySelector('#schools tbody');
  body.replaceChildren();
  ['calendar', 'member'].forEach(f => forms[f].elements.school.replaceChildren());
  for (const school of overview.schools) {
    const calendar = await fetch('/api/schools/' + encodeURIComponent(school.id) + '/calendar').then(r => r.json());
    body.appendChild(schoolRow(school, calendar));
    document.getElementById('kinds').textContent = 'Kinds in a CSV (or in an event\'s CATEGORIES): '
      + calendar.kinds.map(k => k.kind + ' (' + k.label + ')').join(', ') + '.';
    ['calendar', 'member'].forEach(f => forms[f].elements.school.add(new Option(school.name, school.id)));
  }
}

fetch('/api/me').then(r => r.json()).then(user => {
  me = user;
  load();
});
fetch('/api/policies').then(r => r.json()).then(profiles => profiles.forEach(p =>
  forms.onboard.elements.profile.add(new Option(p.schoolName + ' (' + p.id + ', version ' + p.version + ')', p.id))));

forms.onboard.addEventListener('submit', async e => {
  e.preventDefault();
  const fields = ['profile', 'name', 'urn', 'laNumber', 'dfeNumber', 'address', 'phone', 'email', 'referencePrefix'];
  const body = Object.fromEntries(fields.map(f => [f, forms.onboard.elements[f].value || null]));
  const { ok, answer, status } = await send('/api/admin/schools', 'application/json', JSON.stringify(body));
  show('onboard-result', ok, ok ? answer.name + ' is onboarded; its visits will be numbered HV-' + answer.referencePrefix
    + '-00001 onwards. Import its calendar next.' : 'Not onboarded: ' + (answer.detail || status));
  if (ok) load();
});

forms.calendar.addEventListener('submit', async e => {
  e.preventDefault();
  const file = forms.calendar.elements.file.files[0];
  const type = file.name.toLowerCase().endsWith('.ics') ? 'text/calendar' : 'text/csv';
  const school = forms.calendar.elements.school.value;
  const { ok, answer, status } = await send('/api/schools/' + encodeURIComponent(school) + '/calendar', type, await file.text());
  show('calendar-result', ok && answer.rejected === 0, ok
    ? answer.read + ' read: ' + answer.added + ' added, ' + answer.unchanged + ' unchanged, ' + answer.rejected + ' rejected.'
    : 'Not imported: ' + (answer.detail || status), ok ? answer.problems.map(p => p.where + ': ' + p.reason) : []);
  if (ok) load();
});

forms.member.addEventListener('submit', async e => {
  e.preventDefault();
  const school = forms.member.elements.school.value;
  const body = { userId: forms.member.elements.userId.value, role: forms.member.elements.role.value || null };
  const { ok, answer, status } = await send('/api/admin/schools/' + encodeURIComponent(school) + '/members',
    'application/json', JSON.stringify(body));
  show('member-result', ok, ok ? (answer.changed ? answer.userId + ' now works for ' + school + '.'
    : answer.userId + ' already worked for ' + school + '; nothing changed.') : 'Not added: ' + (answer.detail || status));
});
