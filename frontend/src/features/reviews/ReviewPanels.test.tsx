import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { Action, ReviewAgenda, ReviewRow } from '../../lib/api';
import type { Lookups } from '../../components/record/kit';
import { AgendaPanel, DecisionsPanel, HoldPanel } from './ReviewPanels';
import { inputTopics } from './agenda';

const mocks = vi.hoisted(() => ({
  actions: vi.fn(),
  agenda: vi.fn(),
  saveMinutes: vi.fn(),
  addDecision: vi.fn(),
  hold: vi.fn(),
  close: vi.fn(),
  updateDecision: vi.fn(),
  removeDecision: vi.fn(),
  list: vi.fn(),
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
      actions: { ...actual.api.actions, list: mocks.actions },
      reviews: {
        ...actual.api.reviews, agenda: mocks.agenda, saveMinutes: mocks.saveMinutes, addDecision: mocks.addDecision, hold: mocks.hold,
        close: mocks.close, updateDecision: mocks.updateDecision, removeDecision: mocks.removeDecision, list: mocks.list,
      },
      options: { enums: mocks.enums, choices: mocks.choices },
      people: { ...actual.api.people, list: mocks.people },
    },
  };
});

const { ApiError } = await import('../../lib/api/errors');

// typing into several fields takes a while on a busy machine
vi.setConfig({ testTimeout: 30_000 });

const lookups: Lookups = { enumLabel: (_e, v) => ({ planned: 'Planned', resources: 'Resources', open: 'Open' })[v] ?? v, person: (id) => (id === 'p1' ? 'Daniel Owner' : id), record: (id) => id };

const review = (over: Partial<ReviewRow> = {}): ReviewRow => ({
  id: 'r1', version: 4, createdAt: '', updatedAt: '', ref: 'MR-2026-2', title: 'Management review March 2026', date: '2026-03-01',
  status: 'planned', chairId: 'p1', attendeeIds: ['p1'], inputs: inputTopics.map((topic) => ({ topic, summary: '', minutes: '' })),
  decisions: [], minutes: '', previousReviewId: 'r0', conclusion: { suitability: '', adequacy: '', effectiveness: '' },
  signOff: { byId: '', on: '', how: '', ref: '' }, nextReviewDate: '', ...over,
});

const sha = 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12';
const frozen = (): NonNullable<ReviewRow['snapshot']> => ({
  takenOn: '2026-03-01', since: '2026-01-15', until: '2026-03-01', period: '2026-01-15 to 2026-03-01 (since MR-2026-1)',
  previousReviewId: 'r0', previousRef: 'MR-2026-1', carriedActionIds: [], sha256: sha,
  inputs: inputTopics.map((topic) => ({ topic, name: `(${topic}) Input`, summary: `Frozen ${topic}`, lines: [], more: 0 })),
});

const agenda = (over: Partial<ReviewAgenda> = {}): ReviewAgenda => ({
  reviewId: 'r1', previousReviewId: 'r0', previousRef: 'MR-2026-1', since: '2026-01-15', until: '2026-03-01',
  period: '2026-01-15 to 2026-03-01 (since MR-2026-1)', carriedActionIds: ['a1'], holdMissing: {}, closeMissing: {},
  inputs: inputTopics.map((topic) => ({ topic, name: `(${topic}) Input`, summary: `Summary ${topic}`, lines: [], more: 0 })),
  ...over,
});

const action = (over: Partial<Action> = {}): Action => ({
  id: 'a1', version: 1, createdAt: '', updatedAt: '', ref: 'ACT-001', title: 'Buy EDR', description: '', ownerId: 'p1',
  dueDate: '2000-01-01', status: 'open', reviewId: 'r1', nonconformityId: '', completedOn: '', notes: '', ...over,
});

