import { describe, expect, it } from 'vitest';
import { bulkOutcome, bulkTitle, changeOf, headerState, keepExisting, toggleOne, toggleShown } from './selection';

describe('selection', () => {
  it('toggles one ID without changing the set it was given', () => {
    const s = new Set(['a']);
    expect([...toggleOne(s, 'b')]).toEqual(['a', 'b']);
    expect([...toggleOne(s, 'a')]).toEqual([]);
    expect([...s]).toEqual(['a']);
  });
  it('tells none, some or all of the shown rows', () => {
    expect(headerState(new Set(), ['a', 'b'])).toBe('none');
    expect(headerState(new Set(['a', 'z']), ['a', 'b'])).toBe('some');
    expect(headerState(new Set(['a', 'b']), ['a', 'b'])).toBe('all');
    expect(headerState(new Set(['a']), [])).toBe('none');
  });
  it('selects the shown rows, or unselects them when all are selected, keeping hidden ones', () => {
    expect([...toggleShown(new Set(['z', 'a']), ['a', 'b'])].sort()).toEqual(['a', 'b', 'z']);
    expect([...toggleShown(new Set(['z', 'a', 'b']), ['a', 'b'])]).toEqual(['z']);
  });
  it('drops requirements that no longer exist', () => {
    const s = new Set(['a', 'b']);
    expect(keepExisting(s, ['a', 'b', 'c'])).toBe(s);
    expect([...keepExisting(s, ['b'])]).toEqual(['b']);
  });
});

describe('bulk change', () => {
  it('sets only the chosen field', () => {
    expect(changeOf('status', 'compliant')).toMatchObject({ setStatus: true, status: 'compliant', setOwner: false, setSourceType: false, setSource: false });
    expect(changeOf('owner', '')).toMatchObject({ setOwner: true, ownerId: '', setStatus: false });
    expect(changeOf('sourceType', 'legal')).toMatchObject({ setSourceType: true, sourceType: 'legal' });
    expect(changeOf('source', '  GDPR ')).toMatchObject({ setSource: true, source: 'GDPR' });
  });
  it('puts the outcome in words', () => {
    expect(bulkOutcome('status', 3, 3)).toBe('3 requirements updated.');
    expect(bulkOutcome('owner', 2, 3)).toBe('2 requirements updated; 1 already had this owner.');
    expect(bulkOutcome('sourceType', 0, 4)).toBe('All 4 requirements already had this source type.');
    expect(bulkOutcome('status', 0, 1)).toBe('The requirement already had this status.');
    expect(bulkOutcome('status', 1, 1)).toBe('1 requirement updated.');
    expect(bulkTitle('sourceType', 1)).toBe('Set the source type of 1 requirement');
  });
});
