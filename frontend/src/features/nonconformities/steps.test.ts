import { describe, expect, it } from 'vitest';
import type { Nonconformity } from '../../lib/api';
import { unsaved } from '../../components/record/kit';
import { actionOverdue, ageInDays, ageText, missingToLeave, ncOverdue, nextStage, overdueParts, reached, sentence, stepsOf } from './steps';
import { sourceOf } from './actionConfig';
import { improvementOverdue } from '../improvements/config';

const nc = (over: Partial<Nonconformity> = {}): Nonconformity => ({
  ...unsaved, ref: 'NC-1', title: 'No access review', description: '', source: 'audit', findingId: '', reviewId: '', feedbackId: '',
  detectedOn: '2026-01-10', ownerId: 'p1', status: 'open', correction: '', correctionOn: '', rootCause: '', similarCheck: '',
  correctiveActionIds: [], effectiveness: { reviewedOn: '', verdict: '', reviewerId: '', comment: '' }, closedOn: '', dueDate: '',
  ...over,
});

describe('the 10.2 step mirror', () => {
  it('orders the stages', () => {
    expect(nextStage('open')).toBe('correction');
    expect(nextStage('effectiveness_review')).toBe('closed');
    expect(nextStage('closed')).toBeNull();
    expect(reached('root_cause', 'correction')).toBe(true);
    expect(reached('correction', 'root_cause')).toBe(false);
    expect(reached('unknown', 'open')).toBe(false);
  });

  it('names what each step still needs, as StepMissing and CheckActions do', () => {
    expect(missingToLeave(nc({ ownerId: '' }), 'open', [])).toEqual(['an owner']);
    expect(missingToLeave(nc(), 'open', [])).toEqual([]);
    expect(missingToLeave(nc({ correction: '  ' }), 'correction', [])).toEqual(['the correction', 'the correction date']);
    expect(missingToLeave(nc({ rootCause: 'x' }), 'root_cause', [])).toEqual(['the check for similar cases']);
    expect(missingToLeave(nc(), 'corrective_action', [])).toEqual(['at least one corrective action']);
    const actions = [{ ref: 'ACT-1', status: 'done' }, { ref: 'ACT-2', status: 'in_progress' }, { ref: 'ACT-3', status: 'open' }, { ref: 'ACT-4', status: 'cancelled' }];
    expect(missingToLeave(nc({ correctiveActionIds: ['a', 'b', 'c', 'd'] }), 'corrective_action', actions)).toEqual(['ACT-2, ACT-3 done or cancelled']);
    const reviewed = nc({ effectiveness: { reviewedOn: '2026-03-01', reviewerId: 'p2', verdict: 'not_effective', comment: '' } });
    expect(missingToLeave(reviewed, 'effectiveness_review', [])).toEqual(['an effective verdict (step back to corrective action)']);
    expect(missingToLeave(nc(), 'effectiveness_review', [])).toEqual(['the review date', 'the reviewer', 'the verdict “effective”']);
    expect(missingToLeave(nc({ effectiveness: { ...reviewed.effectiveness, verdict: 'effective' } }), 'effectiveness_review', [])).toEqual([]);
  });

  it('lays out the steps around the current one', () => {
    const steps = stepsOf(nc({ status: 'root_cause', correction: 'done', correctionOn: '2026-01-11' }), []);
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'ahead', 'ahead', 'ahead']);
    expect(steps[2].missing).toEqual(['the root cause', 'the check for similar cases']);
    expect(steps[0].missing).toEqual([]);
  });

  it('counts age and overdue', () => {
    expect(ageInDays(nc(), '2026-01-20')).toBe(10);
    expect(ageInDays(nc({ status: 'closed', closedOn: '2026-01-15' }), '2026-03-01')).toBe(5);
    expect(ageInDays(nc({ detectedOn: '' }), '2026-01-20')).toBeNull();
    expect(ncOverdue(nc({ dueDate: '2026-01-19' }), '2026-01-20')).toBe(true);
    expect(ncOverdue(nc({ dueDate: '2026-01-19', status: 'closed' }), '2026-01-20')).toBe(false);
    expect(actionOverdue({ status: 'open', dueDate: '2026-01-19' }, '2026-01-20')).toBe(true);
    expect(actionOverdue({ status: 'cancelled', dueDate: '2026-01-19' }, '2026-01-20')).toBe(false);
    expect(actionOverdue({ status: 'open', dueDate: '' }, '2026-01-20')).toBe(false);
    expect(improvementOverdue({ status: 'in_progress', dueDate: '2026-01-19' }, '2026-01-20')).toBe(true);
    expect(improvementOverdue({ status: 'rejected', dueDate: '2026-01-19' }, '2026-01-20')).toBe(false);
  });

  it('words lists and sources', () => {
    expect(sentence(['a'])).toBe('a');
    expect(sentence(['a', 'b', 'c'])).toBe('a, b and c');
    const l = { record: (id: string) => (id === 'n1' ? 'NC-1 Late review' : 'MR-2026') };
    expect(sourceOf({ reviewId: '', nonconformityId: 'n1' }, l)).toBe('Nonconformity NC-1 Late review');
    expect(sourceOf({ reviewId: 'r1', nonconformityId: '' }, l)).toBe('Review MR-2026');
    expect(sourceOf({ reviewId: '', nonconformityId: '' }, l)).toBe('');
  });
});

describe('the ageing from Go in words', () => {
  it('names the overdue step and actions', () => {
    expect(overdueParts(undefined)).toEqual([]);
    expect(overdueParts({ id: 'n', daysOpen: 3, stepOverdue: '', daysOverdue: 0, overdueActions: [] })).toEqual([]);
    expect(overdueParts({ id: 'n', daysOpen: 40, stepOverdue: 'Correction', daysOverdue: 1, overdueActions: ['ACT-1'] })).toEqual(['Correction 1 day late', 'ACT-1 late']);
    expect(overdueParts({ id: 'n', daysOpen: 40, stepOverdue: '', daysOverdue: 0, overdueActions: ['ACT-1', 'ACT-2'] })).toEqual(['2 actions late']);
  });
  it('says how long it has been open', () => {
    expect(ageText({ id: 'n', daysOpen: 1, stepOverdue: '', daysOverdue: 0, overdueActions: [] }, false)).toBe('Open for 1 day');
    expect(ageText({ id: 'n', daysOpen: 12, stepOverdue: '', daysOverdue: 0, overdueActions: [] }, true)).toBe('Closed after 12 days');
    expect(ageText({ id: 'n', daysOpen: -1, stepOverdue: '', daysOverdue: 0, overdueActions: [] }, false)).toBe('');
  });
});
