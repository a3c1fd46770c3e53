// Pure helpers of the KPI trend chart: the value axis (a percentage axis capped at 100,
// whole-number ticks for counts) and the dates the time axis labels.
import { domain } from './logic';

/** ValueAxis is the y axis of a trend: its range, its ticks and whether they are whole numbers. */
export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
  integer: boolean;
}

/** niceStep rounds a raw tick step up to 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return m * p;
}

const tidy = (v: number) => Math.round(v * 1e9) / 1e9;

/** valueAxis fits the values and the KPI's target and amber threshold with about five
 * ticks. A percentage axis does not go past 100 (unless a value does) nor below 0; a
 * count (no %, every value and threshold whole) gets whole-number ticks from 0. */
export function valueAxis(values: number[], k: { unit: string; target: number; amber: number }): ValueAxis {
  const vs = [...values, k.target, k.amber].filter((v) => Number.isFinite(v));
  const percent = k.unit.trim() === '%';
  const integer = !percent && vs.length > 0 && vs.every((v) => Number.isInteger(v));
  const nonNegative = vs.every((v) => v >= 0);
  let [lo, hi] = domain(vs);
  if (nonNegative) lo = Math.max(lo, 0);
  if (integer && nonNegative) lo = 0;
  let step = niceStep((hi - lo) / 4);
  if (integer) step = Math.max(1, Math.ceil(step));
  lo = tidy(Math.floor(lo / step) * step);
  hi = tidy(Math.ceil(hi / step) * step);
  if (hi <= lo) hi = tidy(lo + step);
  if (percent) {
    const top = Math.max(100, ...vs);
    if (hi > top) hi = top;
    if (nonNegative && lo < 0) lo = 0;
  }
  const ticks: number[] = [];
  for (let v = lo; v <= hi + 1e-9; v = tidy(v + step)) ticks.push(v);
  if (ticks[ticks.length - 1] !== hi) ticks.push(hi);
  return { domain: [lo, hi], ticks, integer };
}

/** dayOf is a YYYY-MM-DD date as milliseconds at midnight UTC; NaN when not a date. */
export function dayOf(d: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) : NaN;
}

/** dateOf is the YYYY-MM-DD date of milliseconds at midnight UTC. */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

/** timeDomain is the time axis's range: the first to the last date with a little room on
 * either side (a fortnight around a single date). */
export function timeDomain(days: number[]): [number, number] {
  if (days.length === 0) return [0, 1];
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const pad = hi === lo ? 14 * DAY : Math.max(DAY, (hi - lo) * 0.03);
  return [lo - pad, hi + pad];
}

/** dateTicks picks at most max of the measured dates (sorted, distinct) to label, spread
 * evenly and always with the first and the last. */
export function dateTicks(dates: string[], max = 6): string[] {
  const ds = [...new Set(dates)].filter((d) => Number.isFinite(dayOf(d))).sort();
  if (ds.length <= max) return ds;
  const out: string[] = [];
  for (let i = 0; i < max; i++) out.push(ds[Math.round((i * (ds.length - 1)) / (max - 1))]!);
  return [...new Set(out)];
}
