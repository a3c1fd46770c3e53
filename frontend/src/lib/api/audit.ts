// The services of the internal audit (9.2): audits with their checklist, started and
// completed, the auditor's conflicts of interest, and findings, of which a minor or major
// one raises a nonconformity. The rules are Go's; these only call them.
import * as Audits from './wailsjs/go/app/AuditService';
import * as Findings from './wailsjs/go/app/FindingService';
import type { isms } from './wailsjs/go/models';
import { arr, call } from './call';
import { outgoing, type Crud, type Plain, type Stored } from './plan';
import type { Nonconformity } from './corrective';

export type Audit = Plain<isms.Audit>;
export type ChecklistItem = Plain<isms.ChecklistItem>;
export type Finding = Plain<isms.Finding>;

interface Bound {
  List: () => Promise<unknown>;
  Get: (id: string) => Promise<unknown>;
  Create: (r: never) => Promise<unknown>;
  Update: (r: never) => Promise<unknown>;
  Delete: (id: string, version: number) => Promise<void>;
}

/** crudOf wraps a bound service; fix makes Go's nil slices arrays. */
function crudOf<T extends Stored>(svc: Bound, fix: (r: T) => T): Crud<T> {
  return {
    list: () => call<T[] | null>(() => svc.List()).then((l) => arr(l).map(fix)),
    get: (id) => call<T>(() => svc.Get(id)).then(fix),
    create: (r) => call<T>(() => svc.Create(outgoing(r) as never)).then(fix),
    update: (r) => call<T>(() => svc.Update(outgoing(r) as never)).then(fix),
    remove: (id, version) => call<void>(() => svc.Delete(id, version)),
  };
}

const fixAudit = (a: Audit): Audit => ({ ...a, checklist: arr(a.checklist) });
const fixFinding = (f: Finding): Finding => f;
const auditStep = (fn: () => Promise<unknown>) => call<Audit>(fn).then(fixAudit);

export const audit = {
  audits: {
    ...crudOf<Audit>(Audits as unknown as Bound, fixAudit),
    /** Starts a planned audit today; refused while the auditor owns what it covers without an independence note. */
    start: (id: string, version: number) => auditStep(() => Audits.Start(id, version)),
    /** Completes an audit in progress: every item answered, every nonconformity with its finding. */
    complete: (id: string, version: number) => auditStep(() => Audits.Complete(id, version)),
    /** Replaces the checklist (blank rows are dropped; results once the audit has started). */
    saveChecklist: (id: string, version: number, items: ChecklistItem[]) =>
      auditStep(() => Audits.SaveChecklist(id, version, items as isms.ChecklistItem[])),
    /** Adds a question for each clause and control the scope names that is not on the checklist yet. */
    checklistFromScope: (id: string, version: number) => auditStep(() => Audits.ChecklistFromScope(id, version)),
    /** What the auditor owns among what the audit covers, in words. */
    conflicts: (id: string) => call<string[] | null>(() => Audits.Conflicts(id)).then(arr),
  },
  findings: {
    ...crudOf<Finding>(Findings as unknown as Bound, fixFinding),
    /** Creates the nonconformity of a minor or major finding and links it, in one transaction. */
    raiseNonconformity: (id: string, version: number) =>
      call<Nonconformity>(() => Findings.RaiseNonconformity(id, version)).then((n) => ({ ...n, correctiveActionIds: arr(n.correctiveActionIds) })),
  },
};
