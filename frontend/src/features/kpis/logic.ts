// Pure helpers of the KPI screens. Go is authoritative (KPIService.Status gives each KPI's
// RAG, trend and due date); these mirror its rules for what the window works out on the
// spot: a measurement's RAG in a table, the next due date after a value being entered.
import type { KPI } from '../../lib/api';

export type RAG = 'green' | 'amber' | 'red';
export type Trend = 'up' | 'down' | 'flat' | '';

type Thresholds = Pick<KPI, 'direction' | 'target' | 'amber'>;

/** rag mirrors isms.RAG: green when the value meets the target, amber when it is no worse
 * than the amber threshold, red otherwise. */
export function rag(k: Thresholds, value: number): RAG {
  if (k.direction === 'lower_is_better') {
    if (value <= k.target) return 'green';
    if (value <= k.amber) return 'amber';
    return 'red';
  }
  if (value >= k.target) return 'green';
  if (value >= k.amber) return 'amber';
  return 'red';
}

/** trend mirrors isms.Trend: up, down or flat from previous to latest; '' when either is missing. */
export function trend(previous: number | null | undefined, latest: number | null | undefined): Trend {
  if (previous === null || previous === undefined || latest === null || latest === undefined) return '';
  const d = latest - previous;
  if (Math.abs(d) < 1e-9) return 'flat';
  return d > 0 ? 'up' : 'down';
}

/** improving says whether a trend is good news for the KPI's direction; null for flat or none. */
export function improving(direction: string, t: Trend): boolean | null {
  if (t === 'up') return direction !== 'lower_is_better';
  if (t === 'down') return direction === 'lower_is_better';
  return null;
}

const dateRe = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(d: string): Date | null {
  const m = dateRe.exec(d);
  if (!m) return null;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.getUTCDate() === Number(m[3]) ? t : null;
}

function iso(t: Date): string {
  return t.toISOString().slice(0, 10);
}

/** addMonths adds n months to a YYYY-MM-DD date, keeping to the end of a shorter month
 * (31 January plus one month is 28 February), as Go's rule does. */
export function addMonths(date: string, n: number): string {
  const t = parse(date);
  if (!t) return '';
  const first = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(t.getUTCDate(), last))));
}

const months: Record<string, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** dateOfTimestamp is the UTC date of a Go timestamp; '' for Go's zero time. */
function dateOfTimestamp(ts: string): string {
  const d = ts.slice(0, 10);
  return parse(d) && !d.startsWith('0001-') ? d : '';
}

/** nextDue mirrors isms.KPI.NextDue: one period of the frequency after the last
 * measurement, or after the day the KPI was created when it has none; '' for an inactive
 * KPI or one without a frequency. */
export function nextDue(k: Pick<KPI, 'active' | 'frequency' | 'createdAt'>, last: string): string {
  if (!k.active) return '';
  const from = last && parse(last) ? last : dateOfTimestamp(k.createdAt ?? '');
  if (!from) return '';
  if (k.frequency === 'weekly') {
    const t = parse(from)!;
    t.setUTCDate(t.getUTCDate() + 7);
    return iso(t);
  }
  const n = months[k.frequency];
  return n ? addMonths(from, n) : '';
}

/** isDue mirrors isms.KPI.Due: the next due date is today or has passed. */
export function isDue(k: Pick<KPI, 'active' | 'frequency' | 'createdAt'>, last: string, today: string): boolean {
  const next = nextDue(k, last);
  return next !== '' && today !== '' && next <= today;
}

/** formatValue shows a value with its unit: "92 %", "3.5 days", "12". */
export function formatValue(v: number, unit: string): string {
  const n = Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  const u = unit.trim();
  if (!u) return n;
  return u === '%' ? `${n} %` : `${n} ${u}`;
}

/** targetText says what the target asks: "≥ 95 %" or "≤ 5 days". */
export function targetText(k: Pick<KPI, 'direction' | 'target' | 'unit'>): string {
  return `${k.direction === 'lower_is_better' ? '≤' : '≥'} ${formatValue(k.target, k.unit)}`;
}

/** domain gives the chart's value range: every value and threshold with a margin, never empty. */
export function domain(values: number[]): [number, number] {
  const vs = values.filter((v) => Number.isFinite(v));
  if (vs.length === 0) return [0, 1];
  let lo = Math.min(...vs);
  let hi = Math.max(...vs);
  if (hi - lo < 1e-9) {
    const pad = Math.abs(hi) > 1e-9 ? Math.abs(hi) * 0.1 : 1;
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  if (lo < 0 && Math.min(...vs) >= 0) lo = 0; // values that cannot go negative stay on a zero floor
  return [lo, hi];
}
