// The services of the Act areas (10.1, 10.2): nonconformities through their 10.2 steps with
// their corrective actions and effectiveness review, the actions of reviews and
// nonconformities, and improvement initiatives. The gates are Go's; these only call them.
import * as Actions from './wailsjs/go/app/ActionService';
import * as Improvements from './wailsjs/go/app/ImprovementService';
import * as Nonconformities from './wailsjs/go/app/NonconformityService';
import type { isms } from './wailsjs/go/models';
import { arr, call } from './call';
import { type Bound, type Plain, crud, outgoing } from './plan';

export type Nonconformity = Plain<isms.Nonconformity>;
export type Effectiveness = Plain<isms.Effectiveness>;
export type Action = Plain<isms.Action>;
export type Improvement = Plain<isms.Improvement>;
export type NCAgeing = Plain<isms.NCAgeing>;
/** A nonconformity as its register lists it: with its age and what of it is overdue, from Go. */
export type NonconformityRow = Nonconformity & { ageing?: NCAgeing };

const fixNC = (n: Nonconformity): Nonconformity => ({
  ...n,
  correctiveActionIds: arr(n.correctiveActionIds),
  effectiveness: n.effectiveness ?? { reviewedOn: '', verdict: '', reviewerId: '', comment: '' },
});
const fixAction = (a: Action): Action => a;
const fixImprovement = (i: Improvement): Improvement => ({
  ...i,
  feedbackIds: arr(i.feedbackIds),
  nonconformityIds: arr(i.nonconformityIds),
  riskIds: arr(i.riskIds),
});

const ncStep = (fn: () => Promise<unknown>) => call<Nonconformity>(fn).then(fixNC);
const ncCrud = crud<NonconformityRow>(Nonconformities as unknown as Bound, fixNC);
const ageing = () =>
  call<NCAgeing[] | null>(() => Nonconformities.Ageing()).then((l) => arr(l).map((g) => ({ ...g, overdueActions: arr(g.overdueActions) })));
/** toGo drops the register's own ageing before a nonconformity goes to Go. */
const ncToGo = ({ ageing: _, ...n }: NonconformityRow): NonconformityRow => n;

export const corrective = {
  nonconformities: {
    ...ncCrud,
    /** Every nonconformity with its age and overdue steps (Ageing). */
    list: async (): Promise<NonconformityRow[]> => {
      const [list, ages] = await Promise.all([ncCrud.list(), ageing()]);
      const by = new Map(ages.map((g) => [g.id, g]));
      return list.map((n) => ({ ...n, ageing: by.get(n.id) }));
    },
    create: (n: NonconformityRow) => ncCrud.create(ncToGo(n)),
    update: (n: NonconformityRow) => ncCrud.update(ncToGo(n)),
    /** Moves to the next 10.2 step once the current one is complete (from the effectiveness review: closes today). */
    advance: (id: string, version: number) => ncStep(() => Nonconformities.Advance(id, version)),
    /** Records the effectiveness review at the effectiveness review step; "not effective" puts it back to corrective action with a follow-up action. */
    reviewEffectiveness: (id: string, version: number, e: Effectiveness) =>
      ncStep(() => Nonconformities.ReviewEffectiveness(id, version, e as isms.Effectiveness)),
    /** Closes on a date (YYYY-MM-DD, '' for today); refused while an action is open or the verdict is not effective. */
    close: (id: string, version: number, on: string) => ncStep(() => Nonconformities.Close(id, version, on)),
    /** Creates a corrective action (title, owner, due date) and links it, in one transaction. */
    addAction: (id: string, version: number, a: Action) =>
      ncStep(() => Nonconformities.AddAction(id, version, outgoing(a) as unknown as isms.Action)),
    /** Every nonconformity's days open and what of it is overdue (its step, its corrective actions), as of today. */
    ageing,
  },
  actions: {
    ...crud<Action>(Actions as unknown as Bound, fixAction),
    /** Marks the action done on a date (YYYY-MM-DD, '' for today). */
    complete: (id: string, version: number, on: string) => call<Action>(() => Actions.Complete(id, version, on)),
  },
  improvements: crud<Improvement>(Improvements as unknown as Bound, fixImprovement),
};