describe('the management review panels', () => {
  beforeEach(() => {
    for (const m of Object.values(mocks)) m.mockReset();
    mocks.enums.mockResolvedValue({ decisionCategories: [{ value: 'resources', label: 'Resources' }] });
    mocks.choices.mockResolvedValue([{ value: 'p1', label: 'Daniel Owner' }]);
    mocks.people.mockResolvedValue([{ id: 'p1', name: 'Daniel Owner', active: true }]);
    mocks.actions.mockResolvedValue([]);
    mocks.agenda.mockResolvedValue(agenda());
  });

  it('shows the agenda as a table with live data and saves every input’s minutes', async () => {
    const a = agenda();
    a.inputs[0] = { ...a.inputs[0], name: '(a) Status of actions', summary: '1 action from previous reviews: 1 open (1 overdue).', lines: [{ kind: 'action', id: 'a1', text: 'ACT-001 Buy EDR (overdue)', flag: 'overdue' }], more: 2 };
    mocks.agenda.mockResolvedValue(a);
    mocks.saveMinutes.mockResolvedValue(review());
    renderWithProviders(<AgendaPanel record={review()} lookups={lookups} />);
    const table = screen.getByRole('table', { name: '9.3.2 inputs' });
    expect(within(table).getAllByRole('row')).toHaveLength(inputTopics.length + 1);
    expect(await within(table).findByText('1 action from previous reviews: 1 open (1 overdue).')).toBeTruthy();
    expect(within(table).getByText('ACT-001 Buy EDR (overdue)')).toBeTruthy();
    expect(within(table).getByText('and 2 more')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save minutes' });
    expect(save.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByRole('textbox', { name: 'Minutes of (a) Status of actions' }), 'EDR delayed');
    expect(screen.getByText('Unsaved minutes')).toBeTruthy();
    await userEvent.click(save);
    await waitFor(() => expect(mocks.saveMinutes).toHaveBeenCalled());
    const [id, version, items, general] = mocks.saveMinutes.mock.calls[0];
    expect([id, version, general]).toEqual(['r1', 4, '']);
    expect(items).toHaveLength(inputTopics.length);
    expect(items[0]).toEqual({ topic: 'a', summary: '', minutes: 'EDR delayed' });
  });

  it('says what is missing and shows Go’s refusal of Mark held in words', async () => {
    mocks.agenda.mockResolvedValue(agenda({ holdMissing: { attendeeIds: 'must include the chair' } }));
    mocks.hold.mockRejectedValue(new ApiError('invalid', 'the management review MR-2026-2 cannot be marked held yet', { inputs: 'need minutes for every 9.3.2 input; none yet for (b) Changes' }));
    renderWithProviders(<HoldPanel record={review()} lookups={lookups} />);
    expect(await screen.findByText('Still needed to mark it held: Attendees must include the chair')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Export the review pack/ }).getAttribute('href')).toBe('#/reports');
    await userEvent.click(screen.getByRole('button', { name: 'Mark held' }));
    await waitFor(() => expect(mocks.hold).toHaveBeenCalledWith('r1', 4, '2026-03-01'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The management review MR-2026-2 cannot be marked held yet');
    expect(alert.textContent).toContain('Inputs need minutes for every 9.3.2 input');
  });

  it('lists decisions with their actions and adds one with an action', async () => {
    mocks.actions.mockResolvedValue([action()]);
    mocks.addDecision.mockResolvedValue(review());
    renderWithProviders(<DecisionsPanel record={review({ decisions: [{ text: 'Buy EDR', category: 'resources', actionIds: ['a1'] }, { text: 'Noted', category: '', actionIds: [] }] })} lookups={lookups} />);
    const table = await screen.findByRole('table', { name: 'Decisions' });
    expect(await within(table).findByText('ACT-001')).toBeTruthy();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('ACT-001')).toBeTruthy();
    expect(within(rows[1]).getByText('Overdue')).toBeTruthy();
    expect(within(rows[2]).getByText('No action')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add decision' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'What was decided' }), 'Hire a second engineer');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'What is to be done' }), 'Open the job');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add decision' }));
    await waitFor(() => expect(mocks.addDecision).toHaveBeenCalledWith('r1', 4, { text: 'Hire a second engineer', category: '', actionTitle: 'Open the job', actionOwnerId: '', actionDue: '' }));
  });

  it('shows a held review’s frozen inputs and their hash, not the live data', async () => {
    const r = review({ status: 'held', snapshot: frozen() });
    renderWithProviders(<AgendaPanel record={r} lookups={lookups} />);
    const table = screen.getByRole('table', { name: '9.3.2 inputs' });
    expect(within(table).getByText('As presented (frozen)')).toBeTruthy();
    expect(within(table).getByText('Frozen a')).toBeTruthy();
    await waitFor(() => expect(mocks.agenda).toHaveBeenCalled());
    expect(within(table).queryByText('Summary a')).toBeNull();
    renderWithProviders(<HoldPanel record={r} lookups={lookups} />);
    expect(screen.getByLabelText('SHA-256 of the frozen inputs').textContent).toBe('ab12cd34ef56ab12…');
  });

  it('closes a held review with the chair’s sign-off and shows Go’s refusal', async () => {
    mocks.close.mockRejectedValue(new ApiError('invalid', 'the management review MR-2026-2 cannot be closed yet', { 'conclusion.adequacy': 'is required' }));
    renderWithProviders(<HoldPanel record={review({ status: 'held', snapshot: frozen() })} lookups={lookups} />);
    await userEvent.click(screen.getByRole('button', { name: 'Close with sign-off' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Daniel Owner')).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Continuing suitability/ }), 'Still suitable');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign off and close' }));
    await waitFor(() => expect(mocks.close).toHaveBeenCalled());
    const [id, version, c] = mocks.close.mock.calls[0];
    expect([id, version]).toEqual(['r1', 4]);
    expect(c).toMatchObject({ signedById: 'p1', how: 'app', nextReviewDate: '2027-03-01', conclusion: { suitability: 'Still suitable', adequacy: '', effectiveness: '' } });
    expect((await within(dialog).findByRole('alert')).textContent).toContain('cannot be closed yet');
  });

  it('shows what a closed review signed off and offers to plan the next one', async () => {
    mocks.list.mockResolvedValue([]);
    const r = review({
      status: 'closed', snapshot: frozen(), nextReviewDate: '2026-09-01',
      signOff: { byId: 'p1', on: '2026-03-02', how: 'meeting', ref: 'Minutes item 12' },
      conclusion: { suitability: 'Suitable', adequacy: 'Adequate', effectiveness: 'Effective' },
    });
    renderWithProviders(<HoldPanel record={r} lookups={lookups} />);
    expect(screen.getByText('Adequate')).toBeTruthy();
    expect(screen.getByText(/Minutes item 12/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: /Plan the next review on/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close with sign-off' })).toBeNull();
  });

  it('edits a decision and removes one, refusing while its action is in progress', async () => {
    mocks.actions.mockResolvedValue([action(), action({ id: 'a2', ref: 'ACT-002', status: 'in_progress' })]);
    mocks.updateDecision.mockResolvedValue(review());
    mocks.removeDecision.mockResolvedValue(review());
    const r = review({ decisions: [{ text: 'Buy EDR', category: 'resources', actionIds: ['a1'] }, { text: 'Hire', category: '', actionIds: ['a2'] }] });
    renderWithProviders(<DecisionsPanel record={r} lookups={lookups} />);
    await screen.findByText('ACT-002');
    await userEvent.click(screen.getByRole('button', { name: 'Edit decision 1' }));
    let dialog = await screen.findByRole('dialog');
    const text = within(dialog).getByRole('textbox', { name: 'What was decided' });
    await userEvent.clear(text);
    await userEvent.type(text, 'Buy EDR for every laptop');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save decision' }));
    await waitFor(() => expect(mocks.updateDecision).toHaveBeenCalledWith('r1', 4, 0, 'Buy EDR for every laptop', 'resources'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Remove decision 2' }));
    dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/ACT-002 is in progress/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Remove decision' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Remove decision 1' }));
    dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/ACT-001 is kept as an action of this review/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove decision' }));
    await waitFor(() => expect(mocks.removeDecision).toHaveBeenCalledWith('r1', 4, 0));
  });

  it('lists the review’s actions whose decision was removed', async () => {
    mocks.actions.mockResolvedValue([action({ id: 'a9', ref: 'ACT-009', title: 'Orphan' })]);
    renderWithProviders(<DecisionsPanel record={review({ status: 'closed' })} lookups={lookups} />);
    expect(await screen.findByText('ACT-009')).toBeTruthy();
    expect(screen.getByText('Actions of this review whose decision was removed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Edit decision/ })).toBeNull();
  });
});
