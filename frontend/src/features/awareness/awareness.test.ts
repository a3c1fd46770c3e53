import { describe, expect, it } from 'vitest';
import { overrun, period, totalReach } from './awareness';

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

describe('totalReach', () => {
  it('adds the known reach only', () => {
    expect(totalReach([{ reach: 40 }, { reach: 0 }, { reach: 12 }])).toBe(52);
    expect(totalReach([])).toBe(0);
  });
});
