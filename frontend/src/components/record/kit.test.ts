import { describe, expect, it } from 'vitest';
import { fieldMessage, schemaOf, valuesOf } from './RecordForm';
import { countOf } from './RegisterPage';
import type { FieldSpec } from './kit';
import { smartChecks } from '../../features/objectives/config';
import { level } from '../../features/risks/config';
import { sideBySide } from '../../features/policies/VersionDiff';
import { actionsFor } from '../../features/policies/PolicyPanels';
import { overdue } from '../../features/timeline/config';
import { outgoing } from '../../lib/api/plan';
import { rescale, resize } from '../../features/organisation/OrganisationPage';

interface Rec { title: string; count: number; done: boolean; due: string; ids: string[]; tasks: unknown[]; hidden: string }
const fields: FieldSpec<Rec>[] = [
  { name: 'title', label: 'Title', type: 'text' },
  { name: 'count', label: 'Count', type: 'number' },
  { name: 'done', label: 'Done', type: 'bool' },
  { name: 'due', label: 'Due', type: 'date' },
  { name: 'ids', label: 'Controls', type: 'records', kind: 'control' },
  { name: 'tasks', label: 'Tasks', type: 'list' },
  { name: 'hidden', label: 'Hidden', type: 'text', form: false },
];

describe('the form made from a field list', () => {
  it('takes the values of the form fields only, with blanks for missing ones', () => {
    expect(valuesOf(fields, { title: 'T', count: 3 } as unknown as Rec)).toEqual({ title: 'T', count: 3, done: false, due: '', ids: [], tasks: [] });
  });
  it('checks shapes and dates, and leaves the rules to Go', () => {
    const schema = schemaOf(fields);
    expect(schema.safeParse({ title: '', count: 0, done: false, due: '', ids: [], tasks: [] }).success).toBe(true);
    const bad = schema.safeParse({ title: '', count: 0, done: false, due: '31/12/2026', ids: [], tasks: [] });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('YYYY-MM-DD');
  });
  it('reads Go field messages as sentences', () => {
    expect(fieldMessage('Title', 'is required')).toBe('Title is required');
    expect(fieldMessage('Reasons', 'choose at least one reason')).toBe('Choose at least one reason');
    expect(fieldMessage('Title', '')).toBe('Title is not valid');
  });
  it('counts in words', () => {
    expect(countOf(1, 'risk')).toBe('1 risk');
    expect(countOf(2, 'interested party')).toBe('2 interested parties');
    expect(countOf(3, 'policy')).toBe('3 policies');
    expect(countOf(3, 'person')).toBe('3 people');
  });
  it('sends Go a zero time for a new record', () => {
    expect(outgoing({ id: '', createdAt: '', updatedAt: '' })).toEqual({ id: '', createdAt: '0001-01-01T00:00:00Z', updatedAt: '0001-01-01T00:00:00Z' });
  });
});

describe('the rules the screens mirror', () => {
  it('SMART check', () => {
    const o = { statement: 'x', measure: '', kpiIds: ['k'], target: 95, unit: '%', ownerId: 'p', dueDate: '2027-01-01', businessGoal: 'g' };
    expect(smartChecks(o).every((c) => c.ok)).toBe(true);
    expect(smartChecks({ ...o, unit: '' }).find((c) => !c.ok)?.label).toBe('Target and unit');
  });
  it('risk levels on 5x5 and 3x3 scales (as isms.RiskMethod.Level)', () => {
    const five = { likelihood: ['1', '2', '3', '4', '5'], impact: ['1', '2', '3', '4', '5'], threshold: 4 };
    expect([4, 5, 9, 10, 16, 17].map((s) => level(five, s))).toEqual(['low', 'medium', 'medium', 'high', 'high', 'critical']);
    const three = { likelihood: ['a', 'b', 'c'], impact: ['a', 'b', 'c'], threshold: 3 };
    expect([0, 1, 2, 4, 6, 9].map((s) => level(three, s))).toEqual(['', 'low', 'medium', 'high', 'critical', 'critical']);
  });
  it('policy actions follow the workflow', () => {
    expect(actionsFor('draft')).toEqual(['edit', 'submit']);
    expect(actionsFor('in_review')).toContain('approve');
    expect(actionsFor('approved')).not.toContain('edit');
    expect(actionsFor('published')).toEqual(['newVersion', 'retire']);
  });
  it('a milestone is overdue only when past its date and not done', () => {
    expect(overdue({ status: 'planned', dueDate: '2026-01-01' }, '2026-06-01')).toBe(true);
    expect(overdue({ status: 'done', dueDate: '2026-01-01' }, '2026-06-01')).toBe(false);
    expect(overdue({ status: 'planned', dueDate: '2026-07-01' }, '2026-06-01')).toBe(false);
  });
  it('two versions side by side', () => {
    const rows = sideBySide('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'same', 'added']);
    expect(rows[1]).toEqual({ left: 'b', right: 'B', kind: 'changed' });
  });
});

describe('the risk method editor', () => {
  it('offers the usual labels when a usual scale changes size, and keeps the officer\'s own', () => {
    expect(resize('likelihood', ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'], 3)).toEqual(['Unlikely', 'Possible', 'Likely']);
    expect(resize('impact', ['Low', 'Medium', 'High'], 4)).toEqual(['Low', 'Medium', 'High', '']);
  });
  it('keeps the threshold at the same share of the highest score', () => {
    expect(rescale(4, 25, 9)).toBe(1);
    expect(rescale(9, 25, 9)).toBe(3);
    expect(rescale(3, 9, 25)).toBe(8);
  });
});
