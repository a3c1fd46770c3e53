import path from 'node:path';
import { artifacts, expect, nav, test } from './harness';

// The wizard imports the generated register (scripts/e2e-browser.sh points the app's open
// dialog at it with ISMSDESK_TEST_OPEN_FILE): three requirements under a title row, with
// the header in row 3 and an owner column naming two people not yet known.
const importFile = process.env.E2E_IMPORT_FILE ?? '';

test('the wizard imports a register, the records appear, and the import is reverted', async ({ page }) => {
  test.skip(importFile === '', 'E2E_IMPORT_FILE is not set: run scripts/e2e-browser.sh');
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Import from Excel', exact: true }).click();
  await expect(page).toHaveURL(/#\/import$/);
  await expect(page.getByRole('heading', { name: 'Import from Excel', level: 2 })).toBeVisible();

  // 1. File and kind.
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await expect(page.getByTestId('import-file-name')).toHaveText('requirements-register.csv');
  await expect(page.getByRole('textbox', { name: 'Record kind', exact: true })).toHaveValue('Requirements');
  await page.getByRole('button', { name: 'Next' }).click();

  // 2. Sheet and header: row 3 is found below the title.
  await expect(page.getByTestId('header-summary')).toContainText('Detected header: row 3');
  const grid = page.getByRole('region', { name: 'Sheet preview' });
  await expect(grid.locator('tr[data-header]')).toHaveCount(1);
  await expect(grid.locator('tr[data-header]')).toContainText('Requirement title');
  await expect(page.getByRole('textbox', { name: 'Header row' })).toHaveValue('3');
  await page.screenshot({ path: path.join(artifacts, 'import-sheet.png'), fullPage: true });
  await page.getByRole('button', { name: 'Next' }).click();

  // 3. Mapping: proposed from the header names.
  await expect(page.getByRole('textbox', { name: 'Reference', exact: true })).toHaveValue('A — Ref');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('B — Requirement title');
  await expect(page.getByRole('textbox', { name: 'Owner', exact: true })).toHaveValue('E — Owner');
  await page.screenshot({ path: path.join(artifacts, 'import-mapping.png'), fullPage: true });
  await page.getByRole('button', { name: 'Next' }).click();

  // 4. Preview: three to create, two new people, no problems.
  await expect(page.getByTestId('count-will-create')).toHaveText('3');
  await expect(page.getByTestId('count-invalid')).toHaveText('0');
  await expect(page.getByText('Alice Importer')).toBeVisible();
  await expect(page.getByText('Bob Importer')).toBeVisible();
  // a column with values that no field takes is named, not dropped in silence
  await expect(page.getByRole('alert', { name: 'Columns not imported' })).toContainText('G “Budget code” (3 values)');
  const planned = page.getByRole('table', { name: 'Planned rows' });
  await expect(planned.getByRole('row').filter({ hasText: 'E2E-IMP-002' })).toContainText('create');
  await page.screenshot({ path: path.join(artifacts, 'import-preview.png'), fullPage: true });

  // 5. Import and summary.
  await page.getByRole('button', { name: /^Import 3 rows$/ }).click();
  await expect(page.getByText('Import complete')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Created' })).toContainText('3');
  await page.screenshot({ path: path.join(artifacts, 'import-summary.png'), fullPage: true });

  // The records appear in the register.
  await page.getByRole('link', { name: 'Show imported records' }).click();
  await expect(page).toHaveURL(/#\/requirements$/);
  await page.getByRole('textbox', { name: 'Search requirements' }).fill('E2E-IMP');
  const table = page.getByRole('table', { name: 'Requirements' });
  await expect(table.getByRole('row').filter({ hasText: 'E2E-IMP-001' })).toContainText('Security of processing');
  await expect(table.getByRole('row').filter({ hasText: 'E2E-IMP-003' })).toContainText('Customer audit rights');
  await expect(page.getByTestId('requirement-count')).toContainText('3 of');

  // Back to the summary, revert, and they are gone.
  await nav(page).getByRole('link', { name: 'Import from Excel', exact: true }).click();
  await expect(page.getByText('Import complete')).toBeVisible();
  await page.getByRole('button', { name: 'Revert this import' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(page.getByText('Import reverted').first()).toBeVisible();

  // The history lists it as reverted.
  await page.getByRole('tab', { name: 'Import history' }).click();
  await expect(page).toHaveURL(/#\/import\/history$/);
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.getByRole('row').filter({ hasText: 'requirements-register.csv' }).first()).toBeVisible();
  await expect(history.getByRole('button', { name: /^Revert the import/ })).toHaveCount(0);
  await page.screenshot({ path: path.join(artifacts, 'import-history.png') });

  await nav(page).getByRole('link', { name: 'Requirements', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search requirements' }).fill('E2E-IMP');
  await expect(page.getByTestId('requirement-count')).toContainText('0 of');
});
