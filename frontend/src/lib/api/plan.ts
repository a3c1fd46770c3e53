// The services of the Plan and Do areas. Their types are the generated models without
// their class methods (Go sends plain JSON), so that they never drift from Go.
import * as Assets from './wailsjs/go/app/AssetService';
import * as Controls from './wailsjs/go/app/ControlService';
import * as Issues from './wailsjs/go/app/IssueService';
import * as Milestones from './wailsjs/go/app/MilestoneService';
import * as Objectives from './wailsjs/go/app/ObjectiveService';
import * as Organisations from './wailsjs/go/app/OrganisationService';
import * as Parties from './wailsjs/go/app/PartyService';
import * as People from './wailsjs/go/app/PersonService';
import * as Policies from './wailsjs/go/app/PolicyService';
import * as Records from './wailsjs/go/app/RecordService';
import * as Risks from './wailsjs/go/app/RiskService';
import * as Roles from './wailsjs/go/app/RoleService';
import type { app, isms, overview } from './wailsjs/go/models';
import { arr, call } from './call';

/** Plain is a generated model class as plain data: its fields, without its methods. */
export type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Plain<T[K]> }
    : T;

export type Objective = Plain<isms.Objective>;
export type Asset = Plain<isms.Asset>;
export type Issue = Plain<isms.Issue>;
export type Party = Plain<isms.Party>;
export type Policy = Plain<isms.Policy>;
export type PolicyVersion = Plain<isms.PolicyVersion>;
export type PolicyDecision = Plain<isms.PolicyDecision>;
export type PolicyReview = Plain<isms.PolicyReview>;
export type PolicyTemplate = Plain<isms.PolicyTemplate>;
export type PolicyDraft = Plain<app.PolicyDraft>;
export type Control = Plain<isms.Control>;
export type ControlTask = Plain<isms.ControlTask>;
export type Risk = Plain<isms.Risk>;
export type RiskAcceptance = Plain<isms.RiskAcceptance>;
export type Milestone = Plain<isms.Milestone>;
export type Person = Plain<isms.Person>;
export type Role = Plain<isms.Role>;
export type Organisation = Plain<isms.Organisation>;
export type RiskMethod = Plain<isms.RiskMethod>;
export type RiskMethodChange = Plain<isms.RiskMethodChange>;
export type RiskRelevel = Plain<isms.RiskRelevel>;
export type ObjectiveApproval = Plain<app.ObjectiveApproval>;
export type ObjectiveProgress = Plain<overview.ObjectiveProgress>;

