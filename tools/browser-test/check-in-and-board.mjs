// Signs in as visiting staff, presses "Arrived" and "I'm OK" on the phone page, then signs in as
// the office and checks that the safety board shows the visit at the address with the last check-in.
// Screenshots go to docs/images/. Run through tools/browser-test.sh.
import { chromium } from 'playwright-core';

const base = process.env.DOORSTEP_URL || 'http://localhost:8093';
const visit = process.env.DOORSTEP_VISIT || 'HV-DEMO-00001';
const password = process.env.DOORSTEP_DEMO_PASSWORD || 'doorstep-demo';
const images = process.env.DOORSTEP_IMAGES || 'docs/images';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const fail = message => { throw new Error(message); };

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
  await staff.goto(base + '/check-in.html?visit=' + visit);
  await staff.waitForSelector('#visit:not([hidden])');
  await staff.click('button[data-type="ARRIVED"]');
  // Locators, not waitForFunction: that evaluates strings, which the page's Content-Security-Policy forbids.
  await staff.locator('#message', { hasText: 'Sent: arrived' }).waitFor();
  await staff.click('button[data-type="OK"]');
  await staff.locator('#message', { hasText: "Sent: I'm OK" }).waitFor();
  await staff.locator('#last', { hasText: "I'm OK" }).waitFor({ timeout: 10000 });
  const last = await staff.textContent('#last');
  await staff.screenshot({ path: images + '/check-in-page.png', fullPage: true });
  console.log('phone page: arrived and I\'m OK sent; last check-in ' + last);

  // The office sees the board change.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 600 } });
  const office = await signIn(desk, 'office');
  await office.goto(base + '/safety-board.html');
  const row = office.locator('#rows tr', { hasText: visit });
  await row.waitFor();
  const text = await row.textContent();
  if (!text.includes('at the address') || !text.includes('ok')) fail('board row is "' + text + '"');
  const red = await office.locator('#rows tr.red', { hasText: 'EMERGENCY' }).count();
  if (red !== 1) fail('board shows ' + red + ' emergency rows in red');
  await office.screenshot({ path: images + '/safety-board.png', fullPage: true });
  console.log('board: ' + text.replace(/\s+/g, ' '));

  // Visiting staff may not open the board's data.
  const refused = await staff.evaluate(async () => (await fetch('/api/safety/board')).status);
  if (refused !== 403) fail('visiting staff got ' + refused + ' from the board API');
  console.log('browser test passed');
} finally {
  await browser.close();
}
