// Plan and Do from the window, on the data folder the run starts empty: the organisation,
// people and roles, a policy through its approval workflow, a risk through acceptance, a
// control's applicability in the exported SoA, evidence and the programme timeline.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, nav, newPerson as addPerson, pick, shot, test } from './harness';
import { workbookText } from './xlsx';

const saveDir = process.env.E2E_SAVE_DIR ?? '';
const run = Date.now().toString(36).toUpperCase();

/** newPerson adds a person of this run. */
const newPerson = (page: Page, name: string, role: string) => addPerson(page, name, role, `.${run.toLowerCase()}`);

test.describe.configure({ mode: 'serial' });

test.describe('first run', () => {
  test.use({ setupLater: false });
  test('the first run asks for the organisation, and the Organisation page keeps it', async ({ page }) => {
    await page.goto('/');
    // The first step offers a passphrase (optional): not now.
    const protect = page.getByRole('dialog', { name: /protect your data/ });
    await expect(protect).toBeVisible();
    await shot(page, 'first-run-passphrase');
    await protect.getByRole('button', { name: 'Not now' }).click();
    const dialog = page.getByRole('dialog', { name: /set up your organisation/ });
    await expect(dialog).toBeVisible();
    await shot(page, 'first-run');
    await dialog.getByLabel('Organisation name', { exact: true }).fill(`Acme Widgets ${run}`);
    await dialog.getByLabel('ISMS scope statement', { exact: true }).fill('The design, sale and support of Acme widgets from the Leeds office.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await nav(page).getByRole('link', { name: 'Organisation', exact: true }).click();
    await expect(page.getByLabel('Organisation name', { exact: true })).toHaveValue(`Acme Widgets ${run}`);
    await page.reload();
    await expect(page.getByRole('dialog', { name: /set up your organisation/ })).toBeHidden();
  });
});

test('people get roles, and the responsibility matrix shows who holds them', async ({ page }) => {
  await newPerson(page, `Sam Senior ${run}`, 'Senior Management');
  await newPerson(page, `Olivia Owner ${run}`, 'ISMS Manager');
  await page.goto('/#/records/roles');
  await page.locator('label', { hasText: 'Responsibility matrix' }).click();
  const matrix = page.getByRole('table', { name: 'Responsibility matrix' });
  await expect(matrix.getByRole('row').filter({ hasText: 'Senior Management' })).toContainText(`Sam Senior ${run}`);
  await shot(page, 'responsibility-matrix');
});

test('a policy is written, rejected, revised, approved, locked and published', async ({ page }) => {
  const ref = `POL-${run}`;
  await page.goto('/#/records/policies');
  await page.getByRole('button', { name: 'New policy' }).first().click();
  const form = page.getByRole('form', { name: 'New policy' });
  await form.getByLabel('Reference', { exact: true }).fill(ref);
  await form.getByLabel('Title', { exact: true }).fill('Remote working policy');
  await pick(page, form, 'Owner (writes the versions)', `Olivia Owner ${run}`);
  await pick(page, form, 'Approver', `Sam Senior ${run}`);
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('heading', { name: 'Remote working policy', level: 2 })).toBeVisible();

  const current = page.getByLabel('Current version');
  await current.getByRole('button', { name: 'Edit text' }).click();
  let dialog = page.getByRole('dialog', { name: /Edit the draft/ });
  await dialog.getByLabel('Text (Markdown)').fill('# Purpose\n\nStaff may work remotely on **managed devices** only.');
  await dialog.getByRole('button', { name: 'Save draft' }).click();
  await expect(current.getByRole('heading', { name: 'Purpose' })).toBeVisible();
  await current.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(current).toContainText('In review');

  // Rejecting needs a comment.
  await current.getByRole('button', { name: 'Reject' }).click();
  dialog = page.getByRole('dialog', { name: 'Reject this version' });
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/why the version is rejected|comment/i);
  await dialog.getByLabel('Why it is rejected (required)').fill('Say which devices count as managed.');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog).toBeHidden();
  await expect(current).toContainText('Rejected');

  // Revise in a new version, then approve.
  await current.getByRole('button', { name: 'Start new version' }).click();
  dialog = page.getByRole('dialog', { name: 'Start a new version' });
  await dialog.getByRole('button', { name: 'Start new version' }).click();
  await expect(current).toContainText('Version 1.1');
  await current.getByRole('button', { name: 'Edit text' }).click();
  dialog = page.getByRole('dialog', { name: /Edit the draft/ });
  await dialog.getByLabel('Text (Markdown)').fill('# Purpose\n\nStaff may work remotely on **company-managed laptops** enrolled in the MDM.');
  await dialog.getByRole('button', { name: 'Save draft' }).click();
  await current.getByRole('button', { name: 'Submit for approval' }).click();
  await current.getByRole('button', { name: 'Approve' }).click();
  dialog = page.getByRole('dialog', { name: 'Approve this version' });
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(dialog).toBeHidden();
  await expect(current).toContainText('Approved');
  await expect(current).toContainText('Locked');
  await expect(current.getByRole('button', { name: 'Edit text' })).toHaveCount(0);
  await shot(page, 'policy-approved');

  await current.getByRole('button', { name: 'Publish' }).click();
  dialog = page.getByRole('dialog', { name: 'Publish the approved version' });
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(current).toContainText('Published');

  // The versions keep who decided what, and two versions compare side by side.
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions).toContainText(`Rejected by Sam Senior ${run}`);
  await expect(versions).toContainText(`Approved by Sam Senior ${run} (Senior Management)`);
  await page.getByRole('tab', { name: 'Compare versions' }).click();
  await expect(page.getByRole('table', { name: 'Differences' })).toContainText('company-managed laptops');
  await page.getByRole('tab', { name: 'Acknowledgements' }).click();
  await expect(page.getByRole('table', { name: 'Acknowledgements' })).toContainText('Not yet');
  await shot(page, 'policy-published');

  // The history names people, not IDs.
  await expect(page.getByLabel('History')).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
});

