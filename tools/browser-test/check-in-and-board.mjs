// Signs in as visiting staff and checks that the phone page offers only the check-ins of each phase
// (on the way: Arrived / Turned back / EMERGENCY; at the address: I'm OK / Leaving / Leaving: I feel
// unsafe / EMERGENCY; on the way back: Back at school / EMERGENCY), shows the school's door rules with
// their clauses at the address, records a near miss that the headteacher then marks reviewed on the
// incidents page (Burgh 11), presses "Arrived" and "I'm OK", then signs in as the
// office and checks that the safety board shows the visit at the address with the last check-in;
// back on the phone, "Back at school" is sent only once confirmed, and a visit the page cannot be
// used for says why. Also (issue 12 items 7 and 8): the pages fit a 390px-wide phone without sideways
// scroll, a double click on "Request the visit" asks once and the page says which visit it made, and the
// board's tab title counts the overdue. Screenshots go to docs/images/. Run through tools/browser-test.sh.
import { launchChromium } from './chromium.mjs';

const base = process.env.DOORSTEP_URL || 'http://localhost:8093';
const visit = process.env.DOORSTEP_VISIT || 'HV-DEMO-00001';
const password = process.env.DOORSTEP_DEMO_PASSWORD || 'doorstep-demo';
const images = process.env.DOORSTEP_IMAGES || 'docs/images';

const browser = await launchChromium();
const fail = message => { throw new Error(message); };

// The buttons the page drew, by check-in type, once the one expected first is there.
async function offered(page, first, expected) {
  await page.locator('#checks button[data-type="' + first + '"]').waitFor();
  const types = await page.locator('#checks button').evaluateAll(buttons => buttons.map(button => button.dataset.type));
  if (types.join() !== expected.join()) fail('offered ' + types.join() + ', expected ' + expected.join());
  return types;
}

// Opens the page for a visit it cannot be used for and returns the reason it shows.
async function refusal(page, visitReference, words) {
  await page.goto(base + '/check-in?visit=' + visitReference);
  const reason = page.locator('#refusal-reason', { hasText: words });
  await reason.waitFor();
  if (!(await page.isHidden('#visit'))) fail('refused page still shows the check-in buttons');
  return reason.textContent();
}

// Issue 12 item 8: a page fits a phone's width; only a wide table may scroll, inside its own box.
async function fitsThePhone(page, path) {
  await page.goto(base + path);
  await page.locator('main h1').waitFor();
  await page.waitForLoadState('networkidle');  // what the page's script draws counts too
  const wider = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (wider > 0) fail(path + ' scrolls sideways by ' + wider + 'px at 390px wide');
}

async function signIn(context, user) {
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.fill('input[name="username"]', user);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"], input[type="submit"]')]);
  if (page.url().includes('error')) fail('sign-in as ' + user + ' failed');
  return page;
}

