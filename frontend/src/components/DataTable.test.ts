import { describe, expect, it } from 'vitest';
import { minTableWidth } from './DataTable';

describe('minTableWidth', () => {
  it('adds the smallest width of every column, the gaps and the padding', () => {
    expect(minTableWidth(['minmax(120px, 1fr)', '90px', '1fr'])).toBe(120 + 90 + 80 + 2 * 10 + 24);
    expect(minTableWidth([])).toBe(24);
  });
});
