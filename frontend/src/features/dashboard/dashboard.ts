// The dashboard's links into the filtered registers and its words. Go decides every
// figure; these helpers only say where each one leads and how it reads.
import type { NCBucket, ThemeState } from '../../lib/api';

/** withQuery is a route with its address query ("" values left out). */
export function withQuery(path: string, query: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return q ? `${path}?${q}` : path;
}

/** idsLink opens a register showing only the records listed, under a label. */
export function idsLink(plural: string, ids: readonly string[], label: string): string {
  return withQuery(`/records/${plural}`, { ids: ids.join(','), label });
}

/** The implementation statuses a theme's figures link to. */
export type ThemePart = 'implemented' | 'in_progress' | 'planned' | 'not_started';

/** themeLink opens the SoA at a theme's applicable controls, of one implementation status when given. */
export function themeLink(theme: string, part?: ThemePart): string {
  return withQuery('/records/controls', { theme, applicability: 'applicable', implementation: part ?? '' });
}

/** themeParts are a theme's applicable controls by implementation, for its bar. */
export function themeParts(t: ThemeState): { part: ThemePart; label: string; count: number; colour: string }[] {
  return [
    { part: 'implemented', label: 'Implemented', count: t.implemented, colour: 'green' },
    { part: 'in_progress', label: 'In progress', count: t.inProgress, colour: 'yellow' },
    { part: 'planned', label: 'Planned', count: t.planned, colour: 'blue' },
    { part: 'not_started', label: 'Not started', count: t.notStarted, colour: 'gray' },
  ];
}

/** requirementLink opens the requirements register at a compliance status ("" for every requirement). */
export function requirementLink(status: string): string {
  return withQuery('/requirements', { status });
}

/** kpiLink opens the KPIs of one colour. */
export function kpiLink(rag: 'green' | 'amber' | 'red'): string {
  return withQuery('/records/kpis', { rag });
}

export const ncAges = [
  { age: '0-30', label: '0–30 days' },
  { age: '31-90', label: '31–90 days' },
  { age: '90+', label: 'Over 90 days' },
] as const;

export const ncGrades = [
  { grade: 'major', label: 'Major' },
  { grade: 'minor', label: 'Minor' },
  { grade: 'ungraded', label: 'Not graded' },
] as const;

/** ncCell finds the open nonconformities of an age and grade. */
export function ncCell(buckets: readonly NCBucket[], age: string, grade: string): NCBucket {
  return buckets.find((b) => b.age === age && b.grade === grade) ?? { age, grade, count: 0, ids: [] };
}

/** ncLink opens the nonconformities of an age and grade (several cells: all of them). */
export function ncLink(cells: readonly NCBucket[], label: string): string {
  return idsLink('nonconformities', cells.flatMap((c) => c.ids), label);
}

/** ncLabel names a cell's selection in the register: "Open, 31–90 days, major". */
export function ncLabel(age?: string, grade?: string): string {
  const parts = ['Open'];
  const a = ncAges.find((x) => x.age === age);
  const g = ncGrades.find((x) => x.grade === grade);
  if (a) parts.push(a.label);
  if (g) parts.push(g.label.toLowerCase());
  return parts.join(', ');
}

/** counted says "1 risk", "3 risks" with the words given. */
export function counted(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** share is n of total as a whole percentage, 0 when there is no total. */
export function share(n: number, total: number): number {
  return total > 0 ? Math.round((100 * n) / total) : 0;
}

/** ragColour is the colour a red/amber/green value shows in ("" for not measured). */
export function ragColour(rag: string): string {
  return rag === 'green' ? 'green' : rag === 'amber' ? 'yellow' : rag === 'red' ? 'red' : 'gray';
}

/** kpiValue shows a KPI's value with its unit: "12 days", "95%". */
export function kpiValue(v: number, unit: string): string {
  const n = Number.isInteger(v) ? v.toLocaleString() : v.toLocaleString(undefined, { maximumFractionDigits: 2 });
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}
