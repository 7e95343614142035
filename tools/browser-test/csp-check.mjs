// Loads Doorstep's pages (as the office, whose doors they are) and the Camunda webapps (as an
// administrator) in headless Chromium and reports every Content-Security-Policy violation and script error, so a tightened policy is
// checked against what the pages really do. Run through tools/browser-test.sh.
import { launchChromium } from './chromium.mjs';

const base = process.env.DOORSTEP_URL || 'http://localhost:8093';
const password = process.env.DOORSTEP_DEMO_PASSWORD || 'doorstep-demo';
const pages = {
  office: ['/', '/request-visit', '/check-in', '/safety-board', '/incidents', '/set-password'],
  admin: ['/login', '/', '/schools', '/camunda/app/tasklist/default/', '/camunda/app/cockpit/default/',
    '/camunda/app/admin/default/', '/camunda/app/admin/default/#/user-create', '/swagger-ui/index.html'],
};

const browser = await launchChromium();
let problems = 0;
try {
  for (const [user, paths] of Object.entries(pages)) {
    const context = await browser.newContext();
    const login = await context.newPage();
    await login.goto(base + '/login');
    await login.fill('input[name="username"]', user);
    await login.fill('input[name="password"]', password);
    await Promise.all([login.waitForNavigation(), login.click('button[type="submit"], input[type="submit"]')]);
    if (login.url().includes('error')) throw new Error('sign-in as ' + user + ' failed');
    await login.close();
    for (const path of paths) {
      // A fresh tab each time, so that nothing the previous page was still loading is counted here.
      const page = await context.newPage();
      const seen = [];
      page.on('console', message => {
        if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) seen.push(message.text());
      });
      page.on('pageerror', error => seen.push('script error: ' + error.message));
      const response = await page.goto(base + path, { waitUntil: 'load' });
      await page.waitForTimeout(3000);  // the webapps load their scripts after 'load'
      const csp = response ? (await response.allHeaders())['content-security-policy'] : undefined;
      const violations = seen.filter(text => /Content.Security.Policy|script error/i.test(text));
      problems += violations.length;
      console.log(`${violations.length === 0 ? 'ok  ' : 'FAIL'} ${path}  (CSP: ${csp ? csp.slice(0, 60) + '…' : 'none'})`);
      violations.forEach(text => console.log('       ' + text.slice(0, 300)));
      if (path.includes('user-create')) {
        // Admin asks the engine for the password policy and shows which rules a typed password misses.
        await page.locator('input[type="password"]').first().pressSequentially('Password2026!');
        await page.waitForTimeout(2000);
        const body = await page.textContent('body');
        const shown = ['12 characters', 'not a commonly used password', 'user data'].filter(rule => body.includes(rule));
        console.log('       password rules Admin shows: ' + (shown.join(', ') || 'none'));
        if (process.env.DOORSTEP_SCREENSHOT) await page.screenshot({ path: process.env.DOORSTEP_SCREENSHOT });
      }
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(problems === 0 ? 0 : 1);
