import { describe, expect, it } from 'vitest';
import { destinations, screenName } from './screens';

describe('screenName', () => {
  it('names fixed screens, registers and records', () => {
    expect(screenName('/')).toBe('Dashboard');
    expect(screenName('/requirements/gap')).toBe('Gap analysis');
    expect(screenName('/records/risks')).toBe('Risks');
    expect(screenName('/records/kpis/abc')).toBe('KPIs › record');
    expect(screenName('/records/nothing')).toBe('');
  });
});

describe('destinations', () => {
  it('offers every register once, with a create form', () => {
    const d = destinations();
    const ids = d.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(d.find((x) => x.path === '/records/policies')?.creates).toBe('policies');
    expect(d.find((x) => x.path === '/reports')?.creates).toBeUndefined();
  });
});
