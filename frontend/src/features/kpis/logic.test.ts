import { describe, expect, it } from 'vitest';
import { addMonths, domain, formatValue, improving, isDue, nextDue, rag, targetText, trend } from './logic';

const higher = { direction: 'higher_is_better', target: 95, amber: 85 };
const lower = { direction: 'lower_is_better', target: 5, amber: 10 };

describe('rag mirrors isms.RAG', () => {
  it.each([
    [higher, 95, 'green'], [higher, 99, 'green'], [higher, 85, 'amber'], [higher, 90, 'amber'], [higher, 84.9, 'red'],
    [lower, 5, 'green'], [lower, 1, 'green'], [lower, 10, 'amber'], [lower, 7, 'amber'], [lower, 10.1, 'red'],
  ])('%o with %d is %s', (k, v, want) => {
    expect(rag(k, v)).toBe(want);
  });
});

describe('trend mirrors isms.Trend', () => {
  it('compares the latest value with the previous one', () => {
    expect(trend(80, 90)).toBe('up');
    expect(trend(90, 80)).toBe('down');
    expect(trend(0.5, 0.5)).toBe('flat');
    expect(trend(0.1 + 0.2, 0.3)).toBe('flat');
    expect(trend(undefined, 3)).toBe('');
    expect(trend(3, null)).toBe('');
  });
  it('reads as good or bad news by direction', () => {
    expect(improving('higher_is_better', 'up')).toBe(true);
    expect(improving('higher_is_better', 'down')).toBe(false);
    expect(improving('lower_is_better', 'down')).toBe(true);
    expect(improving('lower_is_better', 'up')).toBe(false);
    expect(improving('lower_is_better', 'flat')).toBeNull();
    expect(improving('higher_is_better', '')).toBeNull();
  });
});

describe('due dates mirror isms.KPI.NextDue and Due', () => {
  const kpi = (frequency: string, active = true) => ({ frequency, active, createdAt: '2026-03-10T09:30:00Z' });

  it('adds months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('not a date', 1)).toBe('');
  });

  it.each([
    ['weekly', '2026-03-03', '2026-03-10'],
    ['weekly', '2026-12-28', '2027-01-04'],
    ['monthly', '2026-02-05', '2026-03-05'],
    ['monthly', '2026-01-31', '2026-02-28'],
    ['quarterly', '2026-03-01', '2026-06-01'],
    ['half_yearly', '2026-03-01', '2026-09-01'],
    ['yearly', '2025-03-10', '2026-03-10'],
  ])('%s after %s is due on %s', (freq, last, want) => {
    expect(nextDue(kpi(freq), last)).toBe(want);
  });

  it('counts from the creation day when the KPI was never measured', () => {
    expect(nextDue(kpi('monthly'), '')).toBe('2026-04-10');
    expect(nextDue({ ...kpi('monthly'), createdAt: '0001-01-01T00:00:00Z' }, '')).toBe('');
  });

  it('is never due when inactive or without a frequency', () => {
    expect(nextDue(kpi('monthly', false), '2025-01-01')).toBe('');
    expect(isDue(kpi('monthly', false), '2025-01-01', '2026-03-10')).toBe(false);
    expect(nextDue(kpi(''), '2025-01-01')).toBe('');
  });

  it('is due on its due date and after it, not before', () => {
    expect(isDue(kpi('weekly'), '2026-03-03', '2026-03-09')).toBe(false);
    expect(isDue(kpi('weekly'), '2026-03-03', '2026-03-10')).toBe(true);
    expect(isDue(kpi('weekly'), '2026-03-03', '2026-04-01')).toBe(true);
  });
});

describe('display helpers', () => {
  it('shows values and targets with units', () => {
    expect(formatValue(92, '%')).toBe('92 %');
    expect(formatValue(3.14159, 'days')).toBe('3.142 days');
    expect(formatValue(12, '')).toBe('12');
    expect(targetText({ direction: 'lower_is_better', target: 5, unit: 'days' })).toBe('≤ 5 days');
    expect(targetText({ direction: 'higher_is_better', target: 95, unit: '%' })).toBe('≥ 95 %');
  });

  it('gives the chart a range that holds every value', () => {
    const [lo, hi] = domain([80, 90, 95, 85]);
    expect(lo).toBeLessThan(80);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeGreaterThan(95);
    expect(domain([])).toEqual([0, 1]);
    const [a, b] = domain([5, 5]);
    expect(a).toBeLessThan(5);
    expect(b).toBeGreaterThan(5);
    expect(domain([0, 100])[0]).toBe(0);
    expect(domain([-3, 2])[0]).toBeLessThan(-3);
  });
});
