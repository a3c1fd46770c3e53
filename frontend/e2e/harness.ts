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

/** pick chooses an option of a Mantine select or multi-select by its label. */
export async function pick(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, option: string | RegExp) {
  await scope.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** shot saves a screenshot once drawers and modals have finished moving. */
export async function shot(page: Page, name: string) {
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** newPerson adds a person with one role through the People register. */
export async function newPerson(page: Page, name: string, role: string, suffix = '') {
  await page.goto('/#/records/people');
  await page.getByRole('button', { name: 'New person' }).first().click();
  const form = page.getByRole('form', { name: 'New person' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('E-mail', { exact: true }).fill(`${name.toLowerCase().replace(/\W+/g, '.')}${suffix}@example.com`);
  await form.getByLabel('Department', { exact: true }).fill('Operations');
  await pick(page, form, 'ISMS roles', role);
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}
