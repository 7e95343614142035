// A drill of the overdue chain in headless Chromium: the leader starts one on the visit out now from /drills,
// the office's safety board shows it marked DRILL (the missed arrival call comes at once) beside the real visit,
// which stays unmarked, and the leader ends it from its report.
// Run through tools/browser-test.sh (DOORSTEP_VISIT: the visit signed out); screenshots go to $DOORSTEP_IMAGES.
import { launchChromium } from './chromium.mjs';

const base = process.env.DOORSTEP_URL || 'http://localhost:8093';
const password = process.env.DOORSTEP_DEMO_PASSWORD || 'doorstep-demo';
const images = process.env.DOORSTEP_IMAGES || 'docs/images';
const visit = process.env.DOORSTEP_VISIT;

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

try {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const leader = await phone.newPage();
  await signIn(leader, 'leader');
  await leader.goto(base + '/drills');
  check(await leader.textContent('h1') === 'Drills of the overdue chain', 'the leader opens the drills page');
  check(await leader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'drills page: no sideways scroll at 390 px');
  if (visit) {
    await leader.selectOption('#visit', visit);
  }
  await Promise.all([leader.waitForNavigation(), leader.click('button:has-text("Start the drill now")')]);
  const drill = new URL(leader.url()).pathname.split('/').pop();
  check(/^DRILL-\d+$/.test(drill) && (await leader.textContent('h1')).startsWith('DRILL ' + drill),
    'starting the drill leads to its report, headed DRILL');

  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const office = await desk.newPage();
  await signIn(office, 'office');
  await office.goto(base + '/safety-board');
  const row = office.locator('#rows tr', { hasText: drill });
  await row.locator('.badge', { hasText: 'DRILL: ' }).waitFor({ timeout: 90000 });
  check((await row.textContent()).includes('DRILL: No arrival call'), 'the office\'s board shows the drill\'s alert marked DRILL');
  check(await row.locator('a').getAttribute('href') === '/drills/' + drill, 'the drill\'s row links to the drill, not to a visit');
  if (visit) {
    const real = office.locator('#rows tr', { hasText: visit });
    check(await real.count() === 1 && !(await real.textContent()).includes('DRILL'), 'the real visit\'s row is not marked DRILL');
  }
  await office.screenshot({ path: images + '/drill-on-the-board.png', fullPage: true });

  await leader.reload();
  await leader.locator('tbody tr', { hasText: 'DRILL: Call the visiting staff' }).first().waitFor({ timeout: 30000 });
  check(true, 'the report lists the first step, marked DRILL');
  await leader.screenshot({ path: images + '/drill-report-phone.png', fullPage: true });
  await Promise.all([leader.waitForNavigation(), leader.click('button:has-text("End the drill")')]);
  check((await leader.textContent('main')).includes('The drill has ended.'), 'the leader ends the drill');
} catch (error) {
  console.log('FAIL ' + error.message);
  failures++;
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
