import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { Action, Nonconformity } from '../../lib/api';
import type { Lookups } from '../../components/record/kit';
import { WorkflowPanel } from './WorkflowPanel';

const mocks = vi.hoisted(() => ({
  actions: vi.fn(),
  advance: vi.fn(),
  close: vi.fn(),
  complete: vi.fn(),
  ageing: vi.fn(),
  review: vi.fn(),
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
      actions: { ...actual.api.actions, list: mocks.actions, complete: mocks.complete },
      nonconformities: { ...actual.api.nonconformities, advance: mocks.advance, close: mocks.close, ageing: mocks.ageing, reviewEffectiveness: mocks.review },
      options: { enums: mocks.enums, choices: mocks.choices },
      people: { ...actual.api.people, list: mocks.people },
    },
  };
});

const { ApiError } = await import('../../lib/api/errors');

// typing and picking take a while on a busy machine
vi.setConfig({ testTimeout: 30_000 });

const labels: Record<string, string> = {
  open: 'Open', correction: 'Correction', root_cause: 'Root cause analysis', corrective_action: 'Corrective action',
  effectiveness_review: 'Effectiveness review', closed: 'Closed', done: 'Done', in_progress: 'In progress', effective: 'Effective',
};
const lookups: Lookups = { enumLabel: (_e, v) => labels[v] ?? v, person: (id) => (id === 'p1' ? 'Emma Owner' : id), record: (id) => id };

const nc = (over: Partial<Nonconformity>): Nonconformity => ({
  id: 'n1', version: 3, createdAt: '', updatedAt: '', ref: 'NC-1', title: 'No access review', description: '', source: 'audit',
  findingId: '', reviewId: '', feedbackId: '', detectedOn: '2026-01-10', ownerId: 'p1', status: 'open', correction: '', correctionOn: '',
  rootCause: '', similarCheck: '', correctiveActionIds: [], effectiveness: { reviewedOn: '', verdict: '', reviewerId: '', comment: '' },
  closedOn: '', dueDate: '', ...over,
});

const action = (over: Partial<Action>): Action => ({
  id: 'a1', version: 1, createdAt: '', updatedAt: '', ref: 'ACT-001', title: 'Name a review owner', description: '', ownerId: 'p1',
  dueDate: '2000-01-01', status: 'in_progress', reviewId: '', nonconformityId: 'n1', completedOn: '', notes: '', ...over,
});

