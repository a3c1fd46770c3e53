// The audit checklist in words: results summaries, short result labels, references with
// their titles from the standard, and the mirrors of Go's Report and Close rules
// (isms.Audit.Complete, isms.Audit.Close) so that the page can say what is still missing.
// Go decides.
import type { ChecklistItem, Finding, Option } from '../../lib/api';

/** The checklist results (isms.ChecklistResults), in the order a summary reads them. */
export const results = ['conforming', 'major_nc', 'minor_nc', 'observation', 'opportunity', 'not_sampled', 'not_checked'] as const;
export type Result = (typeof results)[number];

const words: Record<Result, [string, string]> = {
  conforming: ['conforming', 'conforming'],
  major_nc: ['major', 'major'],
  minor_nc: ['minor', 'minor'],
  observation: ['observation', 'observations'],
  opportunity: ['opportunity', 'opportunities'],
  not_sampled: ['not sampled', 'not sampled'],
  not_checked: ['not checked', 'not checked'],
};

/** resultWord is a result's short word for a count: "minor", "observations". */
export function resultWord(result: string, count = 1): string {
  const w = words[(result || 'not_checked') as Result];
  if (!w) return result.replace(/_/g, ' ');
  return count === 1 ? w[0] : w[1];
}

/** isNC reports whether a checklist result is a nonconformity. */
export const isNC = (result: string) => result === 'minor_nc' || result === 'major_nc';

/** resultCounts counts the items per result (a blank result is not checked). */
export function resultCounts(items: Pick<ChecklistItem, 'result'>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of items) {
    const r = c.result || 'not_checked';
    out.set(r, (out.get(r) ?? 0) + 1);
  }
  return out;
}

/** resultsSummary reads a checklist as "12 conforming · 2 minor · 1 observation". */
export function resultsSummary(items: Pick<ChecklistItem, 'result'>[]): string {
  if (items.length === 0) return '';
  const counts = resultCounts(items);
  const known = new Set<string>(results);
  const parts = results.filter((r) => counts.get(r)).map((r) => `${counts.get(r)} ${resultWord(r, counts.get(r))}`);
  for (const [r, n] of counts) if (!known.has(r)) parts.push(`${n} ${resultWord(r, n)}`);
  return parts.join(' · ');
}

/** severityOf is the finding grade of a nonconformity result ('' for the others). */
export const severityOf = (result: string) => (result === 'major_nc' ? 'major' : result === 'minor_nc' ? 'minor' : '');

/** isNCSeverity reports whether a finding of the grade is a nonconformity (isms.IsNonconformity). */
export const isNCSeverity = (severity: string) => severity === 'minor' || severity === 'major';

/** itemRef writes a reference as Go does (isms.ItemRef): "clause 7.2" -> "7.2", "a.05.15" ->
 * "A.5.15", "Annex A 5.15" and "control 5.15" -> "A.5.15"; a bare "7.2" stays a clause. */
export function itemRef(ref: string): string {
  let s = ref.trim();
  s = s.replace(/^clause\s+/i, '');
  const c = /^controls?\s+(?:a\s*[.\s-]?\s*)?0*([5-8])\s*[.\s-]\s*0*(\d+)$/i.exec(s);
  if (c) return `A.${c[1]}.${c[2]}`;
  const m = /^(?:annex\s*)?a\s*[.\s-]?\s*0*(\d+)\s*[.\s-]\s*0*(\d+)$/i.exec(s);
  if (m) return `A.${m[1]}.${m[2]}`;
  return s;
}

/** Titles turn references into the standard's titles. */
export interface Titles {
  clauses: Map<string, string>;
  controls: Map<string, string>;
}

/** titlesOf builds the titles from the "clauses" enum (value ref, label title) and the
 * control choices (label "A.5.15 Access control"). */
export function titlesOf(clauses: Option[] | undefined, controls: Option[] | undefined): Titles {
  const c = new Map((clauses ?? []).map((o) => [o.value, o.label]));
  const k = new Map<string, string>();
  for (const o of controls ?? []) {
    const i = o.label.indexOf(' ');
    if (i > 0) k.set(o.label.slice(0, i), o.label.slice(i + 1));
  }
  return { clauses: c, controls: k };
}

/** refTitle is the title of a clause or control reference, '' when it is neither. */
export function refTitle(ref: string, t: Titles): string {
  const r = itemRef(ref);
  if (!r) return '';
  return t.clauses.get(r) ?? t.controls.get(r) ?? '';
}

/** itemTitle is a checklist item's title: Go's (from the standard) when it set one, else
 * the title its reference has; '' for the officer's own questions. */
export function itemTitle(c: Pick<ChecklistItem, 'ref' | 'title'>, t: Titles): string {
  return c.title || refTitle(c.ref, t);
}

/** refOptions are the clauses and controls a reference is picked from, "7.2 Competence". */
export function refOptions(t: Titles): Option[] {
  return [
    ...[...t.clauses].map(([value, title]) => ({ value, label: `${value} ${title}` })),
    ...[...t.controls].map(([value, title]) => ({ value, label: `${value} ${title}` })),
  ];
}

/** reportMissing mirrors isms.Audit.Complete (Report): what keeps an audit from being
 * reported, the conclusion aside (the Report dialog asks for it). */
export function reportMissing(items: ChecklistItem[], findings: Pick<Finding, 'severity' | 'clause'>[]): string[] {
  if (items.length === 0) return ['a checklist'];
  const covered = new Set(findings.filter((f) => isNCSeverity(f.severity)).map((f) => itemRef(f.clause)));
  const open = items.filter((c) => !c.result || c.result === 'not_checked').length;
  const unreasoned = items.filter((c) => c.result === 'not_sampled' && !c.evidence.trim()).length;
  const out: string[] = [];
  if (open) out.push(`${open} ${open === 1 ? 'item' : 'items'} to assess`);
  if (unreasoned) out.push(`the reason why ${unreasoned === 1 ? 'an item was' : `${unreasoned} items were`} not sampled`);
  const missing = items.filter((c) => isNC(c.result) && !covered.has(itemRef(c.ref)));
  for (const c of missing) out.push(c.ref ? `a finding for the nonconformity at ${itemRef(c.ref)}` : 'a reference for each nonconformity');
  return [...new Set(out)];
}

/** closeMissing mirrors isms.Audit.Close: the minor and major findings whose nonconformity
 * is not raised yet, as "IA-1-F2 Training records missing". */
export function closeMissing(findings: Pick<Finding, 'ref' | 'title' | 'severity' | 'nonconformityId'>[]): string[] {
  return findings.filter((f) => isNCSeverity(f.severity) && !f.nonconformityId).map((f) => `${f.ref} ${f.title}`.trim());
}

/** needsFinding reports whether a saved checklist item is a nonconformity without a finding. */
export function needsFinding(c: ChecklistItem, findings: Pick<Finding, 'severity' | 'clause'>[]): boolean {
  return isNC(c.result) && !!itemRef(c.ref) && !findings.some((f) => isNCSeverity(f.severity) && itemRef(f.clause) === itemRef(c.ref));
}

/** auditorName shows the auditor: a person's name, or the external auditor's name. */
export function auditorName(a: { auditorId: string; auditorName: string }, person: (id: string) => string): string {
  if (a.auditorId) return person(a.auditorId);
  return a.auditorName ? `${a.auditorName} (external)` : '';
}
