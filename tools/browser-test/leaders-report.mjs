// The leaders' report in headless Chromium on the benchmark's generated year (tools/report-benchmark.sh with
// JAVA_OPTS=-Dbench.hold=true prints "READY <port> <query>"): no CSP violation, no sideways scroll on a
// phone, and the screenshot docs/images/leaders-report.png.
//   DOORSTEP_URL=http://localhost:<port> DOORSTEP_QUERY='<query>' node tools/browser-test/leaders-report.mjs
import { launchChromium } from './chromium.mjs';

const base = process.env.DOORSTEP_URL;
const query = process.env.DOORSTEP_QUERY || '';
const images = process.env.DOORSTEP_IMAGES || 'docs/images';
const browser = await launchChromium();
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}
for (const [width, height, shot] of [[1280, 1500, 'leaders-report.png'], [390, 844, null]]) {
  const page = await browser.newPage({ viewport: { width, height } });
  const violations = [];
  page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
  await page.goto(base + '/login');
  await page.fill('#username', process.env.DOORSTEP_USER || 'benchadmin');
  await page.fill('#password', process.env.DOORSTEP_PASSWORD || 'benchmark-only-password');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  await page.goto(base + '/reports/timeliness' + query);
  check(await page.locator('h1').innerText() === "Leaders' report: timeliness", `the report at ${width} px`);
  check(violations.length === 0, `no CSP violation at ${width} px ${violations.join(' ')}`);
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width} px`);
  if (shot) {
    await page.screenshot({ path: `${images}/${shot}` });
  }
  await page.close();
}
await browser.close();
process.exit(failures ? 1 : 0);
