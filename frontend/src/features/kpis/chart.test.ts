import { describe, expect, it } from 'vitest';
import { dateOf, dateTicks, dayOf, niceStep, timeDomain, valueAxis } from './chart';

describe('niceStep', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.3, 2.2, 3, 7, 13, 0.013].map(niceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 0.02]);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe('valueAxis', () => {
  it('caps a percentage axis at 100', () => {
    const a = valueAxis([96, 98, 99.97], { unit: '%', target: 99.9, amber: 99.5 });
    expect(a.domain[1]).toBe(100);
    expect(a.ticks[a.ticks.length - 1]).toBe(100);
    expect(a.domain[0]).toBeLessThanOrEqual(96);
    expect(a.integer).toBe(false);
    const wide = valueAxis([35, 52, 90], { unit: '%', target: 95, amber: 85 });
    expect(wide).toEqual({ domain: [20, 100], ticks: [20, 40, 60, 80, 100], integer: false });
  });

  it('keeps a percentage above 100 on the axis, and never goes below 0', () => {
    const a = valueAxis([104, 110], { unit: '%', target: 100, amber: 90 });
    expect(a.domain[1]).toBeGreaterThanOrEqual(110);
    const low = valueAxis([0, 2], { unit: '%', target: 5, amber: 10 });
    expect(low.domain[0]).toBe(0);
  });

  it('gives a count whole-number ticks from 0', () => {
    const a = valueAxis([6, 4, 5, 3], { unit: '', target: 0, amber: 3 });
    expect(a.integer).toBe(true);
    expect(a.domain[0]).toBe(0);
    expect(a.ticks.every((t) => Number.isInteger(t))).toBe(true);
    expect(a.domain[1]).toBeGreaterThanOrEqual(6);
    expect(valueAxis([0, 0], { unit: '', target: 0, amber: 1 })).toEqual({ domain: [0, 2], ticks: [0, 1, 2], integer: true });
    expect(valueAxis([0], { unit: '', target: 0, amber: 0 })).toEqual({ domain: [0, 1], ticks: [0, 1], integer: true });
  });

  it('keeps fractional values on a decimal axis', () => {
    const a = valueAxis([0.5, 0.8], { unit: 'days', target: 1, amber: 2 });
    expect(a.integer).toBe(false);
    expect(a.ticks).toContain(0.5);
    expect(a.domain[0]).toBeLessThanOrEqual(0.5);
    expect(a.domain[1]).toBeGreaterThanOrEqual(2);
  });

  it('has increasing ticks that span the domain', () => {
    for (const vs of [[1], [-5, 5], [1234, 5678], [99.4, 99.95]]) {
      const a = valueAxis(vs, { unit: 'x', target: vs[0]!, amber: vs[0]! });
      expect(a.ticks[0]).toBe(a.domain[0]);
      expect(a.ticks[a.ticks.length - 1]).toBe(a.domain[1]);
      for (let i = 1; i < a.ticks.length; i++) expect(a.ticks[i]!).toBeGreaterThan(a.ticks[i - 1]!);
      expect(a.ticks.length).toBeLessThanOrEqual(7);
    }
  });
});

describe('the time axis', () => {
  it('turns dates into days and back', () => {
    expect(dateOf(dayOf('2026-03-10'))).toBe('2026-03-10');
    expect(dayOf('10/03/2026')).toBeNaN();
  });

  it('pads the range, a fortnight around a single date', () => {
    const d = dayOf('2026-03-10');
    expect(timeDomain([d]).map(dateOf)).toEqual(['2026-02-24', '2026-03-24']);
    const [lo, hi] = timeDomain([dayOf('2026-01-01'), dayOf('2026-12-31')]);
    expect(lo).toBeLessThan(dayOf('2026-01-01'));
    expect(hi).toBeGreaterThan(dayOf('2026-12-31'));
  });

  it('labels at most six dates, the first and the last among them', () => {
    const dates = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-05`);
    const t = dateTicks([...dates].reverse());
    expect(t.length).toBe(6);
    expect(t[0]).toBe('2026-01-05');
    expect(t[t.length - 1]).toBe('2026-12-05');
    expect(dateTicks(['2026-02-05', '2026-01-05', '2026-02-05'])).toEqual(['2026-01-05', '2026-02-05']);
  });
});
