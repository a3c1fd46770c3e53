import fs from 'node:fs';
import path from 'node:path';
import { artifacts, expect, nav, test } from './harness';

// The backup is written through the save dialog, which the app's test hook
// (ISMSDESK_TEST_SAVE_DIR) answers with a file in a temporary folder.
const saveDir = process.env.E2E_SAVE_DIR ?? '';

test('the database is backed up to the chosen folder', async ({ page }) => {
  test.skip(saveDir === '', 'E2E_SAVE_DIR is not set: run scripts/e2e-browser.sh');
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Data & backup' }).click();
  await expect(page.getByRole('heading', { name: 'Data & backup', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Back up…' }).click();
  const alert = page.getByRole('alert', { name: 'Backup written' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  const file = (await alert.locator('code').textContent())?.trim() ?? '';
  expect(path.dirname(file)).toBe(saveDir);
  expect(path.basename(file)).toMatch(/^ismsdesk-backup-\d{4}-\d{2}-\d{2}\.ismsbackup$/);
  expect(fs.statSync(file).size).toBeGreaterThan(1_000); // the 93 controls, roles and plan at least
  await page.screenshot({ path: path.join(artifacts, 'data.png') });
});

test('the date order preference is kept', async ({ page }) => {
  await page.goto('/#/data');
  const sw = page.getByRole('switch', { name: /day-first/ });
  await expect(sw).toBeEnabled();
  const before = await sw.isChecked();
  await sw.click({ force: true });
  await expect(sw).toBeChecked({ checked: !before });
  await page.reload();
  await expect(page.getByRole('switch', { name: /day-first/ })).toBeChecked({ checked: !before });
  await page.getByRole('switch', { name: /day-first/ }).click({ force: true }); // leave it as it was
  await expect(page.getByRole('switch', { name: /day-first/ })).toBeChecked({ checked: before });
});
