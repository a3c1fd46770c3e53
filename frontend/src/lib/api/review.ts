// The service of the management reviews (9.3): the meetings, their live 9.3.2 inputs
// (Agenda), minutes, decisions with their actions, Hold (which freezes the inputs as
// presented) and Close (the chair's sign-off). The rules are Go's.
import * as Actions from './wailsjs/go/app/ActionService';
import * as Reviews from './wailsjs/go/app/ReviewService';
import type { app, isms, overview } from './wailsjs/go/models';
import { arr, call } from './call';
import { crud, type Bound, type Crud, type Plain } from './plan';

export type Review = Plain<isms.Review>;
export type ReviewInput = Plain<isms.ReviewInput>;
export type Decision = Plain<isms.Decision>;
export type ReviewSnapshot = Plain<isms.ReviewSnapshot>;
export type PresentedInput = Plain<isms.PresentedInput>;
export type ReviewConclusion = Plain<isms.ReviewConclusion>;
export type ReviewSignOff = Plain<isms.ReviewSignOff>;
export type ReviewClosing = Plain<app.ReviewClosing>;
export type ReviewAgenda = Plain<overview.ReviewAgenda>;
export type AgendaInput = Plain<overview.AgendaInput>;
export type AgendaLine = Plain<overview.AgendaLine>;

/** A review as its register lists it: with the count of its actions not yet done or cancelled. */
export type ReviewRow = Review & { openActions?: number };

const fixSnapshot = (s: ReviewSnapshot | undefined | null): ReviewSnapshot | undefined =>
  s
    ? { ...s, inputs: arr(s.inputs).map((i) => ({ ...i, lines: arr(i.lines) })), carriedActionIds: arr(s.carriedActionIds) }
    : undefined;

const fixReview = (r: ReviewRow): ReviewRow => ({
  ...r,
  attendeeIds: arr(r.attendeeIds),
  inputs: arr(r.inputs),
  decisions: arr(r.decisions).map((d) => ({ ...d, actionIds: arr(d.actionIds) })),
  snapshot: fixSnapshot(r.snapshot),
  conclusion: r.conclusion ?? { suitability: '', adequacy: '', effectiveness: '' },
  signOff: r.signOff ?? { byId: '', on: '', how: '', ref: '' },
});

const fixAgenda = (a: ReviewAgenda): ReviewAgenda => ({
  ...a,
  inputs: arr(a.inputs).map((i) => ({ ...i, lines: arr(i.lines) })),
  carriedActionIds: arr(a.carriedActionIds),
  holdMissing: a.holdMissing ?? {},
  closeMissing: a.closeMissing ?? {},
});

/** openActionsByReview counts, by review, the actions it decided that are not done or
 * cancelled (isms.Action.Finished). */
export function openActionsByReview(actions: Pick<isms.Action, 'reviewId' | 'status'>[]): Map<string, number> {
  const open = new Map<string, number>();
  for (const a of actions) {
    if (a.reviewId && a.status !== 'done' && a.status !== 'cancelled') open.set(a.reviewId, (open.get(a.reviewId) ?? 0) + 1);
  }
  return open;
}

const base = crud<ReviewRow>(Reviews as unknown as Bound, fixReview);
/** toGo drops the register's own count before a review goes to Go. */
const toGo = ({ openActions: _, ...r }: ReviewRow): ReviewRow => r;

const reviewCrud: Crud<ReviewRow> = {
  ...base,
  /** Every review, with its open actions counted (an action is open until done or cancelled). */
  list: async () => {
    const [reviews, actions] = await Promise.all([base.list(), call<isms.Action[] | null>(() => Actions.List())]);
    const open = openActionsByReview(arr(actions));
    return reviews.map((r) => ({ ...r, openActions: open.get(r.id) ?? 0 }));
  },
  create: (r) => base.create(toGo(r)),
  update: (r) => base.update(toGo(r)),
};

const step = (fn: () => Promise<unknown>) => call<ReviewRow>(fn).then(fixReview);

/** The fields of a decision as the Add decision form sends them. */
export interface DecisionDraft {
  text: string;
  category: string;
  /** With a title, an action is created (owner and due date required). */
  actionTitle: string;
  actionOwnerId: string;
  actionDue: string;
}

export const review = {
  reviews: {
    ...reviewCrud,
    /** The live data of each 9.3.2 input, the actions carried forward and what it lacks to be held or closed. */
    agenda: (id: string) => call<ReviewAgenda>(() => Reviews.Agenda(id)).then(fixAgenda),
    /** A planned review on date ('' for today) chaired by chairId, with the next MR-YYYY-n and the full agenda. */
    newReview: (date: string, chairId: string) => step(() => Reviews.NewReview(date, chairId)),
    /** Saves the minutes of the agenda items (by topic) and the general minutes. */
    saveMinutes: (id: string, version: number, items: ReviewInput[], general: string) =>
      step(() => Reviews.SaveMinutes(id, version, items as isms.ReviewInput[], general)),
    /** Adds a decision and, with an action title, its action, in one transaction. */
    addDecision: (id: string, version: number, d: DecisionDraft) =>
      step(() => Reviews.AddDecision(id, version, d.text, d.category, d.actionTitle, d.actionOwnerId, d.actionDue)),
    /** Changes the text and category of decision index (from 0); its actions stay. */
    updateDecision: (id: string, version: number, index: number, text: string, category: string) =>
      step(() => Reviews.UpdateDecision(id, version, index, text, category)),
    /** Removes decision index (from 0); refused while one of its actions is in progress, its other actions stay the review's. */
    removeDecision: (id: string, version: number, index: number) => step(() => Reviews.RemoveDecision(id, version, index)),
    /** Marks the review held on a date ('' for today), freezing the inputs as presented; refused until the chair attends and every input has minutes. */
    hold: (id: string, version: number, on: string) => step(() => Reviews.Hold(id, version, on)),
    /** Closes a held review with the chair's sign-off, the conclusion and the next review date; a closed review is locked. */
    close: (id: string, version: number, c: ReviewClosing) => step(() => Reviews.Close(id, version, c as app.ReviewClosing)),
  },
};
