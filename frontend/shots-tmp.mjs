import { chromium } from '@playwright/test';
const [url, out] = [process.argv[2], process.argv[3]];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const errs = [];
page.on('pageerror', e => errs.push(e.message));
page.on('console', m => { if (m.type() === 'error') errs.push('console: ' + m.text()); });
await page.goto(url + '/#/');
await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/dash.png`, fullPage: true });
// Tab focus
for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
await page.screenshot({ path: `${out}/tab6.png` });
console.log('focused after 6 tabs:', await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)));
const plurals = process.argv.slice(4);
for (const p of plurals) {
  await page.goto(url + '/#/records/' + p);
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${out}/list-${p}.png` });
  const row = page.locator('[role="row"][data-index="0"]');
  if (await row.count()) {
    await row.click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: `${out}/drawer-${p}.png` });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    console.log(p, 'after Escape url', page.url().split('#')[1], 'dialogs', await page.getByRole('dialog').count());
  }
}
console.log('errors', JSON.stringify(errs));
await browser.close();
