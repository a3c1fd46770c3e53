import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { Audit } from '../../lib/api';
import type { Lookups } from '../../components/record/kit';
import { AuditPanel } from './AuditPanels';

const mocks = vi.hoisted(() => ({
  findings: vi.fn(),
  conflicts: vi.fn(),
  saveChecklist: vi.fn(),
  complete: vi.fn(),
  close: vi.fn(),
  cancel: vi.fn(),
  raise: vi.fn(),
  enums: vi.fn(),
  choices: vi.fn(),
  people: vi.fn(),
}));

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    api: {
      ...actual.api,
      findings: { ...actual.api.findings, list: mocks.findings, raiseNonconformity: mocks.raise },
      audits: { ...actual.api.audits, conflicts: mocks.conflicts, saveChecklist: mocks.saveChecklist, complete: mocks.complete, close: mocks.close, cancel: mocks.cancel },
      options: { enums: mocks.enums, choices: mocks.choices },
      people: { ...actual.api.people, list: mocks.people },
    },
  };
});

const { ApiError } = await import('../../lib/api/errors');

/** input finds the input of a labelled field (a Mantine Select labels its listbox too). */
const input = (label: string) => screen.getAllByLabelText(label).find((e) => e.tagName === 'INPUT') as HTMLInputElement;

const lookups: Lookups = { enumLabel: (_e, v) => v, person: (id) => (id === 'p1' ? 'Sophie Turner' : id), record: (id) => id };

const audit = (over: Partial<Audit>): Audit => ({
  id: 'a1', version: 4, createdAt: '', updatedAt: '', ref: 'IA-1', title: 'Competence and access', scope: '7.2 and A.5.15', objectives: '', criteria: '',
  methods: [], startDate: '2026-03-09', endDate: '', auditorId: 'p1', auditorName: '', auditeeIds: [], independence: '', status: 'in_progress', conclusion: '',
  reportDate: '', closedById: '', closedOn: '',
  checklist: [
    { ref: '7.2', title: 'Competence', question: 'Is competence evidenced?', result: 'minor_nc', evidence: '' },
    { ref: 'A.5.15', title: 'Access control', question: 'Are access rights reviewed?', result: 'not_checked', evidence: '' },
  ],
  ...over,
});

