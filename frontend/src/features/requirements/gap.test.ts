import { describe, expect, it } from 'vitest';
import type { GapItem } from '../../lib/api/requirements';
import { controlRefs, coverageColour, emptyGapFilter, evidenceCount, filterGap, sortGap } from './gap';

function item(p: Partial<GapItem>): GapItem {
  return {
    id: p.ref ?? 'x', ref: '', title: '', sourceType: 'legal', status: 'not_assessed', ownerId: '', applicable: true,
    coverage: 'gap', reason: '', controls: [], implemented: 0, policies: 0, evidence: 0, evidenceNoted: false, ...p,
  };
}

const control = (ref: string, implemented: boolean) => ({ id: ref, ref, title: '', status: implemented ? 'implemented' : 'planned', implemented, evidence: 0 });

const items = [
  item({ ref: 'REQ-10', title: 'Encrypt laptops', coverage: 'covered', sourceType: 'contractual', evidence: 3,
    controls: [control('A.8.24', true)], reason: 'Its control is implemented; 3 evidence records' }),
  item({ ref: 'REQ-2', title: 'Security of processing', coverage: 'partial', evidenceNoted: true,
    controls: [control('A.5.1', true), control('A.8.13', false)], reason: '1 of 2 controls implemented; evidence noted' }),
  item({ ref: 'REQ-1', title: 'Breach notification', coverage: 'gap', reason: 'No control, policy or evidence' }),
];
const refs = (l: readonly GapItem[]) => l.map((i) => i.ref);

describe('filterGap', () => {
  it('keeps everything with an empty filter', () => {
    expect(filterGap(items, emptyGapFilter)).toBe(items);
  });
  it('filters by coverage and source type', () => {
    expect(refs(filterGap(items, { ...emptyGapFilter, coverage: 'partial' }))).toEqual(['REQ-2']);
    expect(refs(filterGap(items, { ...emptyGapFilter, sourceType: 'legal' }))).toEqual(['REQ-2', 'REQ-1']);
    expect(refs(filterGap(items, { ...emptyGapFilter, sourceType: 'legal', coverage: 'covered' }))).toEqual([]);
  });
  it('searches reference, title, reason and control references', () => {
    expect(refs(filterGap(items, { ...emptyGapFilter, search: 'a.8.13' }))).toEqual(['REQ-2']);
    expect(refs(filterGap(items, { ...emptyGapFilter, search: 'policy or' }))).toEqual(['REQ-1']);
    expect(refs(filterGap(items, { ...emptyGapFilter, search: 'laptops req-10' }))).toEqual(['REQ-10']);
  });
});

describe('sortGap', () => {
  it('sorts coverage worst first', () => {
    expect(refs(sortGap(items, { id: 'coverage', desc: false }))).toEqual(['REQ-1', 'REQ-2', 'REQ-10']);
    expect(refs(sortGap(items, { id: 'coverage', desc: true }))).toEqual(['REQ-10', 'REQ-2', 'REQ-1']);
  });
  it('sorts references naturally and evidence by number', () => {
    expect(refs(sortGap(items, { id: 'ref', desc: false }))).toEqual(['REQ-1', 'REQ-2', 'REQ-10']);
    expect(refs(sortGap(items, { id: 'evidence', desc: true }))).toEqual(['REQ-10', 'REQ-2', 'REQ-1']);
  });
  it('sorts source types by label', () => {
    const label = (_k: string, v: string) => (v === 'legal' ? 'Z legal' : 'A contract');
    expect(refs(sortGap(items, { id: 'sourceType', desc: false }, label))).toEqual(['REQ-10', 'REQ-2', 'REQ-1']);
  });
  it('copies without a sort', () => {
    const out = sortGap(items, null);
    expect(out).not.toBe(items);
    expect(out).toEqual(items);
  });
});

describe('helpers', () => {
  it('lists controls by reference', () => {
    expect(controlRefs(items[1]!)).toBe('A.5.1, A.8.13');
    expect(controlRefs(item({ controls: null as unknown as [] }))).toBe('');
  });
  it('counts evidence text as one piece', () => {
    expect(items.map(evidenceCount)).toEqual([3, 1, 0]);
  });
  it('colours coverage', () => {
    expect(['covered', 'partial', 'gap', ''].map(coverageColour)).toEqual(['green', 'yellow', 'red', 'gray']);
  });
});
