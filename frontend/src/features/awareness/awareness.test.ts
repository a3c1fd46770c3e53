import { describe, expect, it } from 'vitest';
import { overrun, period, policyAcknowledgements, reachLabel, reachShare } from './awareness';

describe('period', () => {
  it('shows the dates a campaign runs', () => {
    expect(period('2026-03-01', '2026-03-31')).toBe('2026-03-01 to 2026-03-31');
    expect(period('2026-03-01', '2026-03-01')).toBe('2026-03-01');
    expect(period('2026-03-01', '')).toBe('from 2026-03-01');
    expect(period('', '2026-03-31')).toBe('until 2026-03-31');
    expect(period('', '')).toBe('');
  });
});

describe('overrun', () => {
  it('flags planned or active campaigns past their last day', () => {
    expect(overrun({ endDate: '2026-03-01', status: 'active' }, '2026-03-02')).toBe(true);
    expect(overrun({ endDate: '2026-03-01', status: 'planned' }, '2026-03-02')).toBe(true);
    expect(overrun({ endDate: '2026-03-01', status: 'completed' }, '2026-03-02')).toBe(false);
    expect(overrun({ endDate: '2026-03-02', status: 'active' }, '2026-03-02')).toBe(false);
    expect(overrun({ endDate: '', status: 'active' }, '2026-03-02')).toBe(false);
  });
});

describe('reachLabel', () => {
  it('shows distinct people of the audience', () => {
    expect(reachLabel(12, 15)).toBe('12 of 15 (80 %)');
    expect(reachLabel(11, 12)).toBe('11 of 12 (92 %)');
    expect(reachLabel(40, 0)).toBe('40');
    expect(reachLabel(0, 15)).toBe('');
    expect(reachShare(12, 15)).toBe(80);
    expect(reachShare(0, 15)).toBe(-1);
  });
});

describe('policyAcknowledgements', () => {
  const people = [
    { id: 'p1', name: 'zoe', active: true },
    { id: 'p2', name: 'Adam', active: true },
    { id: 'p3', name: 'Lee', active: false },
  ];
  const version = (number: string, status: string, acks: string[]) => ({
    number, status, publishedOn: '2026-01-10', acknowledgements: acks.map((personId) => ({ personId, on: '2026-01-12' })),
  });

  it('counts the active people who acknowledged the version in force and names the others', () => {
    const rows = policyAcknowledgements(
      [
        { id: 'b', ref: 'POL-10', title: 'Access', versions: [version('1.0', 'published', ['p1', 'p3']), version('1.1', 'draft', [])] },
        { id: 'a', ref: 'POL-2', title: 'Security', versions: [version('1.0', 'retired', ['p1', 'p2']), version('2.0', 'published', [])] },
        { id: 'c', ref: 'POL-3', title: 'Draft only', versions: [version('0.1', 'draft', [])] },
      ],
      people,
    );
    expect(rows.map((r) => [r.ref, r.version, r.done, r.of, r.missing.map((m) => m.name)])).toEqual([
      ['POL-2', '2.0', 0, 2, ['Adam', 'zoe']],
      ['POL-10', '1.0', 1, 2, ['Adam']],
    ]);
  });
});
