import { describe, expect, it } from 'vitest';
import type { AgendaInput, Review } from '../../lib/api';
import { openActionsByReview } from '../../lib/api/review';
import { addMonths, agendaRows, changedTopics, decisionBlock, draftOf, holdDate, inputName, inputTopics, minutesToSave, shortHash, unsavedMinutes, withoutMinutes } from './agenda';

const labels: Record<string, string> = {
  a: 'a) Status of actions from previous management reviews',
  d2: 'd2) Monitoring and measurement results',
};
const label = (t: string) => labels[t] ?? `${t}) Input ${t}`;

const review = (inputs: Review['inputs'], minutes = ''): Pick<Review, 'inputs' | 'minutes'> => ({ inputs, minutes });

const live = (topic: string, summary: string): AgendaInput => ({ topic, name: `live ${topic}`, summary, lines: [], more: 0 });

describe('the 9.3.2 agenda', () => {
  it('numbers the inputs as the standard does', () => {
    expect(inputName('d2', labels.d2)).toBe('(d)(2) Monitoring and measurement results');
    expect(inputName('a', labels.a)).toBe('(a) Status of actions from previous management reviews');
    expect(inputName('', 'Other')).toBe('Other');
  });

  it('lays out every input in order with live data and stored minutes', () => {
    const r = review([{ topic: 'd2', summary: 'shown', minutes: 'KPIs discussed' }, { topic: 'a', summary: '', minutes: 'Noted' }]);
    const rows = agendaRows(r, { inputs: [live('a', '3 actions'), live('d2', 'KPIs: 1 red')] }, label);
    expect(rows.map((x) => x.topic)).toEqual([...inputTopics]);
    expect(rows[0]).toMatchObject({ topic: 'a', name: 'live a', minutes: 'Noted', presented: '' });
    expect(rows[0].live?.summary).toBe('3 actions');
    expect(rows[4]).toMatchObject({ topic: 'd2', minutes: 'KPIs discussed', presented: 'shown' });
    // an input missing from the agenda and the review still has its row, named from its label
    expect(rows[1]).toMatchObject({ topic: 'b', name: '(b) Input b', live: null, minutes: '' });
    // without the agenda (loading) every row is there with no live data
    expect(agendaRows(r, undefined, label).every((x) => x.live === null)).toBe(true);
    expect(agendaRows(r, undefined, label)[4].name).toBe('(d)(2) Monitoring and measurement results');
  });

  it('tells unsaved minutes apart from saved ones', () => {
    const r = review([{ topic: 'a', summary: '', minutes: 'Noted' }], 'General');
    const d = draftOf(r);
    expect(d.items.a).toBe('Noted');
    expect(d.items.g).toBe('');
    expect(unsavedMinutes(r, d)).toBe(false);
    expect(unsavedMinutes(r, { ...d, items: { ...d.items, a: 'Noted  ' } })).toBe(false); // Go trims
    const typed = { ...d, items: { ...d.items, b: 'NIS2 discussed' } };
    expect(changedTopics(r, typed)).toEqual(['b']);
    expect(unsavedMinutes(r, typed)).toBe(true);
    expect(unsavedMinutes(r, { ...d, general: 'Other' })).toBe(true);
  });

  it('sends every input in order and counts those without minutes', () => {
    const d = draftOf(review([{ topic: 'a', summary: 'x', minutes: 'Noted' }, { topic: 'f', summary: '', minutes: ' ' }]));
    const sent = minutesToSave(d);
    expect(sent.map((i) => i.topic)).toEqual([...inputTopics]);
    expect(sent[0]).toEqual({ topic: 'a', summary: '', minutes: 'Noted' });
    expect(withoutMinutes(d)).toHaveLength(inputTopics.length - 1);
    expect(withoutMinutes(d)).toContain('f');
  });

  it('proposes the planned date to mark a review held, never a future one', () => {
    expect(holdDate('2026-03-05', '2026-03-10')).toBe('2026-03-05');
    expect(holdDate('2026-03-20', '2026-03-10')).toBe('2026-03-10');
    expect(holdDate('', '2026-03-10')).toBe('2026-03-10');
  });

  it('counts the open actions of each review', () => {
    const open = openActionsByReview([
      { reviewId: 'r1', status: 'open' },
      { reviewId: 'r1', status: 'in_progress' },
      { reviewId: 'r1', status: 'done' },
      { reviewId: 'r2', status: 'cancelled' },
      { reviewId: '', status: 'open' },
    ]);
    expect(open.get('r1')).toBe(2);
    expect(open.get('r2')).toBeUndefined();
    expect(open.size).toBe(1);
  });
});

describe('a held review', () => {
  it('shows the frozen inputs rather than the live data', () => {
    const snapshot = {
      takenOn: '2026-03-01', since: '', until: '2026-03-01', period: 'Up to 2026-03-01', previousReviewId: '', previousRef: '', carriedActionIds: [], sha256: 'x',
      inputs: [{ topic: 'a', name: '(a) Frozen', summary: 'as presented', lines: [], more: 0 }],
    };
    const rows = agendaRows({ inputs: [], snapshot }, { inputs: [live('a', 'live now'), live('b', 'live b')] }, label);
    expect(rows[0]).toMatchObject({ name: '(a) Frozen', frozen: true });
    expect(rows[0].live?.summary).toBe('as presented');
    expect(rows[1].live).toBeNull(); // not presented: the live data is not mixed in
    expect(agendaRows({ inputs: [] }, { inputs: [live('a', 'live now')] }, label)[0]).toMatchObject({ frozen: false });
  });
  it('proposes the next review a year on and shortens the hash', () => {
    expect(addMonths('2026-03-01', 12)).toBe('2027-03-01');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('', 12)).toBe('');
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789abcdef…');
  });
  it('refuses to remove a decision whose action is in progress', () => {
    expect(decisionBlock([{ ref: 'ACT-1', status: 'open' }, { ref: 'ACT-2', status: 'done' }])).toBeNull();
    expect(decisionBlock([{ ref: 'ACT-3', status: 'in_progress' }])).toMatch(/ACT-3 is in progress/);
  });
});
