import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifacts, expect, nav, test } from './harness';


async function pick(page: Page, label: string, option: string | RegExp) {
  // Mantine labels both the input and its listbox: click the input.
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('the dashboard shows live counts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
  await expect(page.getByTestId('count-control')).toHaveText('93');
  await expect(page.getByRole('region', { name: 'SoA implementation' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('ISMS Desk');
  await page.screenshot({ path: path.join(artifacts, 'dashboard.png') });

  // Every area is in the navigation and opens its register.
  for (const name of ['Objectives', 'Issues & parties', 'Controls (SoA)', 'KPIs & measurements', 'People & roles', 'Timeline']) {
    await expect(nav(page).getByRole('link', { name, exact: true })).toBeVisible();
  }
  await nav(page).getByRole('link', { name: 'Controls (SoA)', exact: true }).click();
  await expect(page).toHaveURL(/#\/records\/controls$/);
  await expect(page.getByText('93 of 93')).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'controls.png') });
  await page.getByRole('row').filter({ hasText: 'A.5.1' }).first().click();
  await expect(page.getByRole('heading', { name: 'Policies for information security', level: 2 })).toBeVisible();
  await expect(page.getByLabel('History')).toContainText('Create');
  await page.screenshot({ path: path.join(artifacts, 'control-detail.png') });
});

test('a requirement is created, found, edited, persisted and deleted', async ({ page }) => {
  const ref = `E2E-${Date.now()}`;
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Requirements', exact: true }).click();
  await expect(page).toHaveURL(/#\/requirements$/);
  await expect(page.getByRole('heading', { name: 'Requirements', level: 2 })).toBeVisible();

  // Create.
  await page.getByRole('button', { name: 'New requirement' }).first().click();
  const form = page.getByRole('form', { name: 'New requirement' });
  await expect(form).toBeVisible();
  await form.getByLabel('Reference', { exact: true }).fill(ref);
  await form.getByLabel('Title', { exact: true }).fill('Security of processing');
  await form.getByLabel('Text', { exact: true }).fill('Implement appropriate technical and organisational measures.\nReview yearly.');
  await pick(page, 'Source type', 'Legal');
  await form.getByLabel('Source', { exact: true }).fill('GDPR Art. 32');
  await pick(page, 'Status', 'Partially compliant');
  await form.getByLabel('Due date', { exact: true }).fill('2030-01-31');
  await form.getByLabel('Evidence', { exact: true }).fill('Encryption standard v2');
  await form.getByRole('textbox', { name: 'Controls', exact: true }).click();
  await form.getByRole('textbox', { name: 'Controls', exact: true }).fill('A.8.24');
  await page.getByRole('option', { name: /A\.8\.24/ }).first().click();
  await page.keyboard.press('Escape');
  await expect(form.getByLabel('Applicable', { exact: true })).toBeChecked();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Requirement created')).toBeVisible();
  await expect(form).toBeHidden();

  // Find it by search.
  await page.getByLabel('Search requirements').fill(ref);
  await expect(page.getByTestId('requirement-count')).toHaveText(/^1 of \d+ requirements$/);
  const row = page.getByRole('row').filter({ hasText: ref });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Partially compliant');
  await page.screenshot({ path: path.join(artifacts, 'requirements.png') });
  await row.click();
  await expect(page).toHaveURL(/#\/requirements\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Security of processing' })).toBeVisible();
  await expect(page.getByText('Cryptography').or(page.getByText(/A\.8\.24/)).first()).toBeVisible();

  // Edit with invalid values: Go rejects them and its messages land on the fields.
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit requirement' });
  await edit.getByLabel('Reference', { exact: true }).fill('R'.repeat(70));
  await edit.getByLabel('Title', { exact: true }).fill('');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText('Reference must be at most 64 characters')).toBeVisible();
  await expect(edit.getByText('Title is required')).toBeVisible();
  await expect(edit.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, 'requirement-field-errors.png') });

  // Fix and save.
  await edit.getByLabel('Reference', { exact: true }).fill(ref);
  await edit.getByLabel('Title', { exact: true }).fill('Security of processing (revised)');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Requirement saved')).toBeVisible();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Security of processing (revised)' })).toBeVisible();

  // Persisted: reload the page.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Security of processing (revised)' })).toBeVisible();
  await expect(page.getByText('Version 2')).toBeVisible();
  const history = page.getByLabel('History');
  await expect(history).toContainText('Update');
  await expect(history).toContainText('Create');
  await page.screenshot({ path: path.join(artifacts, 'requirement-detail.png'), fullPage: true });

  // Delete with confirmation.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(ref);
  await dialog.getByRole('button', { name: 'Delete requirement' }).click();
  await expect(page).toHaveURL(/#\/requirements$/);
  await expect(page.getByText('Requirement deleted')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: ref })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Requirements', level: 2 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: ref })).toHaveCount(0);
});