// the panels are heavy to render on a busy machine: each test gets more time
describe('AuditPanel', { timeout: 20_000 }, () => {
  beforeEach(() => {
    for (const m of Object.values(mocks)) m.mockReset();
    mocks.enums.mockResolvedValue({
      clauses: [{ value: '7.2', label: 'Competence' }],
      checklistResults: [{ value: 'not_checked', label: 'Not checked' }, { value: 'conforming', label: 'Conforming' }, { value: 'minor_nc', label: 'Minor nonconformity' }],
      severities: [{ value: 'minor', label: 'Minor nonconformity' }],
    });
    mocks.choices.mockImplementation(async (kind: string) =>
      kind === 'control' ? [{ value: 'c1', label: 'A.5.15 Access control' }] : kind === 'person' ? [{ value: 'p1', label: 'Sophie Turner' }] : []);
    mocks.people.mockResolvedValue([{ id: 'p1', name: 'Sophie Turner', active: true }]);
    mocks.findings.mockResolvedValue([]);
    mocks.conflicts.mockResolvedValue([]);
  });

  it('shows the checklist as a table with the standard’s titles and what reporting still needs', async () => {
    renderWithProviders(<AuditPanel record={audit({})} lookups={lookups} />);
    const table = screen.getByRole('table', { name: 'Checklist items' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('In progress: still needs 1 item to assess and a finding for the nonconformity at 7.2 before it is reported.')).toBeTruthy();
    expect(screen.getByText('1 minor · 1 not checked')).toBeTruthy();
    await waitFor(() => expect(input('Reference of item 1').value).toBe('7.2 Competence'));
    expect(input('Reference of item 2').value).toBe('A.5.15 Access control');
    // a saved nonconformity without a finding offers to record one
    expect(within(table).getByRole('button', { name: 'Record finding' })).toBeTruthy();
  });

  it('saves the edited checklist and shows Go’s refusal of Report in words', async () => {
    mocks.saveChecklist.mockImplementation(async (_id: string, _v: number, items: Audit['checklist']) => audit({ version: 5, checklist: items }));
    mocks.complete.mockRejectedValue(new ApiError('invalid', 'the audit cannot be reported yet; not assessed yet: item 2 (A.5.15 Access control)', {
      'checklist[1].result': 'is not assessed yet',
    }));
    renderWithProviders(<AuditPanel record={audit({})} lookups={lookups} />);
    const save = screen.getByRole('button', { name: 'Save checklist' });
    expect(save.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText('Evidence notes of item 2'), 'Review minutes Q1');
    expect(save.hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'Propose from the scope' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(save);
    await waitFor(() => expect(mocks.saveChecklist).toHaveBeenCalledWith('a1', 4, [
      { ref: '7.2', title: 'Competence', question: 'Is competence evidenced?', result: 'minor_nc', evidence: '' },
      { ref: 'A.5.15', title: 'Access control', question: 'Are access rights reviewed?', result: 'not_checked', evidence: 'Review minutes Q1' },
    ]));
    // Report asks for the conclusion and sends it
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('Conclusion'));
    await userEvent.paste('Competence needs work.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Report' }));
    await waitFor(() => expect(mocks.complete).toHaveBeenCalledWith('a1', 4, 'Competence needs work.'));
    expect(await within(dialog).findByText(/^The audit cannot be reported yet; not assessed yet: item 2 \(A\.5\.15 Access control\)/)).toBeTruthy();
    // what the page knows is missing is said before Go is asked
    expect(within(dialog).getByText('The checklist still needs 1 item to assess and a finding for the nonconformity at 7.2: the audit cannot be reported yet.')).toBeTruthy();
  });

  it('asks for a reason when an item is not sampled', async () => {
    renderWithProviders(<AuditPanel record={audit({ checklist: [{ ref: 'A.7.4', title: 'Physical security monitoring', question: 'Monitored?', result: 'not_sampled', evidence: '' }] })} lookups={lookups} />);
    expect(screen.getByText('In progress: still needs the reason why an item was not sampled before it is reported.')).toBeTruthy();
    expect(screen.getByLabelText('Evidence notes of item 1').getAttribute('placeholder')).toBe('Why it was not sampled (required)');
  });

  it('closes a reported audit once its nonconformities are raised, naming who closes it', async () => {
    mocks.findings.mockResolvedValue([
      { id: 'f1', version: 1, createdAt: '', updatedAt: '', auditId: 'a1', ref: 'IA-1-F1', title: 'Records missing', description: '', severity: 'minor', clause: '7.2', nonconformityId: '' },
    ]);
    mocks.raise.mockResolvedValue({ id: 'n1', ref: 'NC-001', title: 'Records missing', correctiveActionIds: [] });
    mocks.close.mockResolvedValue(audit({ status: 'closed', version: 5 }));
    const reported = audit({ status: 'completed', reportDate: '2026-03-10', conclusion: 'One minor.', checklist: [
      { ref: '7.2', title: 'Competence', question: 'Is competence evidenced?', result: 'minor_nc', evidence: '4 missing' },
      { ref: '', title: '', question: 'Is the supplier list current?', result: 'conforming', evidence: '' },
    ] });
    renderWithProviders(<AuditPanel record={reported} lookups={lookups} />);
    expect(await screen.findByText(/Before it is closed, raise the nonconformity of IA-1-F1 Records missing\./)).toBeTruthy();
    // the checklist is settled: titles from the standard, the officer's own question as such
    const table = screen.getByRole('table', { name: 'Checklist items' });
    expect(within(table).getByText('Competence')).toBeTruthy();
    expect(within(table).getByText('Own question')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save checklist' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel audit' })).toBeNull();
    // the finding's nonconformity is raised in one action
    await userEvent.click(screen.getByRole('button', { name: 'Raise the nonconformity of IA-1-F1' }));
    await waitFor(() => expect(mocks.raise).toHaveBeenCalledWith('f1', 1));
    await userEvent.click(screen.getByRole('button', { name: 'Close audit' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('textbox', { name: 'Closed by' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Sophie Turner' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close audit' }));
    await waitFor(() => expect(mocks.close).toHaveBeenCalledWith('a1', 4, 'p1'));
  });

  it('cancels a planned audit after a confirmation', async () => {
    mocks.cancel.mockResolvedValue(audit({ status: 'cancelled', version: 5 }));
    renderWithProviders(<AuditPanel record={audit({ status: 'planned', checklist: [] })} lookups={lookups} />);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel audit' }));
    const dialog = await screen.findByRole('dialog');
    expect(mocks.cancel).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel audit' }));
    await waitFor(() => expect(mocks.cancel).toHaveBeenCalledWith('a1', 4));
  });

  it('warns when the auditor owns what the audit covers and keeps results until the start', async () => {
    mocks.conflicts.mockResolvedValue(['control A.5.15 Access control']);
    renderWithProviders(<AuditPanel record={audit({ status: 'planned', checklist: [{ ref: '7.2', title: 'Competence', question: 'Q', result: 'not_checked', evidence: '' }] })} lookups={lookups} />);
    expect(await screen.findByText('Sophie Turner owns: control A.5.15 Access control.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy();
    expect(input('Result of item 1').disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Add own question' }));
    expect(within(screen.getByRole('table', { name: 'Checklist items' })).getAllByRole('row')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Remove item 2' }));
    expect(within(screen.getByRole('table', { name: 'Checklist items' })).getAllByRole('row')).toHaveLength(2);
  });
});
