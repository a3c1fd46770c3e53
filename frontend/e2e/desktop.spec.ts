// The desktop conventions at a 1366×768 laptop and at the window's minimum size: the command
// palette (Ctrl+K) navigates and finds a word only a policy's text holds, the title names the
// screen, a register's search survives opening a record and coming back, the dark theme
// renders, and at the minimum width every column of a register stays reachable.
import { expect, shot, test } from './harness';

const run = Date.now().toString(36).toLowerCase();
const word = `quokka${run}`;

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

test('Ctrl+K opens the palette and goes to a screen; the title names it', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Search screens and commands' });
  await expect(search).toBeVisible();
  await search.fill('Risks');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/records\/risks$/);
  await expect(page).toHaveTitle('Risks – ISMS Desk');
});

test('the palette finds a word that only a policy\'s text contains', async ({ page }) => {
  await page.goto('/#/records/policies');
  await page.getByRole('button', { name: 'New policy' }).first().click();
  const form = page.getByRole('form', { name: 'New policy' });
  await form.getByLabel('Reference', { exact: true }).fill(`POL-S-${run}`);
  await form.getByLabel('Title', { exact: true }).fill(`Clear desk policy ${run}`);
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('heading', { name: `Clear desk policy ${run}`, level: 2 })).toBeVisible();
  const current = page.getByLabel('Current version');
  await current.getByRole('button', { name: 'Edit text' }).click();
  const dialog = page.getByRole('dialog', { name: /Edit the draft/ });
  await dialog.getByLabel('Text (Markdown)').fill(`# Scope\n\nDesks are cleared each evening; the ${word} rule applies to printed papers.`);
  await dialog.getByRole('button', { name: 'Save draft' }).click();
  await expect(current.getByRole('heading', { name: 'Scope' })).toBeVisible();

  await page.goto('/#/');
  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Search screens and commands' });
  await search.fill(word);
  const hit = page.getByRole('button', { name: new RegExp(`Clear desk policy ${run}`) }).first();
  await expect(hit).toBeVisible();
  await expect(page.getByText(word).first()).toBeVisible();
  await shot(page, 'desktop-search');
  await hit.click();
  await expect(page.getByRole('heading', { name: `Clear desk policy ${run}`, level: 2 })).toBeVisible();
});

test('a register keeps its search when a record is opened and closed', async ({ page }) => {
  await page.goto('/#/records/controls');
  const search = page.getByPlaceholder(/Search/).first();
  await search.fill('Threat intelligence');
  await page.getByRole('row', { name: /Threat intelligence/ }).first().click();
  await expect(page.getByRole('heading', { name: /Threat intelligence/, level: 2 })).toBeVisible();
  await page.goBack();
  await expect(page.getByPlaceholder(/Search/).first()).toHaveValue('Threat intelligence');
  await expect(page.getByRole('row', { name: /Threat intelligence/ }).first()).toBeVisible();
});

test('the dark theme renders and the switch brings the light one back', async ({ page }) => {
  await page.goto('/#/records/controls');
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByRole('row', { name: /Threat intelligence/ }).first()).toBeVisible();
  await shot(page, 'desktop-dark-controls');
  await page.goto('/#/');
  await shot(page, 'desktop-dark-dashboard');
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test.describe('at the minimum size', () => {
  test.use({ viewport: { width: 1000, height: 600 } });

  test('every column of a register is reachable', async ({ page }) => {
    await page.goto('/#/records/controls');
    const table = page.getByRole('table', { name: /Controls|Statement of Applicability/ }).first();
    await expect(table).toBeVisible();
    const headers = table.getByRole('columnheader');
    const last = headers.last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    const box = await last.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1000);
    await shot(page, 'desktop-min-width-controls');
  });
});
