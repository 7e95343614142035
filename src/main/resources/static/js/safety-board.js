const time = value => value ? new Date(value).toLocaleTimeString('en-GB', {hour: '2-digit', minute: '2-digit'}) : '-';
const phases = {DEPARTED: 'on the way', AT_ADDRESS: 'at the address', RETURNING: 'on the way back', BACK: 'back'};
const alerts = {MISSED_CHECK_IN: 'CHECK-IN MISSED', NO_ARRIVAL_CALL: 'NO ARRIVAL CALL', NOT_BACK: 'NOT BACK', EMERGENCY: 'EMERGENCY'};
function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
async function refresh() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('/api/safety/board', {headers: {Accept: 'application/json'}});
    if (response.status === 401) { location.href = '/login'; return; }
    if (response.status === 403) { status.textContent = 'The safety board is for the office and senior leaders.'; return; }
    const board = await response.json();
    const rows = document.getElementById('rows');
    rows.innerHTML = '';
    board.out.forEach(visit => {
      const row = document.createElement('tr');
      if (visit.red) row.className = 'red';
      cell(row, visit.visitReference);
      cell(row, visit.staff);
      cell(row, (visit.address || '') + (visit.transport ? ' (' + visit.transport + ')' : ''));
      cell(row, time(visit.since));
      cell(row, visit.lastCheckInAt ? time(visit.lastCheckInAt) + ' ' + visit.lastCheckInType.toLowerCase() : 'none');
      cell(row, time(visit.nextCheckInDueAt));
      cell(row, time(visit.expectedBackAt));
      const state = cell(row, phases[visit.phase] || visit.phase);
      if (visit.alert) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = alerts[visit.alert] + (visit.overdueStep ? ': ' + visit.overdueStep : '');
        state.textContent = '';
        state.appendChild(badge);
      } else if (visit.red) {
        state.textContent = 'OVERDUE';
      }
      rows.appendChild(row);
    });
    if (board.out.length === 0) {
      const row = document.createElement('tr');
      cell(row, 'Nobody is out on a visit.').colSpan = 8;
      rows.appendChild(row);
    }
    const undelivered = document.getElementById('undelivered');
    undelivered.hidden = board.undeliveredAlerts === 0;
    undelivered.textContent = board.undeliveredAlerts + ' alert e-mail(s) or text(s) not delivered yet: '
      + board.undelivered.map(m => m.visitReference + ' ' + m.channel.toLowerCase() + ' to ' + m.recipientUser
        + (m.status === 'FAILED' ? ' (gave up)' : ' (retrying)')).join(', ') + '. Phone them.';
    status.textContent = board.out.length + ' out now. Updated ' + time(board.asOf) + '; refreshes every 15 seconds.';
  } catch (e) {
    status.textContent = 'Could not reach Doorstep: ' + e.message + '. Retrying.';
  }
}
refresh();
setInterval(refresh, 15000);
