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
  if (r.idKind === 'review' && !r.needsId) return 'Latest held review';
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
    return 'Record a management review and mark it held, or choose one above.';
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