/** Every record the kit edits carries these. */
export interface Stored {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The create, read, update and delete every area's service has. */
export interface Crud<T extends Stored> {
  list: () => Promise<T[]>;
  get: (id: string) => Promise<T>;
  create: (r: T) => Promise<T>;
  update: (r: T) => Promise<T>;
  remove: (id: string, version: number) => Promise<void>;
}

/** zeroTime is Go's zero time.Time: Wails cannot decode "" into one (and never answers). */
const zeroTime = '0001-01-01T00:00:00Z';

/** outgoing gives a record's timestamps as Go can decode them. */
export function outgoing<T extends Partial<Stored>>(r: T): T {
  return { ...r, createdAt: r.createdAt || zeroTime, updatedAt: r.updatedAt || zeroTime };
}

/** Bound is what every area's generated service offers. */
export interface Bound {
  List: () => Promise<unknown>;
  Get: (id: string) => Promise<unknown>;
  Create: (r: never) => Promise<unknown>;
  Update: (r: never) => Promise<unknown>;
  Delete: (id: string, version: number) => Promise<void>;
}

/** crud wraps a bound service. fix makes Go's nil slices arrays: a function, or the names
 * of the record's list fields. */
export function crud<T extends Stored>(svc: Bound, fix: ((r: T) => T) | (keyof T)[]): Crud<T> {
  const f =
    typeof fix === 'function'
      ? fix
      : (r: T): T => {
          const out = { ...r } as Record<string, unknown>;
          for (const k of fix) out[k as string] = arr(out[k as string] as unknown[] | null);
          return out as T;
        };
  return {
    list: () => call<T[] | null>(() => svc.List()).then((l) => arr(l).map(f)),
    get: (id) => call<T>(() => svc.Get(id)).then(f),
    create: (r) => call<T>(() => svc.Create(outgoing(r) as never)).then(f),
    update: (r) => call<T>(() => svc.Update(outgoing(r) as never)).then(f),
    remove: (id, version) => call<void>(() => svc.Delete(id, version)),
  };
}

const fixPolicy = (p: Policy): Policy => ({
  ...p,
  controlIds: arr(p.controlIds),
  reviews: arr(p.reviews),
  versions: arr(p.versions).map((v) => ({
    ...v,
    approvals: arr(v.approvals),
    acknowledgements: arr(v.acknowledgements),
  })),
});

const policyCrud = crud<Policy>(Policies as unknown as Bound, []);
const policyStep = (fn: () => Promise<unknown>) => call<Policy>(fn).then(fixPolicy);

export const plan = {
  objectives: {
    ...crud<Objective>(Objectives as unknown as Bound, ['kpiIds']),
    approve: (id: string, version: number, a: ObjectiveApproval) =>
      call<Objective>(() => Objectives.Approve(id, version, a as app.ObjectiveApproval)),
    progress: () =>
      call<ObjectiveProgress[] | null>(() => Objectives.Progress()).then((l) =>
        arr(l).map((p) => ({ ...p, kpis: arr(p.kpis), smart: arr(p.smart) })),
      ),
  },
  issues: crud<Issue>(Issues as unknown as Bound, ['riskIds']),
  parties: crud<Party>(Parties as unknown as Bound, ['requirementIds']),
  policies: {
    list: () => policyCrud.list().then((l) => l.map(fixPolicy)),
    get: (id: string) => policyCrud.get(id).then(fixPolicy),
    /** Policies are created with their first draft's text (see createWithText). */
    create: (p: Policy) => policyStep(() => Policies.Create(outgoing(p) as isms.Policy, '')),
    createWithText: (p: Policy, text: string) => policyStep(() => Policies.Create(outgoing(p) as isms.Policy, text)),
    update: (p: Policy) => policyCrud.update(p).then(fixPolicy),
    remove: policyCrud.remove,
    saveDraft: (id: string, version: number, d: PolicyDraft) => policyStep(() => Policies.SaveDraft(id, version, d as app.PolicyDraft)),
    newVersion: (id: string, version: number, d: PolicyDraft) => policyStep(() => Policies.NewVersion(id, version, d as app.PolicyDraft)),
    submit: (id: string, version: number) => policyStep(() => Policies.Submit(id, version)),
    withdraw: (id: string, version: number) => policyStep(() => Policies.Withdraw(id, version)),
    approve: (id: string, version: number, d: PolicyDecision) => policyStep(() => Policies.Approve(id, version, d as isms.PolicyDecision)),
    reject: (id: string, version: number, d: PolicyDecision) => policyStep(() => Policies.Reject(id, version, d as isms.PolicyDecision)),
    publish: (id: string, version: number, on: string) => policyStep(() => Policies.Publish(id, version, on)),
    retire: (id: string, version: number) => policyStep(() => Policies.Retire(id, version)),
    acknowledge: (id: string, version: number, people: string[], on: string) =>
      policyStep(() => Policies.Acknowledge(id, version, people, on)),
    review: (id: string, version: number, r: PolicyReview) => policyStep(() => Policies.Review(id, version, r as isms.PolicyReview)),
    templates: () =>
      call<PolicyTemplate[] | null>(() => Policies.Templates()).then((l) => arr(l).map((t) => ({ ...t, controlRefs: arr(t.controlRefs) }))),
    fromTemplate: (templateId: string, ownerId: string, approverId: string) =>
      policyStep(() => Policies.FromTemplate(templateId, ownerId, approverId)),
  },
  controls: crud<Control>(Controls as unknown as Bound, ['kpiIds', 'reasons', 'tasks']),
  risks: {
    ...crud<Risk>(Risks as unknown as Bound, ['controlIds', 'actionIds']),
    accept: (id: string, version: number, a: RiskAcceptance) => call<Risk>(() => Risks.Accept(id, version, a as isms.RiskAcceptance)),
  },
  milestones: {
    ...crud<Milestone>(Milestones as unknown as Bound, []),
    complete: (id: string, version: number, on: string) => call<Milestone>(() => Milestones.Complete(id, version, on)),
    reopen: (id: string, version: number) => call<Milestone>(() => Milestones.Reopen(id, version)),
  },
  people: {
    ...crud<Person>(People as unknown as Bound, ['roleIds']),
    responsibilities: (id: string) => call<Plain<overview.LinkView>[] | null>(() => People.Responsibilities(id)).then(arr),
  },
  roles: crud<Role>(Roles as unknown as Bound, ['areas']),
  assets: crud<Asset>(Assets as unknown as Bound, ['riskIds', 'controlIds']),
  organisation: {
    get: () =>
      call<Organisation>(() => Organisations.Get()).then((o) => ({
        ...o,
        riskMethod: { ...o.riskMethod, likelihood: arr(o.riskMethod?.likelihood), impact: arr(o.riskMethod?.impact) },
      })),
    save: (o: Organisation) => call<Organisation>(() => Organisations.Save(o as isms.Organisation)),
    /** What saving the risk method m would do to the stored risks; nothing is changed. */
    previewRiskMethod: (m: RiskMethod) =>
      call<RiskMethodChange>(() => Organisations.PreviewRiskMethod(m as isms.RiskMethod)).then((c) => ({ ...c, risks: arr(c.risks) })),
  },
  options: {
    enums: () => call<Record<string, isms.Option[]> | null>(() => Records.Enums()).then((m) => m ?? {}),
    choices: (kind: string) => call<isms.Option[] | null>(() => Records.Choices(kind)).then(arr),
  },
};
