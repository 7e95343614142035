// Records an incident or near miss; for the headteacher, senior leaders and the DSL (the server renders
// the review section for them only) also lists their schools' incidents, those still to review first,
// each with a "Reviewed" button.
const when = value => value
  ? new Date(value).toLocaleString('en-GB', {dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/London'}) : '';
let me = null;

function cell(row, text) { const td = document.createElement('td'); td.textContent = text || ''; row.appendChild(td); return td; }

async function list() {
  if (!document.getElementById('review')) return;
  const response = await fetch('/api/incidents', {headers: {Accept: 'application/json'}});
  if (response.status === 401) { location.href = '/login'; return; }
  if (!response.ok) {
    document.getElementById('status').textContent = 'Doorstep could not load the incidents (error ' + response.status + ').';
    return;
  }
  const incidents = await response.json();
  document.getElementById('rows').replaceChildren(...incidents.map(incident => {
    const row = document.createElement('tr');
    row.dataset.id = incident.id;
    if (!incident.reviewedAt) row.className = 'open';
    cell(row, String(incident.id));
    cell(row, incident.kindLabel);
    cell(row, incident.visitReference);
    cell(row, when(incident.occurredAt));
    cell(row, incident.whatHappened);
    cell(row, incident.recordedBy);
    const reviewed = cell(row, incident.reviewedAt ? incident.reviewedBy + ', ' + when(incident.reviewedAt) : '');
    if (!incident.reviewedAt) {
      const button = document.createElement('button');
      button.textContent = 'Reviewed';
      button.addEventListener('click', () => review(incident.id));
      reviewed.appendChild(button);
    }
    return row;
  }));
  document.getElementById('status').textContent = incidents.filter(i => !i.reviewedAt).length + ' still to review.';
}

async function review(id) {
  const response = await fetch('/api/incidents/' + id + '/review', {method: 'POST',
    headers: {Accept: 'application/json', [me.csrfHeader]: me.csrfToken}});
  const body = await response.json().catch(() => ({}));
  document.getElementById('status').textContent = response.ok ? 'Incident ' + id + ' marked reviewed.'
      : 'Not marked: ' + (body.detail || response.status);
  await list();
}

fetch('/api/me', {headers: {Accept: 'application/json'}}).then(r => r.json()).then(user => { me = user; });
attachIncidentForm(document.getElementById('incident-form'), () => document.getElementById('visit-reference').value.trim(), list);
list();
