// The services of the internal audit (9.2): audits with their checklist, started and
// completed, the auditor's conflicts of interest, and findings, of which a minor or major
// one raises a nonconformity. The rules are Go's; these only call them.
import * as Audits from './wailsjs/go/app/AuditService';
import * as Findings from './wailsjs/go/app/FindingService';
import type { isms } from './wailsjs/go/models';
import { arr, call } from './call';
import { type Bound, type Plain, crud } from './plan';
import type { Nonconformity } from './corrective';

export type Audit = Plain<isms.Audit>;
export type ChecklistItem = Plain<isms.ChecklistItem>;
export type Finding = Plain<isms.Finding>;

const fixAudit = (a: Audit): Audit => ({ ...a, checklist: arr(a.checklist) });
const fixFinding = (f: Finding): Finding => f;
const auditStep = (fn: () => Promise<unknown>) => call<Audit>(fn).then(fixAudit);

export const audit = {
  audits: {
    ...crud<Audit>(Audits as unknown as Bound, fixAudit),
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
    ...crud<Finding>(Findings as unknown as Bound, fixFinding),
    /** Creates the nonconformity of a minor or major finding and links it, in one transaction. */
    raiseNonconformity: (id: string, version: number) =>
      call<Nonconformity>(() => Findings.RaiseNonconformity(id, version)).then((n) => ({ ...n, correctiveActionIds: arr(n.correctiveActionIds) })),
  },
};
