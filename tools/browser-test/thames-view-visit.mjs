// One ordinary Thames View home visit, walked as the five roles in Doorstep's pages and Tasklist, in
// Debian's Chromium (run through tools/browser-test.sh). Every Doorstep page on the way is checked with
// axe-core (WCAG 2.1 A and AA: no serious or critical violation), each role is checked for what it may
// NOT see, a screenshot is saved per step, and the clicks, entries and sign-ins are counted and printed
// (docs/first-visit-clicks.md).
//
// Most Tasklist steps are done in Tasklist as a person would (open the card, Claim, fill, Complete).
// The two long forms (the risk assessment and the plan) and the visit record are submitted through the
// engine's REST API as the same user, to keep the suite short; the count adds what a person does in
// those forms (open, Claim, one entry per field filled, Complete), marked "(form via REST)".
import { request as http } from 'playwright-core';
import { launchChromium } from './chromium.mjs';
import { readFileSync } from 'node:fs';

const base = process.env.DOORSTEP_URL || 'http://localhost:8093';
const password = process.env.DOORSTEP_DEMO_PASSWORD || 'doorstep-demo';
const images = process.env.DOORSTEP_IMAGES || 'docs/images';
const school = 'thames-view-junior';
const pupil = 'TVJ-0001';
const otherSchoolUser = 'bur-office';
const concernText = 'Synthetic concern: bruise on the forearm, explanation did not match.';
const axeSource = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

const fail = message => { throw new Error(message); };
const tally = new Map();
const count = (role, what, n = 1) => {
  const row = tally.get(role) || { clicks: 0, entries: 0, signIns: 0 };
  row[what] += n;
  tally.set(role, row);
};

const browser = await launchChromium();
// British staff on British time; CSP is bypassed only so that axe-core can be injected.
const desktop = { viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', bypassCSP: true };
const phone = { ...desktop, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function signIn(user, options = desktop) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  // "Back at school?" and the like: the member of staff confirms.
  context.on('page', opened => opened.on('dialog', dialog => dialog.accept()));
  page.on('dialog', dialog => dialog.accept());
  await page.goto(base + '/login');
  await page.fill('input[name="username"]', user);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"], input[type="submit"]')]);
  if (page.url().includes('error')) fail('sign-in as ' + user + ' failed');
  count(user, 'signIns');
  count(user, 'entries', 2);
  count(user, 'clicks');
  return page;
}

// WCAG 2.1 A and AA rules; serious or critical violations fail the walk, the rest are printed.
async function accessible(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => globalThis.axe.run(document,
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const blocking = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result.violations) {
    console.log('  axe ' + name + ': ' + v.impact + ' ' + v.id + ' (' + v.nodes.length + ') ' + v.nodes[0].target.join(' '));
  }
  if (blocking.length) fail(name + ': ' + blocking.length + ' serious or critical accessibility violations');
  console.log('  axe ' + name + ': no serious or critical violation');
}

async function shot(page, name) {
  await page.screenshot({ path: images + '/' + name + '.png', fullPage: true });
}

// A Doorstep page, opened, checked for accessibility and photographed.
async function open(page, path, name) {
  const response = await page.goto(base + path);
  if (response.status() !== 200) fail(path + ' answered ' + response.status());
  await accessible(page, path);
  await shot(page, name);
  return page;
}

async function status(page, path) {
  return (await page.request.get(base + path, { maxRedirects: 0 })).status();
}

// The engine REST API as the given user, from a client of its own: Basic credentials beside a
// browser's session cookie for someone else would end that session (a stray header is refused).
const basic = user => 'Basic ' + Buffer.from(user + ':' + password).toString('base64');
const api = await http.newContext();
async function rest(page, user, method, path, body) {
  const response = await api.fetch(base + '/engine-rest' + path, {
    method, headers: { Authorization: basic(user), 'Content-Type': 'application/json' }, data: body,
  });
  if (response.status() >= 400) fail(method + ' ' + path + ' as ' + user + ': ' + response.status() + ' ' + await response.text());
  return response.status() === 204 ? null : response.json();
}

async function taskFor(page, user, businessKey, definitionKey) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const query = '/task?taskDefinitionKey=' + definitionKey + (businessKey ? '&processInstanceBusinessKey=' + businessKey : '');
    const tasks = await rest(page, user, 'GET', query);
    if (tasks.length) return tasks[0];
    await page.waitForTimeout(250);
  }
  fail('no ' + definitionKey + ' task for ' + user + (businessKey ? ' on ' + businessKey : ''));
}

