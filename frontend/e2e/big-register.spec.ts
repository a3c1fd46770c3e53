import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifacts, expect, test } from './harness';

// The requirements register with 20,000 rows. scripts/e2e-browser.sh imports BIG-00001 ..
// BIG-20000 into a second data folder and serves it on a second app instance at
// E2E_BIG_BASE_URL. Timings are printed for a human to read, never asserted: a slow machine
// does not fail the test.
const bigURL = process.env.E2E_BIG_BASE_URL ?? '';
const TOTAL = 20_000;

function ms(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}

/** The ref of each rendered row (its first cell with text), top to bottom. */
async function renderedRefs(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Requirements' });
  return table.locator('[role="rowgroup"] [role="row"][data-index]').evaluateAll((rows) =>
    rows
      // The reference is the first cell with text (the selection checkbox comes before it).
      .map((r) => ({ i: Number(r.getAttribute('data-index')), ref: Array.from(r.querySelectorAll('[role="cell"]')).map((c) => c.textContent ?? '').find((t) => t.trim() !== '') ?? '' }))
      .sort((a, b) => a.i - b.i)
      .map((r) => r.ref),
  );
}

test.describe.configure({ timeout: 180_000 });

test('a register of 20,000 requirements loads, scrolls, searches, sorts and filters', async ({ page }) => {
  test.skip(bigURL === '', 'E2E_BIG_BASE_URL is not set: run scripts/e2e-browser.sh');
  const table = page.getByRole('table', { name: 'Requirements' });
  const count = page.getByTestId('requirement-count');
  // The count may be formatted with a thousands separator or none.
  const total = /20[,.\u00a0\u202f ]?000 requirements/;

  // Open the register straight away and wait for the table.
  let t = performance.now();
  await page.goto(`${bigURL}/#/requirements`);
  await expect(table.getByRole('row').filter({ hasText: 'BIG-00001' })).toBeVisible({ timeout: 60_000 });
  console.log(`[big register] ${TOTAL} rows: table shown after ${ms(t)} (page load included)`);
  await expect(count).toHaveText(new RegExp(`^20[,.\\u00a0\\u202f ]?000 of ${total.source}$`));
  // Virtualised: only a screenful of rows is in the DOM.
  const inDom = await table.locator('[role="row"][data-index]').count();
  console.log(`[big register] rows in the DOM: ${inDom}`);
  expect(inDom).toBeLessThan(200);
  await page.screenshot({ path: path.join(artifacts, 'big-register.png') });

  // Scroll to the bottom with the keyboard: focus the first row, press End.
  t = performance.now();
  await table.getByRole('row').filter({ hasText: 'BIG-00001' }).focus();
  await page.keyboard.press('End');
  const last = table.getByRole('row').filter({ hasText: 'BIG-20000' });
  await expect(last).toBeVisible();
  await expect(last).toBeFocused();
  console.log(`[big register] End key to BIG-20000: ${ms(t)}`);
  // And by setting scrollTop on the scroll container: back to the top.
  await table.locator('[role="rowgroup"]').last().evaluate((el) => {
    el.parentElement!.scrollTop = 0;
  });
  await expect(table.getByRole('row').filter({ hasText: 'BIG-00001' })).toBeVisible();
  await table.locator('[role="rowgroup"]').last().evaluate((el) => {
    el.parentElement!.scrollTop = el.parentElement!.scrollHeight;
  });
  await expect(last).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'big-register-bottom.png') });

  // Search: exactly one row.
  const search = page.getByRole('textbox', { name: 'Search requirements' });
  t = performance.now();
  await search.fill('BIG-12345');
  await expect(count).toHaveText(new RegExp(`^1 of ${total.source}$`));
  console.log(`[big register] search "BIG-12345" to 1 row: ${ms(t)}`);
  await expect(table.getByRole('row').filter({ hasText: 'BIG-' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'BIG-12345' })).toContainText('Requirement number 12345');
  // Typed key by key, as a person does: the page keeps up and ends on the same row.
  await search.fill('');
  await expect(count).toHaveText(new RegExp(`^20[,.\\u00a0\\u202f ]?000 of ${total.source}$`));
  t = performance.now();
  await search.pressSequentially('BIG-12345', { delay: 20 });
  await expect(count).toHaveText(new RegExp(`^1 of ${total.source}$`));
  console.log(`[big register] typing "BIG-12345" key by key to 1 row: ${ms(t)}`);
  await search.fill('');
  await expect(count).toHaveText(new RegExp(`^20[,.\\u00a0\\u202f ]?000 of ${total.source}$`));

  // Sort by reference, descending: BIG-20000 first.
  t = performance.now();
  const refHeader = table.getByRole('columnheader', { name: 'Reference' });
  await expect(refHeader).toHaveAttribute('aria-sort', 'ascending');
  await refHeader.getByRole('button').click();
  await expect(refHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await renderedRefs(page))[0]).toBe('BIG-20000');
  console.log(`[big register] sort by reference, descending: ${ms(t)}`);
  // Sort by owner: the first rows all have the first owner by name.
  t = performance.now();
  const ownerHeader = table.getByRole('columnheader', { name: 'Owner' });
  await ownerHeader.getByRole('button').click();
  await expect(ownerHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('[role="row"][data-index="0"]')).toContainText('Alice Auditor');
  console.log(`[big register] sort by owner: ${ms(t)}`);

  // Filter by status: a quarter of the rows are non-compliant.
  t = performance.now();
  await page.getByRole('textbox', { name: 'Filter by status' }).click();
  await page.getByRole('option', { name: 'Non-compliant', exact: true }).click();
  await expect(count).toHaveText(new RegExp(`^5[,.\\u00a0\\u202f ]?000 of ${total.source}$`));
  console.log(`[big register] filter by status "Non-compliant" to 5,000 rows: ${ms(t)}`);
  const headers = await table.getByRole('columnheader').allTextContents();
  const statusColumn = headers.findIndex((h) => h.trim().startsWith('Status'));
  const statuses = await table.locator('[role="row"][data-index]').evaluateAll(
    (rows, col) => rows.map((r) => r.querySelectorAll('[role="cell"]')[col]?.textContent ?? ''),
    statusColumn,
  );
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['Non-compliant']));
  // Search within the filter.
  t = performance.now();
  await search.fill('BIG-1234');
  await expect(table.getByRole('row').filter({ hasText: 'BIG-12342' })).toBeVisible();
  console.log(`[big register] search "BIG-1234" within the filter: ${ms(t)}`);
  await page.screenshot({ path: path.join(artifacts, 'big-register-filtered.png') });

  // Enter on a row opens it.
  await table.getByRole('row').filter({ hasText: 'BIG-12342' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/requirements\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Requirement number 12342' })).toBeVisible();
});
