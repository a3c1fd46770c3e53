import { describe, expect, it } from 'vitest';
import { createPath } from './Desktop';

describe('createPath', () => {
  it('opens the current register with its create form', () => {
    expect(createPath('/records/risks')).toBe('/records/risks?new=1');
    expect(createPath('/records/risks/abc')).toBe('/records/risks?new=1');
    expect(createPath('/requirements/123')).toBe('/requirements?new=1');
    expect(createPath('/requirements/gap')).toBeNull();
    expect(createPath('/')).toBeNull();
  });
});
