import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';

// Wails' injected ipc.js raises this one harmless error in a plain browser.
const HARMLESS = "Cannot read properties of null (reading 'nodes')";

/** Where screenshots go. */
export const artifacts = process.env.E2E_ARTIFACTS ?? path.resolve(process.cwd(), '../test-artifacts');

/** test is Playwright's test that also fails on any page error but Wails' harmless one. */
export const test = base.extend<{ pageErrors: string[]; setupLater: boolean }>({
  // The first-run set-up dialog is put off unless a test asks for it (test.use({ setupLater: false })).
  setupLater: [true, { option: true }],
  page: async ({ page, setupLater }, use) => {
    if (setupLater) await page.addInitScript(() => localStorage.setItem('ismsdesk.setupLater', '1'));
    await use(page);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => {
        if (!e.message.includes(HARMLESS)) errors.push(e.message);
      });
      await use(errors);
      expect(errors, 'unexpected page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** nav is the window's navigation of areas. */
export function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Areas' });
}

/** ensureOrganisation names the organisation when it has no name yet (reports need one). */
export async function ensureOrganisation(page: Page, name = 'E2E Organisation') {
  await page.goto('/#/organisation');
  const input = page.getByLabel('Organisation name', { exact: true });
  await expect(input).toBeVisible();
  await page.waitForTimeout(300); // the stored settings fill the form
  if ((await input.inputValue()).trim() === '') {
    await input.fill(name);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Organisation saved')).toBeVisible();
  }
}