try {
  // The visiting member of staff, on a phone-sized screen.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const staff = await signIn(phone, 'visitor1');
  for (const path of ['/', '/check-in', '/check-in?visit=' + visit, '/request-visit', '/incidents']) await fitsThePhone(staff, path);
  console.log('phone: no sideways scroll on the home, check-in, request and incidents pages');

  // A double click on "Request the visit" asks once, and the page says which visit it made.
  await staff.goto(base + '/request-visit');
  await staff.selectOption('#pupil', 'TVJ-0002');
  await staff.selectOption('#reason', 'support');
  await Promise.all([staff.waitForNavigation(), staff.dblclick('#request button[type="submit"]')]);
  const answer = await staff.locator('.result.ok, .result.error').first().textContent();
  if (!/Visit HV-[A-Z]+-\d+\s+requested/.test(answer)) fail('after a double click the page says "' + answer.trim() + '"');
  console.log('request page, double click: ' + answer.replace(/\s+/g, ' ').trim());
  await staff.screenshot({ path: images + '/request-visit-phone.png', fullPage: true });

  await staff.goto(base + '/check-in?visit=' + visit);
  await staff.waitForSelector('#visit:not([hidden])');
  console.log('on the way: ' + await offered(staff, 'ARRIVED', ['ARRIVED', 'TURNED_BACK', 'EMERGENCY']));
  await staff.click('button[data-type="ARRIVED"]');
  // Locators, not waitForFunction: that evaluates strings, which the page's Content-Security-Policy forbids.
  await staff.locator('#message', { hasText: 'Sent: Arrived' }).waitFor();
  console.log('at the address: ' + await offered(staff, 'OK', ['OK', 'LEAVING', 'WITHDREW_UNSAFE', 'EMERGENCY']));
  // The school's door rules, each with its clause, come from its profile through the API.
  const rule = staff.locator('#guidance:not([hidden]) #guidance-rules li', { hasText: '(Thames View 3.8)' });
  await rule.waitFor();
  console.log('door guidance: ' + (await rule.textContent()));
  // A near miss recorded from the phone, against this visit.
  await staff.click('#incident summary');
  await staff.locator('#incident-form select[name="kind"] option[value="NEAR_MISS"]').waitFor({ state: 'attached' });
  await staff.selectOption('#incident-form select[name="kind"]', 'NEAR_MISS');
  await staff.fill('#incident-form textarea[name="whatHappened"]', 'Loose dog ran at us at the gate; owner called it back.');
  await staff.click('#incident-form button[type="submit"]');
  await staff.locator('#incident-form .incident-result.done, #incident-form .incident-result.error').waitFor();
  const recorded = await staff.textContent('#incident-form .incident-result');
  if (!recorded.startsWith('Recorded: Near miss')) fail('incident not recorded: ' + recorded);
  console.log('incident: ' + recorded);
  await staff.click('button[data-type="OK"]');
  await staff.locator('#message', { hasText: "Sent: I'm OK" }).waitFor();
  await staff.locator('#last', { hasText: "I'm OK" }).waitFor({ timeout: 10000 });
  const last = await staff.textContent('#last');
  await staff.screenshot({ path: images + '/check-in-page.png', fullPage: true });
  console.log('phone page: arrived and I\'m OK sent; last check-in ' + last);

  // The office sees the board change.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 600 } });
  const office = await signIn(desk, 'office');
  await office.goto(base + '/safety-board');
  const row = office.locator('#rows tr', { hasText: visit });
  await row.waitFor();
  const text = await row.textContent();
  if (!text.includes('At the address') || !text.includes("I'm OK")) fail('board row is "' + text + '"');
  const red = await office.locator('#rows tr.red', { hasText: 'EMERGENCY' }).count();
  if (red !== 1) fail('board shows ' + red + ' emergency rows in red');
  await office.screenshot({ path: images + '/safety-board.png', fullPage: true });
  if (!/^\(\d+ overdue\)/.test(await office.title())) fail('the tab title does not count the emergency: ' + await office.title());
  const officePhone = await signIn(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true }), 'office');
  await fitsThePhone(officePhone, '/safety-board');
  console.log('board: ' + text.replace(/\s+/g, ' '));

  // On the way back, "Back at school" ends the watch: dismissed, nothing is sent; confirmed, it is.
  await staff.click('button[data-type="LEAVING"]');
  await staff.locator('#message', { hasText: 'Sent: Leaving' }).waitFor();
  console.log('on the way back: ' + await offered(staff, 'BACK', ['BACK', 'EMERGENCY']));
  let asked = null;
  staff.once('dialog', dialog => { asked = dialog.message(); dialog.dismiss(); });
  await staff.click('button[data-type="BACK"]');
  if (!asked || !asked.includes('back at school')) fail('"Back at school" was not confirmed first: ' + asked);
  if ((await staff.textContent('#message')).includes('Back at school')) fail('sent although the question was dismissed');
  staff.once('dialog', dialog => dialog.accept());
  await staff.click('button[data-type="BACK"]');
  await staff.locator('#message', { hasText: 'Sent: Back at school' }).waitFor();
  await staff.locator('#ended:not([hidden])').waitFor();
  if (await staff.locator('#checks button').count() !== 0) fail('buttons still offered after the watch ended');
  console.log('back at school: confirmed first ("' + asked + '"); the watch has ended and no button is left');

  // Pages that cannot be used say why.
  console.log('not on the visit: ' + await refusal(staff, 'HV-DEMO-00002', 'not on visit'));
  console.log('no such visit: ' + await refusal(staff, 'HV-NOPE-00009', 'There is no visit'));
  console.log('not signed out: ' + await refusal(staff, 'HV-DEMO-00003', 'have not signed out'));
  await staff.screenshot({ path: images + '/check-in-refused.png', fullPage: true });

  // The headteacher reviews the near miss on the incidents page.
  const study = await browser.newContext({ viewport: { width: 1280, height: 700 } });
  const head = await signIn(study, 'head');
  await head.goto(base + '/incidents');
  const incident = head.locator('#rows tr.open', { hasText: 'Loose dog ran at us at the gate' });
  await incident.waitFor();
  if (!(await incident.textContent()).includes(visit)) fail('incident row does not name ' + visit);
  await incident.locator('button', { hasText: 'Reviewed' }).click();
  const reviewed = head.locator('#rows tr:not(.open)', { hasText: 'Loose dog ran at us at the gate' });
  await reviewed.waitFor();
  if (!(await reviewed.textContent()).includes('head,')) fail('review not recorded: ' + await reviewed.textContent());
  await head.screenshot({ path: images + '/incidents.png', fullPage: true });
  console.log('incidents page: reviewed by the headteacher');

  // Visiting staff may not open the board's data.
  const refused = await staff.evaluate(async () => (await fetch('/api/safety/board')).status);
  if (refused !== 403) fail('visiting staff got ' + refused + ' from the board API');
  console.log('browser test passed');
} finally {
  await browser.close();
}
