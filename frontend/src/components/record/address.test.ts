import { describe, expect, it } from 'vitest';
import { filterKey, viewFromAddress } from './address';

const filters = [{ label: 'Status' }, { label: 'Measured from' }, { label: 'RAG' }];

describe('viewFromAddress', () => {
  it('reads the filters a link names, by label, and the search words', () => {
    expect(filterKey('Measured from')).toBe('measured-from');
    const v = viewFromAddress('?status=accepted&measured-from=manual&q=backup&new=1', filters);
    expect(v?.filters).toEqual({ Status: 'accepted', 'Measured from': 'manual' });
    expect(v?.search).toBe('backup');
    expect(v?.keys).toEqual(['status', 'measured-from', 'q']);
  });

  it('accepts ?filter=label:value and ignores filters the register does not have', () => {
    const v = viewFromAddress('filter=RAG:red&owner=x', filters);
    expect(v?.filters).toEqual({ RAG: 'red' });
    expect(v?.keys).toEqual(['filter']);
  });

  it('selects records by ID with a label, counting them when no label is given', () => {
    expect(viewFromAddress('ids=a,b', filters)).toMatchObject({ ids: ['a', 'b'], label: '2 records selected', filters: {} });
    expect(viewFromAddress('ids=a&label=Overdue%20milestones', filters)?.label).toBe('Overdue milestones');
  });

  it('leaves the kept view alone when the address names nothing it knows', () => {
    expect(viewFromAddress('', filters)).toBeNull();
    expect(viewFromAddress('?new=1&owner=x', filters)).toBeNull();
  });
});
