// Fills the board from /api/safety/board every 15 seconds. Words (phases, check-ins, alerts) come from the
// server. A row turning red is announced (live region) and the tab's title counts the overdue rows, so an
// office with the board in a background tab still sees it.
const time = value => value
  ? new Date(value).toLocaleTimeString('en-GB', {hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London'}) : '-';
const title = document.title;
let red = null;

function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }

function line(visit) {
  const row = document.createElement('tr');
  if (visit.red) row.className = 'red';
  const reference = document.createElement('th');
  reference.scope = 'row';
  const link = document.createElement('a');
  link.href = visit.link;
  link.textContent = visit.visitReference;
  reference.appendChild(link);
  row.appendChild(reference);
  cell(row, visit.pupil);
  cell(row, visit.staff);
  cell(row, (visit.address || '') + (visit.transport ? ' (' + visit.transport + ')' : ''));
  cell(row, time(visit.since));
  cell(row, visit.lastCheckInAt ? time(visit.lastCheckInAt) + ' ' + visit.lastCheckInLabel : 'none');
  cell(row, time(visit.nextCheckInDueAt));
  cell(row, time(visit.expectedBackAt));
  const state = cell(row, visit.phaseLabel);
  if (visit.alert || visit.red) {
    // Not by colour alone: the word says it too.
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = visit.alertLabel ? visit.alertLabel + (visit.overdueStep ? ': ' + visit.overdueStep : '') : 'Overdue';
    state.append(' ', badge);
  }
  return row;
}

function announce(board) {
  const now = new Set(board.out.filter(visit => visit.red).map(visit => visit.visitReference));
  if (red !== null) {
    const turned = board.out.filter(visit => visit.red && !red.has(visit.visitReference));
    if (turned.length) {
      document.getElementById('announce').textContent = turned.map(visit => visit.visitReference + ', ' + visit.pupil
        + ': ' + (visit.alertLabel || 'overdue')).join('. ');
    }
  }
  red = now;
  document.title = (now.size ? '(' + now.size + ' overdue) ' : '') + title;
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('/api/safety/board', {headers: {Accept: 'application/json'}});
    if (response.status === 401) { location.href = '/login'; return; }
    if (!response.ok) { status.textContent = 'Doorstep could not load the board (error ' + response.status + '). Retrying.'; return; }
    const board = await response.json();
    const rows = document.getElementById('rows');
    rows.replaceChildren(...board.out.map(line));
    if (board.out.length === 0) {
      const row = document.createElement('tr');
      cell(row, 'Nobody is out on a visit.').colSpan = 9;
      rows.appendChild(row);
    }
    announce(board);
    const undelivered = document.getElementById('undelivered');
    undelivered.hidden = board.undeliveredAlerts === 0;
    undelivered.textContent = board.undeliveredAlerts + ' alert e-mail(s) or text(s) not delivered yet: '
      + board.undelivered.map(m => m.visitReference + ' ' + m.channel.toLowerCase() + ' to ' + m.recipientUser
        + (m.status === 'FAILED' ? ' (gave up)' : ' (retrying)')).join(', ') + '. Phone them.';
    status.textContent = board.out.length + ' out now, ' + red.size + ' overdue. Updated ' + time(board.asOf)
      + '; refreshes every 15 seconds.';
  } catch (e) {
    status.textContent = 'Could not reach Doorstep: ' + e.message + '. Retrying.';
  }
}
refresh();
setInterval(refresh, 15000);
