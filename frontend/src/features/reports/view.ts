// Pure rules of the reports screen.
import type { ApiError, ReportInfo } from '../../lib/api';

/** targetLabel is the label of a report's record picker ("Management review", "Internal audit"). */
export function targetLabel(idKind: string): string {
  if (idKind === 'review') return 'Management review';
  if (idKind === 'audit') return 'Internal audit';
  return idKind ? idKind.charAt(0).toUpperCase() + idKind.slice(1) : '';
}

/** targetPlaceholder is what the picker says when nothing is chosen. */
export function targetPlaceholder(r: ReportInfo): string {
  if (r.idKind === 'review' && !r.needsId) return 'Latest review, planned or held';
  return r.needsId ? `Choose the ${targetLabel(r.idKind).toLowerCase()}` : 'Any';
}

/** exportBlocker says why the export cannot start yet, or null. */
export function exportBlocker(r: ReportInfo | undefined, id: string | null): string | null {
  if (!r) return 'Choose a report.';
  if (r.needsId && !id) return `Choose the ${targetLabel(r.idKind).toLowerCase()} the report is about.`;
  return null;
}

/** exportErrorTitle names what went wrong with an export, for its alert. */
export function exportErrorTitle(e: ApiError, r: ReportInfo | undefined): string {
  if (e.code === 'not_found') {
    if (r?.idKind === 'review') return 'No management review to report on';
    if (r?.idKind === 'audit') return 'No such audit';
    return 'Not found';
  }
  if (e.code === 'invalid') return 'The report cannot be written';
  return 'The export failed';
}

/** exportErrorHint says what to do next after an error. */
export function exportErrorHint(e: ApiError, r: ReportInfo | undefined): string {
  if (e.code === 'not_found' && r?.idKind === 'review') {
    return 'Plan a management review first, or choose one above.';
  }
  if (e.code === 'not_found' && r?.idKind === 'audit') return 'Choose another audit above.';
  return '';
}

/** sentence shows a Go message as a sentence: capital first letter, final full stop. */
export function sentence(message: string): string {
  const t = message.trim();
  if (t === '') return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** ragColour is the Mantine colour of a red, amber or green status ("" for none). */
export function ragColour(rag: string): string {
  if (rag === 'green') return 'green';
  if (rag === 'amber') return 'yellow';
  if (rag === 'red') return 'red';
  return 'gray';
}

/** ragWord names a status for people, as the executive page does. */
export function ragWord(rag: string): string {
  if (rag === 'green') return 'Green';
  if (rag === 'amber') return 'Amber';
  if (rag === 'red') return 'Red';
  return 'No status';
}

/** versionLine is the preview's document control: version, owner or approver, classification. */
export function versionLine(p: { edition: number; approval: string; classification: string; previous: string }): string {
  const parts = [`Version ${p.edition} when saved`, p.approval];
  if (p.classification) parts.push(p.classification);
  parts.push(p.previous ? `changes since the export of ${p.previous}` : 'first export of this report');
  return parts.filter(Boolean).join(' · ');
}

