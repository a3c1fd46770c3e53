// The services of the internal audit (9.2): audits with their checklist, started,
// reported, closed, cancelled or reopened, the auditor's conflicts of interest, the audit
// programme's coverage, and findings, of which a minor or major one raises a
// nonconformity. The rules are Go's; these only call them.
import * as Audits from './wailsjs/go/app/AuditService';
import * as Findings from './wailsjs/go/app/FindingService';
import type { isms, overview } from './wailsjs/go/models';
import { arr, call } from './call';
import { type Bound, type Plain, crud } from './plan';
import type { Nonconformity } from './corrective';

export type Audit = Plain<isms.Audit>;
export type ChecklistItem = Plain<isms.ChecklistItem>;
export type Finding = Plain<isms.Finding>;
export type AuditProgramme = Plain<overview.AuditProgramme>;
export type ProgrammeArea = Plain<overview.ProgrammeArea>;
export type ProgrammeCover = Plain<overview.ProgrammeCover>;

const fixAudit = (a: Audit): Audit => ({
  ...a, checklist: arr(a.checklist).map((c) => ({ ...c, title: c.title ?? '' })), methods: arr(a.methods), auditeeIds: arr(a.auditeeIds),
});
const fixProgramme = (p: AuditProgramme): AuditProgramme => ({
  ...p,
  years: arr(p.years),
  audits: arr(p.audits),
  areas: arr(p.areas).map((x) => ({ ...x, undated: arr(x.undated), cells: arr(x.cells).map((c) => ({ ...c, audits: arr(c.audits) })) })),
});
const fixFinding = (f: Finding): Finding => f;
const auditStep = (fn: () => Promise<unknown>) => call<Audit>(fn).then(fixAudit);

export const audit = {
  audits: {
    ...crud<Audit>(Audits as unknown as Bound, fixAudit),
    /** Starts a planned audit today; refused while the auditor owns what it covers without an independence note. */
    start: (id: string, version: number) => auditStep(() => Audits.Start(id, version)),
    /** Reports an audit in progress: every item assessed, every nonconformity with its finding, and a
     * conclusion (a non-blank conclusion replaces the one recorded). */
    complete: (id: string, version: number, conclusion: string) => auditStep(() => Audits.Complete(id, version, conclusion)),
    /** Closes a reported audit once every minor or major finding has raised its nonconformity. */
    close: (id: string, version: number, closedById: string) => auditStep(() => Audits.Close(id, version, closedById)),
    /** Cancels a planned audit or one in progress without findings. */
    cancel: (id: string, version: number) => auditStep(() => Audits.Cancel(id, version)),
    /** Takes a reported audit back to in progress, or a cancelled one back to planned. */
    reopen: (id: string, version: number) => auditStep(() => Audits.Reopen(id, version)),
    /** The audit programme of the current three-year cycle: coverage of clauses 4 to 10 and the Annex A themes. */
    programme: () => call<AuditProgramme>(() => Audits.Programme()).then(fixProgramme),
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
