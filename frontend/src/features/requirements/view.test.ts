import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../lib/api';
import { emptyFilter, filterRequirements, requirementView, sortRequirements } from './view';

function req(p: Partial<Requirement>): Requirement {
  return {
    id: p.ref ?? 'x', version: 1, createdAt: '', updatedAt: '2025-01-01T00:00:00Z', ref: '', title: '', text: '',
    sourceType: 'legal', source: '', ownerId: '', applicable: true, status: 'not_assessed', evidence: '',
    dueDate: '', notes: '', controlIds: [], policyIds: [], ...p,
  };
}

const rows = [
  req({ ref: 'REQ-10', title: 'Encrypt laptops', text: 'Full disk encryption', source: 'Customer contract', sourceType: 'contractual', status: 'compliant', ownerId: 'p2', dueDate: '2025-06-01' }),
  req({ ref: 'REQ-2', title: 'Security of processing', text: 'Appropriate technical measures', source: 'GDPR', sourceType: 'legal', status: 'partial', ownerId: 'p1' }),
  req({ ref: 'REQ-1', title: 'Breach notification', text: 'Notify within 72 hours', source: 'GDPR', sourceType: 'legal', status: 'non_compliant', dueDate: '2025-02-01' }),
];
const names: Record<string, string> = { p1: 'Zoe', p2: 'Adam' };
const owner = (id: string) => names[id] ?? '';
const refs = (rs: readonly Requirement[]) => rs.map((r) => r.ref);

describe('filterRequirements', () => {
  it('keeps everything with an empty filter', () => {
    expect(filterRequirements(rows, emptyFilter)).toHaveLength(3);
  });
  it('filters by status', () => {
    expect(refs(filterRequirements(rows, { ...emptyFilter, status: 'partial' }))).toEqual(['REQ-2']);
  });
  it('filters by source type', () => {
    expect(refs(filterRequirements(rows, { ...emptyFilter, sourceType: 'legal' }))).toEqual(['REQ-2', 'REQ-1']);
  });
  it('searches ref, title, text and source, case-insensitively, all words', () => {
    expect(refs(filterRequirements(rows, { ...emptyFilter, search: 'gdpr' }))).toEqual(['REQ-2', 'REQ-1']);
    expect(refs(filterRequirements(rows, { ...emptyFilter, search: '72 HOURS' }))).toEqual(['REQ-1']);
    expect(refs(filterRequirements(rows, { ...emptyFilter, search: 'req-10' }))).toEqual(['REQ-10']);
    expect(refs(filterRequirements(rows, { ...emptyFilter, search: 'laptops contract' }))).toEqual(['REQ-10']);
    expect(refs(filterRequirements(rows, { ...emptyFilter, search: 'gdpr laptops' }))).toEqual([]);
  });
  it('does not search owners or notes', () => {
    expect(filterRequirements([req({ ref: 'A', notes: 'secret' })], { ...emptyFilter, search: 'secret' })).toEqual([]);
  });
  it('combines filters', () => {
    expect(refs(filterRequirements(rows, { search: 'gdpr', status: 'non_compliant', sourceType: 'legal' }))).toEqual(['REQ-1']);
  });
});

describe('sortRequirements', () => {
  it('sorts references naturally', () => {
    expect(refs(sortRequirements(rows, { id: 'ref', desc: false }))).toEqual(['REQ-1', 'REQ-2', 'REQ-10']);
    expect(refs(sortRequirements(rows, { id: 'ref', desc: true }))).toEqual(['REQ-10', 'REQ-2', 'REQ-1']);
  });
  it('sorts owners by name with blanks last', () => {
    expect(refs(sortRequirements(rows, { id: 'owner', desc: false }, owner))).toEqual(['REQ-10', 'REQ-2', 'REQ-1']);
    expect(refs(sortRequirements(rows, { id: 'owner', desc: true }, owner))).toEqual(['REQ-2', 'REQ-10', 'REQ-1']);
  });
  it('sorts due dates with blanks last in both directions', () => {
    expect(refs(sortRequirements(rows, { id: 'dueDate', desc: false }))).toEqual(['REQ-1', 'REQ-10', 'REQ-2']);
    expect(refs(sortRequirements(rows, { id: 'dueDate', desc: true }))).toEqual(['REQ-10', 'REQ-1', 'REQ-2']);
  });
  it('sorts status by label', () => {
    const label = (_k: 'status' | 'sourceType', v: string) => ({ compliant: 'Compliant', partial: 'Partially compliant', non_compliant: 'Non-compliant' })[v] ?? v;
    expect(refs(sortRequirements(rows, { id: 'status', desc: false }, owner, label))).toEqual(['REQ-10', 'REQ-1', 'REQ-2']);
  });
  it('keeps the order without a sort and does not mutate its input', () => {
    const copy = [...rows];
    expect(refs(sortRequirements(rows, null))).toEqual(['REQ-10', 'REQ-2', 'REQ-1']);
    sortRequirements(rows, { id: 'title', desc: false });
    expect(rows).toEqual(copy);
  });
});

describe('requirementView', () => {
  it('filters then sorts', () => {
    expect(refs(requirementView(rows, { ...emptyFilter, search: 'gdpr' }, { id: 'ref', desc: false }))).toEqual(['REQ-1', 'REQ-2']);
  });
  it('handles 20,000 rows quickly', () => {
    const many = Array.from({ length: 20000 }, (_, i) => req({ ref: `REQ-${i}`, title: `Requirement ${i}`, text: 'lorem ipsum '.repeat(10) }));
    const t = performance.now();
    const out = requirementView(many, { ...emptyFilter, search: 'requirement 1999' }, { id: 'ref', desc: true });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(out).toHaveLength(12); // 1999, 11999 and 19990-19999
    expect(refs(out).slice(0, 2)).toEqual(['REQ-19999', 'REQ-19998']);
  });
});

describe('sorting once, then filtering', () => {
  it('gives what filtering then sorting gives', () => {
    const sort = { id: 'owner' as const, desc: false };
    for (const f of [emptyFilter, { ...emptyFilter, search: 'gdpr' }, { ...emptyFilter, status: 'compliant' }]) {
      expect(refs(filterRequirements(sortRequirements(rows, sort, owner), f))).toEqual(refs(requirementView(rows, f, sort, owner)));
    }
  });
});
