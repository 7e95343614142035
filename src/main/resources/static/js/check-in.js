// The phone check-in page. What the staff may send now, its labels and what to confirm first come
// from the server's view of the watch (allowedCheckIns), so this page holds no list of its own.
// The server renders the page for one visit (its reference already in upper case) or the list of the
// user's visits, which needs no script.
const reference = document.getElementById('page').dataset.visit;
let csrf = null;
let shown = '';
const time = value => value
  ? new Date(value).toLocaleTimeString('en-GB', {hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London'}) : '';

function say(text, kind) {
  const message = document.getElementById('message');
  message.textContent = text;
  message.className = kind || '';
}

// A page that cannot be used says why, in Doorstep's words when it sent them: never a blank page.
function refuse(reason) {
  document.getElementById('loading').hidden = true;
  document.getElementById('visit').hidden = true;
  document.getElementById('refusal-reason').textContent = reason;
  document.getElementById('refusal').hidden = false;
}

async function json(response) {
  try { return await response.json(); } catch (notJson) { return {}; }
}

async function load() {
  let response;
  try {
    response = await fetch('/api/visits/' + encodeURIComponent(reference) + '/safety', {headers: {Accept: 'application/json'}});
  } catch (offline) {
    document.getElementById('loading').hidden = true;
    say('Doorstep cannot be reached: check your signal, or call the office.', 'error');
    return;
  }
  if (response.status === 401) { location.href = '/login'; return; }
  const body = await json(response);
  if (!response.ok) {
    refuse(body.detail || ('Doorstep could not open visit ' + reference + ' (error ' + response.status + ').'));
    return;
  }
  csrf = {header: body.csrfHeader, token: body.csrfToken};
  document.getElementById('loading').hidden = true;
  document.getElementById('refusal').hidden = true;
  document.getElementById('visit').hidden = false;
  document.getElementById('ref').textContent = body.visitReference;
  document.getElementById('phase').textContent = body.phaseDescription;
  document.getElementById('staff').textContent = body.staff;
  document.getElementById('address').textContent = body.address || '';
  document.getElementById('last').textContent = body.lastCheckInAt ? time(body.lastCheckInAt) + ' (' + body.lastCheckInLabel + ')' : 'none';
  document.getElementById('due').textContent = body.nextCheckInDueAt ? time(body.nextCheckInDueAt)
      : (body.phase === 'DEPARTED' ? 'after you arrive' : 'no more check-ins due');
  document.getElementById('back').textContent = time(body.expectedBackAt);
  document.getElementById('alert').textContent = body.alertMessage || '';
  document.getElementById('ended').hidden = !body.ended;
  guidance(body.doorGuidance || []);
  buttons(body.allowedCheckIns);
}

// The school's rules for the door and inside the home, each with its clause, as the server sends them.
function guidance(rules) {
  document.getElementById('guidance').hidden = rules.length === 0;
  document.getElementById('guidance-rules').replaceChildren(...rules.map(rule => {
    const item = document.createElement('li');
    item.textContent = rule.rule + ' ';
    const source = document.createElement('span');
    source.className = 'muted';
    source.textContent = '(' + rule.source + ')';
    item.appendChild(source);
    return item;
  }));
}

function buttons(offers) {
  const key = offers.map(offer => offer.type).join();
  if (key === shown) return;
  shown = key;
  const checks = document.getElementById('checks');
  checks.replaceChildren(...offers.map(offer => {
    const button = document.createElement('button');
    button.className = 'check ' + offer.type.toLowerCase();
    button.dataset.type = offer.type;
    button.textContent = offer.label;
    button.addEventListener('click', () => checkIn(offer));
    return button;
  }));
}

async function checkIn(offer) {
  if (offer.confirmation && !confirm(offer.confirmation)) return;
  say('Sending ' + offer.label + '...');
  const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
  if (csrf) headers[csrf.header] = csrf.token;
  let response;
  try {
    response = await fetch('/api/visits/' + encodeURIComponent(reference) + '/check-ins',
        {method: 'POST', headers, body: JSON.stringify({type: offer.type})});
  } catch (offline) {
    say('Not sent: Doorstep cannot be reached. Call the office.', 'error');
    return;
  }
  const body = await json(response);
  if (response.ok) {
    say('Sent: ' + offer.label + ' at ' + time(body.recordedAt), 'done');
  } else {
    say(body.detail || ('Not sent (error ' + response.status + '). Call the office.'), 'error');
  }
  await load();
}

attachIncidentForm(document.getElementById('incident-form'), () => reference);
load();
setInterval(load, 30000);
