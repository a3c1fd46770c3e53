// The list of what is due as the screens group, filter and word it. Go decides what is
// due; these helpers only arrange what it sent.
import type { DueItem } from '../../lib/api';

/** The query keys; under 'dashboard' so that every change to a record refreshes them. */
export const dueKeys = {
  list: (days: number) => ['dashboard', 'due', days] as const,
  count: ['dashboard', 'due-count'] as const,
};

/** The windows the page offers, in days ahead. */
export const dueWindows = [7, 30, 90] as const;

export interface DueGroup {
  id: 'overdue' | 'week' | 'later';
  title: string;
  items: DueItem[];
}

/** groupDue splits items into overdue, this week (today and the next 7 days) and later. */
export function groupDue(items: DueItem[]): DueGroup[] {
  const groups: DueGroup[] = [
    { id: 'overdue', title: 'Overdue', items: [] },
    { id: 'week', title: 'This week', items: [] },
    { id: 'later', title: 'Later', items: [] },
  ];
  for (const it of items) {
    const g = it.overdue ? groups[0]! : it.days <= 7 ? groups[1]! : groups[2]!;
    g.items.push(it);
  }
  return groups;
}

/** whenText says when an item is due relative to today: "3 days overdue", "today", "in 5 days". */
export function whenText(it: DueItem): string {
  const n = Math.abs(it.days);
  const days = n === 1 ? '1 day' : `${n} days`;
  if (it.overdue || it.days < 0) return `${days} overdue`;
  if (it.days === 0) return 'today';
  if (it.days === 1) return 'tomorrow';
  return `in ${days}`;
}

/** The filter value for items with nobody named. */
export const nobody = '\u0000nobody';

/** filterDue keeps the items of one sort of work and one person ("" for any). */
export function filterDue(items: DueItem[], type: string, who: string): DueItem[] {
  return items.filter((it) => (type === '' || it.type === type) && (who === '' || (who === nobody ? it.who === '' : it.who === who)));
}

/** dueFilters lists the sorts of work and the people the items hold, for the filters. */
export function dueFilters(items: DueItem[]): { types: { value: string; label: string }[]; people: { value: string; label: string }[] } {
  const types = new Map<string, string>();
  const people = new Set<string>();
  let unnamed = false;
  for (const it of items) {
    types.set(it.type, it.typeLabel);
    if (it.who) people.add(it.who);
    else unnamed = true;
  }
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  const out = {
    types: [...types].map(([value, label]) => ({ value, label })).sort(byLabel),
    people: [...people].map((p) => ({ value: p, label: p })).sort(byLabel),
  };
  if (unnamed) out.people.push({ value: nobody, label: 'Nobody named' });
  return out;
}

/** countLabel words a number of things due: "1 thing", "12 things". */
export function countLabel(n: number): string {
  return n === 1 ? '1 thing' : `${n} things`;
}
