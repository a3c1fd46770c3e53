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
      findings: { ...actual.api.findings, list: mocks.findings },
      audits: { ...actual.api.audits, conflicts: mocks.conflicts, saveChecklist: mocks.saveChecklist, complete: mocks.complete },
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
  id: 'a1', version: 4, createdAt: '', updatedAt: '', ref: 'IA-1', title: 'Competence and access', scope: '7.2 and A.5.15', criteria: '',
  startDate: '2026-03-09', endDate: '', auditorId: 'p1', auditorName: '', independence: '', status: 'in_progress', conclusion: '',
  checklist: [
    { ref: '7.2', question: 'Is competence evidenced?', result: 'minor_nc', evidence: '' },
    { ref: 'A.5.15', question: 'Are access rights reviewed?', result: 'not_checked', evidence: '' },
  ],
  ...over,
});

describe('AuditPanel', () => {
  beforeEach(() => {
    for (const m of Object.values(mocks)) m.mockReset();
    mocks.enums.mockResolvedValue({
      clauses: [{ value: '7.2', label: 'Competence' }],
      checklistResults: [{ value: 'not_checked', label: 'Not checked' }, { value: 'conforming', label: 'Conforming' }, { value: 'minor_nc', label: 'Minor nonconformity' }],
      severities: [{ value: 'minor', label: 'Minor nonconformity' }],
    });
    mocks.choices.mockImplementation(async (kind: string) => (kind === 'control' ? [{ value: 'c1', label: 'A.5.15 Access control' }] : []));
    mocks.people.mockResolvedValue([{ id: 'p1', name: 'Sophie Turner', active: true }]);
    mocks.findings.mockResolvedValue([]);
    mocks.conflicts.mockResolvedValue([]);
  });

  it('shows the checklist as a table with the standard’s titles and what Complete still needs', async () => {
    renderWithProviders(<AuditPanel record={audit({})} lookups={lookups} />);
    const table = screen.getByRole('table', { name: 'Checklist items' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('In progress: still needs 1 item to answer and a finding for the nonconformity at 7.2.')).toBeTruthy();
    expect(screen.getByText('1 minor · 1 not checked')).toBeTruthy();
    await waitFor(() => expect(input('Reference of item 1').value).toBe('7.2 Competence'));
    expect(input('Reference of item 2').value).toBe('A.5.15 Access control');
    // a saved nonconformity without a finding offers to record one
    expect(within(table).getByRole('button', { name: 'Record finding' })).toBeTruthy();
  });

  it('saves the edited checklist and shows Go’s refusal of Complete in words', async () => {
    mocks.saveChecklist.mockImplementation(async (_id: string, _v: number, items: Audit['checklist']) => audit({ version: 5, checklist: items }));
    mocks.complete.mockRejectedValue(new ApiError('invalid', 'the audit cannot be completed yet; not answered yet: A.5.15', { 'checklist[1].result': 'is not answered yet' }));
    renderWithProviders(<AuditPanel record={audit({})} lookups={lookups} />);
    const save = screen.getByRole('button', { name: 'Save checklist' });
    expect(save.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText('Evidence notes of item 2'), 'Review minutes Q1');
    expect(save.hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'Propose from the scope' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(save);
    await waitFor(() => expect(mocks.saveChecklist).toHaveBeenCalledWith('a1', 4, [
      { ref: '7.2', question: 'Is competence evidenced?', result: 'minor_nc', evidence: '' },
      { ref: 'A.5.15', question: 'Are access rights reviewed?', result: 'not_checked', evidence: 'Review minutes Q1' },
    ]));
    await userEvent.click(screen.getByRole('button', { name: 'Complete' }));
    await waitFor(() => expect(mocks.complete).toHaveBeenCalledWith('a1', 4));
    expect((await screen.findAllByRole('alert'))[0].textContent).toContain('The audit cannot be completed yet; not answered yet: A.5.15');
  });

  it('warns when the auditor owns what the audit covers and keeps results until the start', async () => {
    mocks.conflicts.mockResolvedValue(['control A.5.15 Access control']);
    renderWithProviders(<AuditPanel record={audit({ status: 'planned', checklist: [{ ref: '7.2', question: 'Q', result: 'not_checked', evidence: '' }] })} lookups={lookups} />);
    expect(await screen.findByText('Sophie Turner owns: control A.5.15 Access control.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy();
    expect(input('Result of item 1').disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Add row' }));
    expect(within(screen.getByRole('table', { name: 'Checklist items' })).getAllByRole('row')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Remove item 2' }));
    expect(within(screen.getByRole('table', { name: 'Checklist items' })).getAllByRole('row')).toHaveLength(2);
  });
});
