// The 10.2 steps as the window shows them. These mirror the rules of isms.Nonconformity
// (StepMissing, CheckActions, Close) so that each step can say what is missing; Go decides.
import type { Action, NCAgeing, Nonconformity } from '../../lib/api';

/** The stages of a nonconformity in the 10.2 order (isms.NonconformityStatuses). */
export const ncStages = ['open', 'correction', 'root_cause', 'corrective_action', 'effectiveness_review', 'closed'] as const;
export type NCStage = (typeof ncStages)[number];

/** What each stage is about, under its name in the stepper. */
export const stageAbout: Record<NCStage, string> = {
  open: 'Recorded; an owner handles it',
  correction: 'React: control and correct it (10.2 a)',
  root_cause: 'Find the cause and similar cases (10.2 b)',
  corrective_action: 'Act on the cause (10.2 c)',
  effectiveness_review: 'Review whether the actions worked (10.2 d)',
  closed: 'Every step done',
};

/** stageOf is a status's position in the 10.2 order, -1 when unknown. */
export function stageOf(status: string): number {
  return ncStages.indexOf(status as NCStage);
}

/** reached reports whether a nonconformity at status has got to stage. */
export function reached(status: string, stage: NCStage): boolean {
  return stageOf(status) >= stageOf(stage);
}

/** nextStage is the stage after status, or null when closed. */
export function nextStage(status: string): NCStage | null {
  const i = stageOf(status);
  return i < 0 || i + 1 >= ncStages.length ? null : ncStages[i + 1];
}

/** finished mirrors isms.Action.Finished: done or cancelled. */
export const finished = (a: Pick<Action, 'status'>) => a.status === 'done' || a.status === 'cancelled';

/** actionOverdue mirrors isms.Action.Overdue: unfinished and due before today. */
export const actionOverdue = (a: Pick<Action, 'status' | 'dueDate'>, today: string) => !finished(a) && !!a.dueDate && a.dueDate < today;

/** ncOverdue: not closed and past its due date. */
export const ncOverdue = (n: Pick<Nonconformity, 'status' | 'dueDate'>, today: string) => n.status !== 'closed' && !!n.dueDate && n.dueDate < today;

/** ageInDays counts the days from detection to closing (or to today while open). */
export function ageInDays(n: Pick<Nonconformity, 'detectedOn' | 'closedOn' | 'status'>, today: string): number | null {
  if (!n.detectedOn) return null;
  const end = n.status === 'closed' && n.closedOn ? n.closedOn : today;
  const ms = Date.parse(`${end}T00:00:00Z`) - Date.parse(`${n.detectedOn}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.max(0, Math.round(ms / 86_400_000));
}

const blank = (s: string | undefined) => !s || s.trim() === '';

/** missingToLeave lists, in words, what must be done before a nonconformity can leave
 * stage; actions are its corrective actions. It mirrors isms.Nonconformity.StepMissing
 * for the stage's own fields and CheckActions for the actions. */
export function missingToLeave(n: Nonconformity, stage: NCStage, actions: Pick<Action, 'ref' | 'status'>[]): string[] {
  const out: string[] = [];
  const openActions = () => actions.filter((a) => !finished(a)).map((a) => a.ref);
  switch (stage) {
    case 'open':
      if (blank(n.ownerId)) out.push('an owner');
      break;
    case 'correction':
      if (blank(n.correction)) out.push('the correction');
      if (!n.correctionOn) out.push('the correction date');
      break;
    case 'root_cause':
      if (blank(n.rootCause)) out.push('the root cause');
      if (blank(n.similarCheck)) out.push('the check for similar cases');
      break;
    case 'corrective_action': {
      if (n.correctiveActionIds.length === 0) out.push('at least one corrective action');
      const open = openActions();
      if (open.length) out.push(`${open.join(', ')} done or cancelled`);
      break;
    }
    case 'effectiveness_review': {
      const e = n.effectiveness;
      if (!e.reviewedOn) out.push('the review date');
      if (blank(e.reviewerId)) out.push('the reviewer');
      if (e.verdict === 'not_effective') out.push('an effective verdict (step back to corrective action)');
      else if (e.verdict !== 'effective') out.push('the verdict “effective”');
      const open = openActions();
      if (open.length) out.push(`${open.join(', ')} done or cancelled`);
      break;
    }
    case 'closed':
      break;
  }
  return out;
}

/** One step of the stepper. */
export interface StepView {
  stage: NCStage;
  /** done: behind the nonconformity; current: where it is; ahead: still to come. */
  state: 'done' | 'current' | 'ahead';
  /** What is still missing to leave the step (for the current and later steps). */
  missing: string[];
}

/** stepsOf lays out the six steps of a nonconformity. */
export function stepsOf(n: Nonconformity, actions: Pick<Action, 'ref' | 'status'>[]): StepView[] {
  const at = stageOf(n.status);
  return ncStages.map((stage, i) => ({
    stage,
    state: i < at ? 'done' : i === at ? 'current' : 'ahead',
    missing: i < at ? [] : missingToLeave(n, stage, actions),
  }));
}

/** sentence joins missing items as "the root cause and the check for similar cases". */
export function sentence(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** overdueParts says in words what Go's ageing found overdue: the current step past the
 * nonconformity's due date, and the corrective actions past theirs. */
export function overdueParts(g: NCAgeing | undefined): string[] {
  if (!g) return [];
  const out: string[] = [];
  if (g.stepOverdue) out.push(`${g.stepOverdue} ${days(g.daysOverdue)} late`);
  const n = g.overdueActions.length;
  if (n) out.push(n === 1 ? `${g.overdueActions[0]} late` : `${n} actions late`);
  return out;
}

/** ageText is how long a nonconformity has been open, from Go's ageing ("" without a detection date). */
export function ageText(g: NCAgeing | undefined, closed: boolean): string {
  if (!g || g.daysOpen < 0) return '';
  return closed ? `Closed after ${days(g.daysOpen)}` : `Open for ${days(g.daysOpen)}`;
}