// A person's Tasklist step: open the card, Claim, fill the form, Complete.
async function inTasklist(page, user, task, fill, name) {
  await page.goto(base + '/camunda/app/tasklist/default/#/?task=' + task.id);
  count(user, 'clicks');
  const claim = page.getByRole('button', { name: 'Claim' }).or(page.getByText('Claim', { exact: true }));
  await claim.first().click();
  count(user, 'clicks');
  await page.locator('.fjs-form-field').first().waitFor();
  await fill(page);
  await shot(page, name);
  await page.getByRole('button', { name: 'Complete' }).click();
  count(user, 'clicks');
  await page.getByText('Complete', { exact: true }).waitFor({ state: 'detached', timeout: 15000 }).catch(() => {});
  await waitUntilGone(page, user, task.id);
}

async function waitUntilGone(page, user, taskId) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const open = await rest(page, 'admin', 'GET', '/task?taskId=' + taskId);
    if (!open.length) return;
    await page.waitForTimeout(250);
  }
  await shot(page, 'failed-' + user + '-' + taskId);
  fail('task ' + taskId + ' was not completed by ' + user + ' (screenshot failed-' + user + '-' + taskId + '.png)');
}

async function choose(page, user, label) {
  await page.getByLabel(label, { exact: true }).check();
  count(user, 'clicks');
}

// A form submitted through REST as the user; the count is what a person would do in Tasklist.
async function throughRest(page, user, task, variables) {
  await rest(page, user, 'POST', '/task/' + task.id + '/claim', { userId: user });
  const typed = Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, { value }]));
  await rest(page, user, 'POST', '/task/' + task.id + '/submit-form', { variables: typed });
  count(user, 'clicks', 3);
  count(user, 'entries', Object.keys(variables).length);
  console.log('  ' + task.name + ' (form via REST as ' + user + ')');
}

function londonIso(minutesFromNow) {
  return new Date(Date.now() + minutesFromNow * 60000).toISOString().replace(/\.\d+Z$/, 'Z');
}

