// The service of the management reviews (9.3): the meetings, their live 9.3.2 inputs
// (Agenda), minutes, decisions with their actions, and Hold. The rules are Go's.
import * as Actions from './wailsjs/go/app/ActionService';
import * as Reviews from './wailsjs/go/app/ReviewService';
import type { isms, overview } from './wailsjs/go/models';
import { arr, call } from './call';
import { outgoing, type Crud, type Plain } from './plan';

export type Review = Plain<isms.Review>;
export type ReviewInput = Plain<isms.ReviewInput>;
export type Decision = Plain<isms.Decision>;
export type ReviewAgenda = Plain<overview.ReviewAgenda>;
export type AgendaInput = Plain<overview.AgendaInput>;
export type AgendaLine = Plain<overview.AgendaLine>;

/** A review as its register lists it: with the count of its actions not yet done or cancelled. */
export type ReviewRow = Review & { openActions?: number };

const fixReview = (r: Review): ReviewRow => ({
  ...r,
  attendeeIds: arr(r.attendeeIds),
  inputs: arr(r.inputs),
  decisions: arr(r.decisions).map((d) => ({ ...d, actionIds: arr(d.actionIds) })),
});

const fixAgenda = (a: ReviewAgenda): ReviewAgenda => ({
  ...a,
  inputs: arr(a.inputs).map((i) => ({ ...i, lines: arr(i.lines) })),
  carriedActionIds: arr(a.carriedActionIds),
  holdMissing: a.holdMissing ?? {},
});

/** toGo drops the register's own count before a review goes to Go. */
function toGo(r: ReviewRow): isms.Review {
  const { openActions: _, ...rest } = r;
  return outgoing(rest) as unknown as isms.Review;
}

/** openActionsByReview counts, by review, the actions it decided that are not done or
 * cancelled (isms.Action.Finished). */
export function openActionsByReview(actions: Pick<isms.Action, 'reviewId' | 'status'>[]): Map<string, number> {
  const open = new Map<string, number>();
  for (const a of actions) {
    if (a.reviewId && a.status !== 'done' && a.status !== 'cancelled') open.set(a.reviewId, (open.get(a.reviewId) ?? 0) + 1);
  }
  return open;
}

const step = (fn: () => Promise<unknown>) => call<Review>(fn).then(fixReview);

const reviewCrud: Crud<ReviewRow> = {
  /** Every review, with its open actions counted (an action is open until done or cancelled). */
  list: async () => {
    const [reviews, actions] = await Promise.all([
      call<Review[] | null>(() => Reviews.List()),
      call<isms.Action[] | null>(() => Actions.List()),
    ]);
    const open = openActionsByReview(arr(actions));
    return arr(reviews).map((r) => ({ ...fixReview(r), openActions: open.get(r.id) ?? 0 }));
  },
  get: (id) => step(() => Reviews.Get(id)),
  create: (r) => step(() => Reviews.Create(toGo(r))),
  update: (r) => step(() => Reviews.Update(toGo(r))),
  remove: (id, version) => call<void>(() => Reviews.Delete(id, version)),
};

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
    /** The live data of each 9.3.2 input, the actions carried forward and what it lacks to be held. */
    agenda: (id: string) => call<ReviewAgenda>(() => Reviews.Agenda(id)).then(fixAgenda),
    /** A planned review on date ('' for today) chaired by chairId, with the next MR-YYYY-n and the full agenda. */
    newReview: (date: string, chairId: string) => step(() => Reviews.NewReview(date, chairId)),
    /** Saves the minutes of the agenda items (by topic) and the general minutes. */
    saveMinutes: (id: string, version: number, items: ReviewInput[], general: string) =>
      step(() => Reviews.SaveMinutes(id, version, items as isms.ReviewInput[], general)),
    /** Adds a decision and, with an action title, its action, in one transaction. */
    addDecision: (id: string, version: number, d: DecisionDraft) =>
      step(() => Reviews.AddDecision(id, version, d.text, d.category, d.actionTitle, d.actionOwnerId, d.actionDue)),
    /** Marks the review held on a date ('' for today); refused until the chair attends and every input has minutes. */
    hold: (id: string, version: number, on: string) => step(() => Reviews.Hold(id, version, on)),
  },
};
