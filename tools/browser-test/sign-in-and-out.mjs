// The shell every page shares, in headless Chromium: Doorstep's sign-in page, the 403 page the office
// gets for Cockpit, no sideways scroll on a phone, and one sign-out (Doorstep's button and Tasklist's
// own "Log out" both end on Doorstep's sign-in, and the other side is signed out too).
// Run through tools/browser-test.sh; screenshots go to $DOORSTEP_IMAGES.
import { launchChromium } from './chromium.mjs';

const base = process.env.DOORSTEP_URL || 'http://localhost:8093';
const password = process.env.DOORSTEP_DEMO_PASSWORD || 'doorstep-demo';
const images = process.env.DOORSTEP_IMAGES || 'docs/images';

const browser = await launchChromium();
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

async function signIn(page, user) {
  await page.goto(base + '/login');
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
}

async function noSidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

try {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(base + '/login');
  check(await page.textContent('h1') === 'Sign in to Doorstep', 'the sign-in page is Doorstep\'s own');
  check(await noSidewaysScroll(page), 'sign-in page: no sideways scroll at 390 px');
  await page.screenshot({ path: images + '/sign-in-phone.png', fullPage: true });

  await page.fill('#username', 'office');
  await page.fill('#password', 'not-the-password');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  check((await page.textContent('.result.error')).includes('Wrong user name or password'), 'a wrong password is told plainly');

  await signIn(page, 'admin');
  check(await noSidewaysScroll(page), 'home with every door in the header: no sideways scroll at 390 px');
  await page.screenshot({ path: images + '/header-phone.png' });
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.classList.contains('skip-link')), 'the first Tab reaches the skip link');

  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const office = await desk.newPage();
  await signIn(office, 'office');
  const refused = await office.goto(base + '/camunda/app/cockpit/default/');
  check(refused.status() === 403 && (await office.textContent('h1')) === 'This page is not for your role',
    'the office refused Cockpit gets the branded 403 page');
  check(await office.locator('main a.card', { hasText: 'Safety board' }).count() === 1, 'the 403 page offers the office\'s own doors');
  await office.screenshot({ path: images + '/forbidden-office-cockpit.png', fullPage: true });

  // Tasklist's own Log out: the webapp calls its logout API, then routes to its own sign-in form.
  await office.goto(base + '/camunda/app/tasklist/default/');
  await office.locator('.dropdown-toggle .glyphicon-user').click();
  await Promise.all([office.waitForURL(url => url.pathname === '/login', { timeout: 15000 }), office.click('li.logout a')]);
  check(true, 'Tasklist\'s Log out lands on Doorstep\'s sign-in');
  const home = await office.goto(base + '/');
  check(new URL(office.url()).pathname === '/login', 'after Tasklist\'s Log out, Doorstep asks for a sign-in too');

  // Doorstep's Sign out in the header: no "Are you sure?", and Tasklist is signed out too.
  await signIn(office, 'office');
  await Promise.all([office.waitForNavigation(), office.click('header button:has-text("Sign out")')]);
  check(office.url().endsWith('/login?signed-out') && (await office.textContent('.result.ok')).includes('You have signed out'),
    'Doorstep\'s Sign out lands on the sign-in page saying so');
  await office.goto(base + '/camunda/app/tasklist/default/');
  check(new URL(office.url()).pathname === '/login', 'after Doorstep\'s Sign out, Tasklist asks for a sign-in too');
} catch (error) {
  console.log('FAIL ' + error.message);
  failures++;
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
