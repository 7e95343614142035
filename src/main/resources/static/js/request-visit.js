// Progressive enhancement of the request form, which works without it: choosing a pupil ticks "social
// worker" from the pupil's record, and the form is sent once (a double click cannot send it twice).
const form = document.getElementById('request');
const button = form.querySelector('button[type="submit"]');
const idle = button.textContent;
form.elements.pupilId.addEventListener('change', event => {
  const chosen = event.target.selectedOptions[0];
  if (chosen && chosen.value) form.elements.hasSocialWorker.checked = chosen.dataset.socialWorker === 'true';
});
form.addEventListener('submit', event => {
  if (button.disabled) {
    event.preventDefault();
    return;
  }
  button.disabled = true;
  button.textContent = button.dataset.busy;
});
// Back from the next page (the browser's cache), the button must not stay "Requesting…".
window.addEventListener('pageshow', () => {
  button.disabled = false;
  button.textContent = idle;
});
