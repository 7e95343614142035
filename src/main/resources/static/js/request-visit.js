let csrf;
const form = document.getElementById('request');
const result = document.getElementById('result');
fetch('/api/me').then(r => r.json()).then(me => {
  csrf = me;
  document.getElementById('who').textContent = me.userId;
});
fetch('/api/pupils').then(r => r.json()).then(pupils => {
  const select = form.elements.pupilId;
  pupils.forEach(p => {
    const option = new Option(p.name + ' (' + p.yearGroup + ', ' + p.school + ')', p.id);
    option.dataset.socialWorker = p.hasSocialWorker;
    select.add(option);
  });
  select.dispatchEvent(new Event('change'));
});
form.elements.pupilId.addEventListener('change', e => {
  const chosen = e.target.selectedOptions[0];
  if (chosen) form.elements.hasSocialWorker.checked = chosen.dataset.socialWorker === 'true';
});
form.addEventListener('submit', async e => {
  e.preventDefault();
  const body = {
    pupilId: form.elements.pupilId.value, reason: form.elements.reason.value,
    announced: form.elements.announced.checked, hasSocialWorker: form.elements.hasSocialWorker.checked
  };
  const response = await fetch('/api/visits', { method: 'POST',
    headers: { 'Content-Type': 'application/json', [csrf.csrfHeader]: csrf.csrfToken }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  result.className = response.ok ? 'ok' : 'error';
  result.textContent = response.ok
    ? 'Visit ' + answer.reference + ' requested. ' + answer.nextStep
    : 'Not requested: ' + (answer.detail || response.status);
});