try {
  // 1. Visiting staff request the visit.
  const visitor = await signIn('visitor1', phone);
  await open(visitor, '/', 'screen-home-visiting-staff-phone');
  const request = await open(visitor, '/request-visit', 'screen-request-visit-phone');
  count('visitor1', 'clicks');
  await request.selectOption('select[name="pupilId"], #pupil', pupil);
  await request.selectOption('select[name="reason"], #reason', 'attendance');
  // Thames View 3.3: visits are announced, the appointment made with the family.
  await request.check('input[name="announced"]');
  count('visitor1', 'entries', 3);
  await request.click('#request button[type="submit"]');
  count('visitor1', 'clicks');
  const answer = request.locator('.result');
  await answer.first().waitFor();
  if (await request.locator('.result.error').count()) fail('not requested: ' + await answer.first().textContent());
  const reference = (await answer.first().textContent()).match(/HV-THA-\d{5}/)[0];
  await shot(request, 'walk-01-requested');
  console.log('1. visitor1 requested ' + reference);

  // 2. Thames View lists visits for signing (compiled every Monday by the schedule; here by hand).
  const office = await signIn('office');
  const csrf = (await office.context().cookies()).find(c => c.name === 'DOORSTEP-XSRF')?.value;
  const compiled = await office.request.post(base + '/api/visit-lists?school=' + school, { headers: { 'X-DOORSTEP-XSRF': csrf || '' } });
  if (compiled.status() !== 200) fail('visit list not compiled: ' + compiled.status() + ' ' + await compiled.text());
  const head = await signIn('head');
  await open(head, '/', 'screen-home-headteacher');
  const list = await taskFor(head, 'head', null, 'Task_SignVisitList');
  await inTasklist(head, 'head', list, page => choose(page, 'head', 'Approve and sign the list'), 'walk-02-sign-list');
  console.log('2. head signed the visit list');

  // 3. The headteacher authorises (Thames View 2.1).
  const authorise = await taskFor(head, 'head', reference, 'Task_AuthoriseVisit');
  if (!authorise.name.includes(reference)) console.log('  NOTE: the task name does not carry the reference yet: ' + authorise.name);
  await inTasklist(head, 'head', authorise, page => choose(page, 'head', 'Approve the visit'), 'screen-tasklist-authorise');
  console.log('3. head authorised');

  // 4. The office assesses the risk.
  const risk = await taskFor(office, 'office', reference, 'Task_AssessRisk');
  await throughRest(office, 'office', risk, {
    protectionRegisterChecked: true, protectionRegisterHit: false,
    riskControls: 'Two staff; the office holds the plan and the route.',
  });

  // 5. Visiting staff plan the visit: on foot, with a colleague, appointment in 20 minutes.
  const plan = await taskFor(visitor, 'visitor1', reference, 'Task_PlanVisit');
  await throughRest(visitor, 'visitor1', plan, {
    leadVisitor: 'visitor1', leadMobile: '07700 900123', companionKind: 'staff', companionStaff: 'visitor2',
    companionMobile: '07700 900456', transport: 'foot', walkingRoute: 'School gate, Park Lane, Test Street.',
    appointmentTime: londonIso(20), expectedReturnTime: londonIso(80),
  });

  // 6. The office signs them out.
  const signOut = await taskFor(office, 'office', reference, 'Task_SignOut');
  await inTasklist(office, 'office', signOut, async page => {
    await page.getByRole('checkbox').first().check();
    count('office', 'clicks');
  }, 'walk-06-sign-out');
  console.log('6. office signed them out');

  // 7. On the phone: arrived.
  const checkIn = await open(visitor, '/check-in?visit=' + reference, 'walk-07-check-in-opening');
  count('visitor1', 'clicks');
  await checkIn.click('button[data-type="ARRIVED"]');
  count('visitor1', 'clicks');
  await checkIn.locator('#message', { hasText: 'Arrived' }).waitFor();
  await accessible(checkIn, 'check-in page at the address');
  await shot(checkIn, 'screen-check-in-phone');
  console.log('7. visitor1 arrived');

  // 8. The parent is there; going in is safe (Thames View 3.4, 3.6), both in Tasklist on the phone.
  // Tasklist in a second tab, so the check-in page stays open as it would on the phone.
  const visitorTasks = await visitor.context().newPage();
  const wait = await taskFor(visitor, 'visitor1', reference, 'Task_WaitForParent');
  await inTasklist(visitorTasks, 'visitor1', wait, page => choose(page, 'visitor1', 'Is here'), 'walk-08-parent-here');
  const entry = await taskFor(visitor, 'visitor1', reference, 'Task_DecideEntry');
  await inTasklist(visitorTasks, 'visitor1', entry, async page => {
    for (const radio of await page.getByRole('radio', { name: /^Yes/ }).all()) {
      await radio.check();
      count('visitor1', 'clicks');
    }
    await page.getByRole('radio', { name: 'No', exact: true }).last().check();
    count('visitor1', 'clicks');
  }, 'walk-08-go-in');
  console.log('8. visitor1 went in');

  // 9. Leaving and back at school, on the check-in page.
  await checkIn.bringToFront();
  await checkIn.reload();
  for (const type of ['OK', 'LEAVING', 'BACK']) {
    await checkIn.click('button[data-type="' + type + '"]');
    count('visitor1', 'clicks');
    if (type === 'BACK') count('visitor1', 'clicks'); // the confirmation
    await checkIn.locator('#message.done').waitFor();
  }
  await shot(checkIn, 'walk-09-back');
  console.log('9. visitor1 back at school');

  // 10. The record, with a safeguarding concern: the DSL is told at once.
  const record = await taskFor(visitor, 'visitor1', reference, 'Task_RecordVisit');
  await throughRest(visitor, 'visitor1', record, {
    visitOutcome: 'Parent agreed attendance matters; back tomorrow.', childSeen: 'yes', agreements: '', concerns: '',
    tellDsl: true, tellSenco: false, tellClassTeacher: true, safeguardingConcern: true, safeguardingDetails: concernText,
  });

  // 11. The DSL reads the concern in the inbox and decides there, with the reasoning.
  const dsl = await signIn('dsl');
  await open(dsl, '/', 'screen-home-dsl');
  const inbox = await open(dsl, '/safeguarding', 'screen-safeguarding-inbox');
  count('dsl', 'clicks');
  await inbox.getByRole('link', { name: new RegExp(reference + '|Amira') }).first().click();
  count('dsl', 'clicks');
  await inbox.getByText(concernText).waitFor();
  await accessible(inbox, 'concern page');
  await shot(inbox, 'screen-safeguarding-concern');
  await inbox.getByLabel(/Monitor/).first().check();
  await inbox.getByLabel(/reason/i).first().fill('Known family; monitor with class teacher for two weeks.');
  count('dsl', 'clicks');
  count('dsl', 'entries');
  await inbox.getByRole('button', { name: /Record|Save|Decide/ }).first().click();
  count('dsl', 'clicks');
  await inbox.waitForLoadState();
  await waitUntilGone(inbox, 'dsl', (await rest(inbox, 'admin', 'GET', '/history/task?processInstanceBusinessKey=' + reference
    + '&taskDefinitionKey=Task_DslReview'))[0].id);
  console.log('11. dsl decided in the inbox');

  // 12. The visit page and the pupil's chronology, and what each role may not see.
  const visitPage = await open(head, '/visits/' + reference, 'screen-visit-page');
  // The state in words, people by name, the time line with who and when.
  for (const words of ['Amira Example', 'Helen Hart', 'Vera Vance', 'Authorise the visit']) {
    if (!(await visitPage.getByText(words).count())) fail('the visit page does not show ' + words);
  }
  if (!(await visitPage.content()).includes(concernText)) fail('the headteacher cannot read the concern on the visit page');
  await open(visitor, '/visits/' + reference, 'screen-visit-page-phone');
  if ((await visitor.content()).includes(concernText)) fail('visiting staff can read the safeguarding concern');
  const pupilPage = await open(dsl, '/pupils/' + pupil, 'screen-pupil-page');
  if (!(await pupilPage.content()).includes(reference)) fail('the pupil chronology does not list ' + reference);
  await open(visitor, '/pupils/' + pupil, 'screen-pupil-page-visiting-staff');
  if ((await visitor.content()).includes(concernText)) fail('visiting staff can read the concern in the chronology');
  await open(office, '/', 'screen-home-office');
  await open(office, '/safety-board', 'screen-safety-board');

  const refusedToOffice = await status(office, '/safeguarding');
  if (refusedToOffice !== 403 && refusedToOffice !== 404) fail('the office opened the safeguarding inbox: ' + refusedToOffice);
  const cockpit = await status(office, '/camunda/app/cockpit/default/');
  if (cockpit !== 403) fail('the office opened Cockpit: ' + cockpit);
  const other = await signIn(otherSchoolUser);
  const otherSchool = await status(other, '/visits/' + reference);
  if (otherSchool !== 404) fail('another school\'s user opened ' + reference + ': ' + otherSchool);
  console.log('12. refused: office → inbox ' + refusedToOffice + ', office → Cockpit ' + cockpit + ', '
    + otherSchoolUser + ' → visit ' + otherSchool);

  // 13. A senior leader watches: the board and the visit, read only, and Cockpit.
  const leader = await signIn('leader');
  await open(leader, '/', 'screen-home-senior-leader');
  await open(leader, '/visits/' + reference, 'screen-visit-page-leader');
  if ((await leader.content()).includes(concernText)) fail('a senior leader can read the safeguarding concern');
  const leaderCockpit = await status(leader, '/camunda/app/cockpit/default/');
  if (leaderCockpit !== 200) fail('the senior leader cannot open Cockpit: ' + leaderCockpit);
  console.log('13. leader watched; Cockpit ' + leaderCockpit);

  // The count for docs/first-visit-clicks.md.
  let clicks = 0, entries = 0, signIns = 0;
  console.log('\nrole        clicks  entries  sign-ins');
  for (const [role, row] of tally) {
    if (role === otherSchoolUser) continue;
    console.log(role.padEnd(12) + String(row.clicks).padStart(6) + String(row.entries).padStart(9) + String(row.signIns).padStart(10));
    clicks += row.clicks; entries += row.entries; signIns += row.signIns;
  }
  console.log('total       ' + String(clicks).padStart(6) + String(entries).padStart(9) + String(signIns).padStart(10));
  console.log('Thames View visit ' + reference + ' walked end to end');
} catch (error) {
  // Every open page as it was when the walk failed, for whoever reads the CI log.
  let n = 0;
  for (const context of browser.contexts()) {
    for (const page of context.pages()) await page.screenshot({ path: images + '/failed-' + (++n) + '.png', fullPage: true }).catch(() => {});
  }
  console.log('FAILED: screenshots of the ' + n + ' open pages in ' + images + '/failed-*.png');
  throw error;
} finally {
  await browser.close();
}
