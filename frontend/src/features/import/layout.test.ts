import { describe, expect, it } from 'vitest';
import type { ImportField } from '../../lib/api';
import { buildRequest, initialState, mergedText, mergeOptions, mergeValue, sheetsText } from './wizard';

const field = (name: string, label: string, extra: Partial<ImportField> = {}): ImportField =>
  ({ name, label, required: false, type: 'text', ...extra }) as ImportField;

describe('records over several rows and sheets', () => {
  it('sends the merge choice, an emptied fill-down list and the sheets offer', () => {
    const base = { ...initialState, kind: 'requirements', file: '/tmp/a.xlsx' };
    expect(buildRequest(base)).toMatchObject({ mergeBy: '', noFillDown: false, allSheets: false });
    expect(buildRequest({ ...base, fillDown: [], mergeBy: 'none', allSheets: true })).toMatchObject({ mergeBy: 'none', noFillDown: true, allSheets: true });
    expect(buildRequest({ ...base, fillDown: ['A'] })).toMatchObject({ fillDown: ['A'], noFillDown: false });
  });

  it('offers to merge by the mapped fields that identify a record, and shows the proposal', () => {
    const fields = [field('ref', 'Reference', { key: true, required: true }), field('title', 'Title', { required: true }), field('notes', 'Notes')];
    const opts = mergeOptions(fields, { ref: 'A', notes: 'C' });
    expect(opts.map((o) => o.value)).toEqual(['none', 'ref']);
    expect(opts[1].label).toBe('Rows with the same reference are one record');
    expect(mergeValue({ mergeBy: '' }, { mapping: { mergeBy: 'ref' } })).toBe('ref');
    expect(mergeValue({ mergeBy: '' }, { mapping: {} })).toBe('none');
    expect(mergeValue({ mergeBy: 'none' }, { mapping: { mergeBy: 'ref' } })).toBe('none');
  });

  it('says what was merged and which sheets share the layout', () => {
    expect(mergedText(1, 1)).toBe('1 row continues the record above it and is joined into it.');
    expect(mergedText(9, 9)).toBe('9 rows continue 9 records above them and are joined into them.');
    expect(sheetsText(['DORA'])).toBe('Also import “DORA”: it has the same columns (one import, all or nothing)');
    expect(sheetsText(['tactics', 'software', 'groups'])).toContain('“tactics”, “software” and “groups”: they have');
  });
});
