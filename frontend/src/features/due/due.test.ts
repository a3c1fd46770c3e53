import { describe, expect, it } from 'vitest';
import type { DueItem } from '../../lib/api';
import { dueFilters, filterDue, groupDue, nobody, whenText } from './due';

const item = (what: string, days: number, extra: Partial<DueItem> = {}): DueItem => ({
  key: what, kind: 'action', type: 'action', typeLabel: 'Action', id: what, ref: '', title: what, what,
  due: '2026-03-10', overdue: days < 0, days, personId: '', who: '', link: `/records/actions/${what}`, ...extra,
});

describe('the list of what is due', () => {
  it('groups overdue, this week and later', () => {
    const g = groupDue([item('a', -3), item('b', 0), item('c', 7), item('d', 8)]);
    expect(g.map((x) => [x.id, x.items.map((i) => i.what).join('')])).toEqual([['overdue', 'a'], ['week', 'bc'], ['later', 'd']]);
  });
  it('says when', () => {
    expect([whenText(item('a', -1)), whenText(item('b', -4)), whenText(item('c', 0)), whenText(item('d', 1)), whenText(item('e', 9))])
      .toEqual(['1 day overdue', '4 days overdue', 'today', 'tomorrow', 'in 9 days']);
  });
  it('filters by sort of work and person, nobody included', () => {
    const items = [
      item('a', 1, { type: 'policy_review', typeLabel: 'Policy review', who: 'Ana Ortega' }),
      item('b', 2, { who: 'Ben Brandt' }),
      item('c', 3),
    ];
    expect(filterDue(items, 'action', '').map((i) => i.what)).toEqual(['b', 'c']);
    expect(filterDue(items, '', 'Ana Ortega').map((i) => i.what)).toEqual(['a']);
    expect(filterDue(items, '', nobody).map((i) => i.what)).toEqual(['c']);
    const f = dueFilters(items);
    expect(f.types.map((t) => t.label)).toEqual(['Action', 'Policy review']);
    expect(f.people.map((p) => p.label)).toEqual(['Ana Ortega', 'Ben Brandt', 'Nobody named']);
  });
});
