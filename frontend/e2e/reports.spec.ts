import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifacts, ensureOrganisation, expect, nav, test } from './harness';
import { workbookText } from './xlsx';

// The reports screen writes workbooks through the save dialog, which the app's test hook
// (ISMSDESK_TEST_SAVE_DIR) answers with a file in a temporary folder.
const saveDir = process.env.E2E_SAVE_DIR ?? '';

async function openReports(page: Page) {
  await ensureOrganisation(page);
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page).toHaveURL(/#\/reports$/);
  await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
}

test('the Statement of Applicability is exported into the chosen folder', async ({ page }) => {
  test.skip(saveDir === '', 'E2E_SAVE_DIR is not set: run scripts/e2e-browser.sh');
  await openReports(page);
  await page.getByRole('radio', { name: 'Statement of Applicability' }).click();
  const panel = page.getByRole('region', { name: 'Statement of Applicability' });
  await panel.getByRole('button', { name: 'Export…' }).click();
  const saved = page.getByTestId('saved-path');
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const file = (await saved.textContent())?.trim() ?? '';
  expect(path.dirname(file)).toBe(saveDir);
  expect(path.basename(file)).toMatch(/^ismsdesk-soa-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(fs.existsSync(file)).toBe(true);
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(8_000); // 93 Annex A controls and a cover sheet
  await expect(panel.getByRole('button', { name: 'Open in spreadsheet app' })).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'reports.png') });
});

test('the management review pack exports, or says there is no held review', async ({ page }) => {
  test.skip(saveDir === '', 'E2E_SAVE_DIR is not set: run scripts/e2e-browser.sh');
  await openReports(page);
  await page.getByRole('radio', { name: 'Management review pack' }).click();
  const panel = page.getByRole('region', { name: 'Management review pack' });
  await expect(panel.getByRole('textbox', { name: 'Management review' })).toBeVisible();
  await panel.getByRole('button', { name: 'Export…' }).click();
  // The Check and Act test holds a review first when the specs run together; alone, there is none.
  const saved = panel.getByTestId('saved-path');
  const missing = panel.getByRole('alert').filter({ hasText: /no management review/i });
  await expect(saved.or(missing).first()).toBeVisible({ timeout: 30_000 });
  if (await missing.isVisible()) {
    await page.screenshot({ path: path.join(artifacts, 'reports-review-missing.png') });
  } else {
    const file = (await panel.getByTestId('saved-path').textContent())?.trim() ?? '';
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    // The review the Check and Act test closed names its audit and the nonconformity it raised.
    const text = workbookText(file);
    expect(text).toContain('Competence audit');
    expect(text).toContain('Training records missing for two staff');
  }

  // The audit report needs an audit to be chosen first.
  await page.getByRole('radio', { name: 'Internal audit report' }).click();
  const audit = page.getByRole('region', { name: 'Internal audit report' });
  await expect(audit.getByRole('button', { name: 'Export…' })).toBeDisabled();
});