test('a risk is treated with a control and its owner accepts the residual risk', async ({ page }) => {
  const ref = `R-${run}`;
  await page.goto('/#/records/risks');
  await page.getByRole('button', { name: 'New risk' }).first().click();
  const form = page.getByRole('form', { name: 'New risk' });
  await form.getByLabel('Reference', { exact: true }).fill(ref);
  await form.getByLabel('Title', { exact: true }).fill('Stolen laptop exposes customer data');
  await pick(page, form, 'Likelihood', '4 Likely');
  await pick(page, form, 'Impact', '4 Major');
  await pick(page, form, 'Risk owner', `Olivia Owner ${run}`);
  await pick(page, form, 'Status', 'Treated');
  await pick(page, form, 'Treatment', 'Mitigate');
  await form.getByRole('textbox', { name: 'Controls that treat it', exact: true }).fill('A.8.1');
  await page.getByRole('option', { name: /A\.8\.1 User end point devices/ }).click();
  await page.keyboard.press('Escape');
  await pick(page, form, 'Residual likelihood', '2 Unlikely');
  await pick(page, form, 'Residual impact', '3 Moderate');
  await shot(page, 'risk-form');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Stolen laptop exposes customer data', level: 2 })).toBeVisible();

  // The residual score 6 is above the threshold 4: the owner must say why.
  await page.getByRole('button', { name: 'Accept risk' }).first().click();
  const dialog = page.getByRole('dialog', { name: "Record the owner's acceptance" });
  await dialog.getByRole('button', { name: 'Accept risk' }).click();
  await expect(dialog.getByRole('alert')).toContainText('above the acceptance threshold');
  await dialog.getByLabel(/Reason for accepting/).fill('Disk encryption and remote wipe make the remainder tolerable until the MDM roll-out.');
  await dialog.getByRole('button', { name: 'Accept risk' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Accepted by Olivia Owner ${run}`)).toBeVisible();
  await shot(page, 'risk-accepted');

  // The register shows scores and levels, and the heat map filters it.
  await page.goto('/#/records/risks');
  const row = page.getByRole('row').filter({ hasText: ref });
  await expect(row).toContainText('16 High');
  await expect(row).toContainText('Accepted');
  await page.getByRole('gridcell', { name: /Likelihood Likely, impact Major: 1 risk/ }).click();
  await expect(page.getByTestId('register-count')).toHaveText(/^1 of /);
  await shot(page, 'risks-register');
});

test('a control is decided applicable, and the exported SoA says why', async ({ page }) => {
  test.skip(saveDir === '', 'E2E_SAVE_DIR is not set: run scripts/e2e-browser.sh');
  const why = `Laptops hold customer data (${run})`;
  await page.goto('/#/records/controls');
  await page.getByLabel('Search controls').fill('A.8.1 ');
  await page.getByRole('row').filter({ hasText: 'User end point devices' }).first().click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit control' });
  await expect(form.getByLabel('Title', { exact: true })).toBeDisabled();
  await pick(page, form, 'Applicability', 'Applicable');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText(/reason for including/)).toBeVisible(); // Go refuses an inclusion without reasons
  await pick(page, form, 'Reasons for including it', 'Risk treatment');
  await page.keyboard.press('Escape');
  await form.getByLabel('Justification', { exact: true }).fill(why);
  await pick(page, form, 'Implementation', 'In progress');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText(why).first()).toBeVisible();

  await page.goto('/#/reports');
  await page.getByRole('radio', { name: 'Statement of Applicability' }).click();
  const panel = page.getByRole('region', { name: 'Statement of Applicability' });
  await panel.getByRole('button', { name: 'Export…' }).click();
  const saved = page.getByTestId('saved-path');
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const file = (await saved.textContent())?.trim() ?? '';
  expect(fs.existsSync(file)).toBe(true);
  const text = workbookText(file);
  expect(text).toContain(why);
  expect(text).toContain(`Acme Widgets ${run}`); // the cover names the organisation
  expect(text).not.toContain('organisation name not set');
});

test('evidence is attached to a control and listed with it', async ({ page }) => {
  test.skip(!process.env.E2E_IMPORT_FILE, 'E2E_IMPORT_FILE is not set: run scripts/e2e-browser.sh');
  await page.goto('/#/records/controls');
  await page.getByLabel('Search controls').fill('A.8.1 ');
  await page.getByRole('row').filter({ hasText: 'User end point devices' }).first().click();
  await page.getByRole('button', { name: 'Attach file' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('requirements-register.csv').first()).toBeVisible();
  await shot(page, 'control-evidence');
});

test('evidence is attached to a requirement, found from it, and counted by the gap analysis', async ({ page }) => {
  test.skip(!process.env.E2E_IMPORT_FILE, 'E2E_IMPORT_FILE is not set: run scripts/e2e-browser.sh');
  const ref = `GDPR-32-${run}`;
  await page.goto('/#/requirements');
  await page.getByRole('button', { name: 'New requirement' }).first().click();
  const form = page.getByRole('form', { name: 'New requirement' });
  await form.getByLabel('Reference', { exact: true }).fill(ref);
  await form.getByLabel('Title', { exact: true }).fill('Security of processing on laptops');
  await form.getByRole('textbox', { name: 'Controls', exact: true }).fill('A.8.1');
  await page.getByRole('option', { name: /A\.8\.1 User end point devices/ }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await page.getByLabel('Search requirements').fill(ref);
  await page.getByRole('row').filter({ hasText: ref }).click();
  await expect(page.getByRole('heading', { name: 'Security of processing on laptops' })).toBeVisible();

  await page.getByRole('button', { name: 'Attach file' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title', { exact: true }).fill(`Laptop encryption report ${run}`);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Laptop encryption report ${run}`).first()).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Laptop encryption report ${run}`).first()).toBeVisible(); // kept in the database
  await shot(page, 'requirement-evidence');

  // The gap analysis counts the evidence: A.8.1 is in progress, so the requirement is partly covered.
  await page.goto('/#/requirements/gap');
  await page.getByLabel('Search the gap analysis').fill(ref);
  const row = page.getByRole('row').filter({ hasText: ref });
  await expect(row).toContainText(/Partly covered/);
  await shot(page, 'gap-analysis');
});

test('an asset is recorded with its owner and linked to a risk', async ({ page }) => {
  await page.goto('/#/records/assets');
  await page.getByRole('button', { name: 'New asset' }).first().click();
  const form = page.getByRole('form', { name: 'New asset' });
  await form.getByLabel('Reference', { exact: true }).fill(`AST-${run}`);
  await form.getByLabel('Name', { exact: true }).fill('Sales laptops');
  await pick(page, form, 'Type', 'Hardware');
  await pick(page, form, 'Classification', 'Confidential');
  await pick(page, form, 'Owner', `Olivia Owner ${run}`);
  await form.getByRole('textbox', { name: 'Risks to it', exact: true }).fill(`R-${run}`);
  await page.getByRole('option', { name: new RegExp(`R-${run}`) }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Sales laptops', level: 2 })).toBeVisible();
  await expect(page.getByText('Stolen laptop exposes customer data').first()).toBeVisible();
});

test('a milestone is marked done and the timeline shows it', async ({ page }) => {
  await page.goto('/#/records/milestones');
  await page.getByRole('row').filter({ hasText: 'Objective workshop and requirement identification' }).click();
  await page.getByRole('button', { name: 'Mark done' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark the milestone done' });
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Done on \d{4}-\d{2}-\d{2}\.$/)).toBeVisible();
  await page.goto('/#/records/milestones');
  await page.locator('label', { hasText: 'Timeline' }).click();
  const timeline = page.getByLabel('Programme timeline by month');
  await expect(timeline).toContainText('Month 1');
  await expect(timeline).toContainText(/done \d{4}-\d{2}-\d{2}/);
  await shot(page, 'timeline');
});
