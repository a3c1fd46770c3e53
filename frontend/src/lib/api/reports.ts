// Typed wrapper of the report preview: the executive page a report will carry, worked
// out by the Go code that writes it (ReportService.Preview).
import * as Reports from './wailsjs/go/app/ReportService';
import { arr, call } from './call';

/** A headline figure with its red, amber or green status ("" when none applies). */
export interface ReportFigure {
  label: string;
  text: string;
  rag: 'green' | 'amber' | 'red' | '';
  why: string;
  change: string;
}

/** A decision the records ask of management (or, for a held review, one it took). */
export interface ReportDecision {
  ask: string;
  ref: string;
  title: string;
  owner: string;
  when: string;
}

/** The first contradiction a rule finds, with how many it finds. */
export interface ReportException {
  rule: string;
  ref: string;
  title: string;
  count: number;
  detail: string;
}

/** The executive page of a report as it would be saved now. */
export interface ReportPreview {
  title: string;
  organisation: string;
  period: string;
  classification: string;
  edition: number;
  approval: string;
  generatedAt: string;
  previous: string;
  figures: ReportFigure[];
  decisions: ReportDecision[];
  more: { ask: string; count: number }[];
  exceptions: ReportException[];
  sheets: string[];
  asPresented: boolean;
  decisionsTitle: string;
  note: string;
}

/** previewReport works out a report's executive page without saving anything. */
export async function previewReport(name: string, id: string): Promise<ReportPreview> {
  const p = await call<ReportPreview>(() => Reports.Preview(name, id));
  return {
    ...p,
    figures: arr(p.figures),
    decisions: arr(p.decisions),
    more: arr(p.more),
    exceptions: arr(p.exceptions),
    sheets: arr(p.sheets),
  };
}