describe('WorkflowPanel', () => {
  beforeEach(() => {
    for (const m of Object.values(mocks)) m.mockReset();
    mocks.enums.mockResolvedValue({ verdicts: [{ value: 'effective', label: 'Effective' }, { value: 'not_effective', label: 'Not effective' }] });
    mocks.choices.mockResolvedValue([{ value: 'p1', label: 'Emma Owner' }]);
    mocks.people.mockResolvedValue([{ id: 'p1', name: 'Emma Owner', active: true }]);
    mocks.actions.mockResolvedValue([]);
    mocks.ageing.mockResolvedValue([]);
  });

  it('shows how long it has been open and what is overdue, from Go', async () => {
    mocks.ageing.mockResolvedValue([{ id: 'n1', daysOpen: 37, stepOverdue: 'Root cause analysis', daysOverdue: 9, overdueActions: ['ACT-004'] }]);
    renderWithProviders(<WorkflowPanel record={nc({ status: 'root_cause', correction: 'Reviewed', correctionOn: '2026-01-11', dueDate: '2026-03-01' })} lookups={lookups} />);
    const line = await screen.findByLabelText('Ageing');
    expect(line.textContent).toBe('Open for 37 days · Overdue: Root cause analysis 9 days late; ACT-004 late (due 2026-03-01)');
    expect(screen.getByText(/Overdue by 9 d\./)).toBeTruthy();
  });

  it('says a not-effective review opened a follow-up action and sent it back to corrective action', async () => {
    mocks.actions.mockResolvedValue([action({ status: 'done', completedOn: '2026-02-01' }), action({ id: 'a2', ref: 'ACT-007', title: 'Follow up: No access review', status: 'open', dueDate: '2026-04-09' })]);
    renderWithProviders(
      <WorkflowPanel
        record={nc({ status: 'corrective_action', correction: 'x', correctionOn: '2026-01-11', rootCause: 'y', similarCheck: 'z', correctiveActionIds: ['a1', 'a2'],
          effectiveness: { reviewedOn: '2026-03-10', verdict: 'not_effective', reviewerId: 'p1', comment: 'Still failing' } })}
        lookups={lookups}
      />,
    );
    const alert = await screen.findByText(/found them not effective/);
    expect(alert.textContent).toContain('ACT-007');
    expect(alert.textContent).toContain('Emma Owner');
    expect(alert.textContent).toContain('2026-04-09');
  });

  it('warns that “not effective” opens a follow-up and reports it', async () => {
    mocks.review.mockResolvedValue(nc({ status: 'corrective_action' }));
    renderWithProviders(
      <WorkflowPanel record={nc({ status: 'effectiveness_review', correction: 'x', correctionOn: '2026-01-11', rootCause: 'y', similarCheck: 'z', correctiveActionIds: ['a1'] })} lookups={lookups} />,
    );
    await userEvent.click(screen.getByRole('textbox', { name: 'Verdict' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Not effective' }));
    expect(screen.getByText(/opens a follow-up action for its owner, due in 30 days/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Record the review' }));
    await waitFor(() => expect(mocks.review).toHaveBeenCalledWith('n1', 3, expect.objectContaining({ verdict: 'not_effective' })));
  });

  it('shows what the current step needs and Go’s refusal of Next step in words', async () => {
    mocks.advance.mockRejectedValue(new ApiError('invalid', 'not ready for the corrective action: root cause is required', { rootCause: 'is required' }));
    renderWithProviders(<WorkflowPanel record={nc({ status: 'root_cause', correction: 'Reviewed', correctionOn: '2026-01-11' })} lookups={lookups} />);
    expect(screen.getByText('Root cause analysis: still needs the root cause and the check for similar cases.')).toBeTruthy();
    expect(screen.getByText('Needs the root cause and the check for similar cases')).toBeTruthy();
    // the correction is shown from its stage on; the corrective actions not yet
    expect(screen.getByText('Reviewed')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Corrective actions' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next step' }));
    await waitFor(() => expect(mocks.advance).toHaveBeenCalledWith('n1', 3));
    expect((await screen.findByRole('alert')).textContent).toContain('Not ready for the corrective action: root cause is required');
  });

  it('lists the corrective actions with the overdue one red and Mark done', async () => {
    mocks.actions.mockResolvedValue([action({}), action({ id: 'a2', ref: 'ACT-002', title: 'Automate', status: 'done', completedOn: '2026-01-20' })]);
    mocks.complete.mockResolvedValue(action({ status: 'done' }));
    renderWithProviders(
      <WorkflowPanel record={nc({ status: 'corrective_action', correction: 'x', correctionOn: '2026-01-11', rootCause: 'y', similarCheck: 'z', correctiveActionIds: ['a1', 'a2'] })} lookups={lookups} />,
    );
    const table = await screen.findByRole('table', { name: 'Corrective actions' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('Overdue')).toBeTruthy();
    expect(within(rows[1]).getByText('Emma Owner')).toBeTruthy();
    expect(within(rows[2]).getByText('done 2026-01-20')).toBeTruthy();
    expect(screen.getByText('Needs ACT-001 done or cancelled')).toBeTruthy();
    await userEvent.click(within(rows[1]).getByRole('button', { name: 'Mark done' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark done' }));
    await waitFor(() => expect(mocks.complete).toHaveBeenCalledWith('a1', 1, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)));
  });

  it('offers Close at the effectiveness review and shows why Go refused', async () => {
    mocks.close.mockRejectedValue(new ApiError('invalid', 'not ready to close: verdict must be effective to close', { 'effectiveness.verdict': 'must be effective to close' }));
    renderWithProviders(
      <WorkflowPanel record={nc({ status: 'effectiveness_review', correction: 'x', correctionOn: '2026-01-11', rootCause: 'y', similarCheck: 'z', correctiveActionIds: ['a1'] })} lookups={lookups} />,
    );
    expect(screen.queryByRole('button', { name: 'Next step' })).toBeNull();
    expect(screen.getByRole('button', { name: /Add corrective action/ }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(mocks.close).toHaveBeenCalled());
    expect((await screen.findByRole('alert')).textContent).toContain('verdict must be effective to close');
  });
});
