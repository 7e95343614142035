// The "record an incident or near miss" form (Burgh 11), shared by the check-in page and the incidents
// page. The kinds and their labels are rendered by the server; the visit is the page's (or typed in).
function attachIncidentForm(form, visitReference, onRecorded) {
  const kind = form.querySelector('[name="kind"]');
  const what = form.querySelector('[name="whatHappened"]');
  const result = form.querySelector('.incident-result');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
    let response;
    try {
      // The CSRF token is asked for now, not when the page opened: another request of the page may
      // have created the session's token meanwhile, and only the latest one is accepted.
      const me = await (await fetch('/api/me', {headers: {Accept: 'application/json'}})).json();
      headers[me.csrfHeader] = me.csrfToken;
      response = await fetch('/api/incidents', {method: 'POST', headers,
        body: JSON.stringify({kind: kind.value, visitReference: visitReference() || null, whatHappened: what.value})});
    } catch (offline) {
      result.textContent = 'Not recorded: Doorstep cannot be reached.';
      result.className = 'incident-result error';
      return;
    }
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      result.textContent = 'Recorded: ' + body.kindLabel + ' ' + body.id + '. The school\'s leaders will review it.';
      result.className = 'incident-result done';
      what.value = '';
      if (onRecorded) onRecorded(body);
    } else {
      result.textContent = 'Not recorded: ' + (body.detail || ('error ' + response.status));
      result.className = 'incident-result error';
    }
  });
}
