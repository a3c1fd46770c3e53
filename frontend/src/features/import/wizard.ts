// The import wizard's state and the pure rules over it: the request it sends, the
// column labels it shows, the summaries of a plan. No React here, so it is tested alone.
import type { GuessedPeople, HeaderColumn, ImportCounts, ImportField, ImportPlan, ImportRequest, SheetPreview } from '../../lib/api';
import { plural } from '../../lib/format';

/** What the user chose so far. Overrides are kept apart from what Go proposed. */
export interface WizardState {
  file: string;
  kind: string;
  /** "" for the first visible sheet. */
  sheet: string;
  /** The header row the user chose; 0 to use the detected one. */
  headerRow: number;
  /** 1 or 2 header rows when the user chose them; 0 to use the detected count. */
  headerRows: number;
  /** Field -> column letter the user chose, over the proposal. */
  map: Record<string, string>;
  /** Fields the user left without a column. */
  unmap: string[];
  /** Column letters to fill down; null to keep the proposal. */
  fillDown: string[] | null;
  skipSections: boolean;
  /** How to read 03/04/2024 in this import: '' keeps the user's preference. */
  dateOrder: '' | 'day' | 'month';
  skipInvalid: boolean;
  /** The field that matches rows to stored records; "" for the reference. */
  matchBy: string;
  /** survey-results: the ID of the survey the results go into. */
  survey: string;
  /** audit-results: the ID of the audit whose checklist the results go into. */
  audit: string;
  /** controls: bring a 2013 Statement of Applicability onto the 2022 controls. */
  from2013: boolean;
  /** risks: the file's own scale for likelihood and impact ("1-10", "Low=1, Medium=2, High=3"); '' for the method's. */
  scale: string;
  /** Field -> the same value for every row whose cell is empty ("Legal", "NIS2"). */
  fixed: Record<string, string>;
  /** IDs of the bulk fixes the user ticked in the preview. */
  fixes: string[];
  /** The field whose value makes rows one record: '' keeps the proposal, 'none' merges nothing. */
  mergeBy: string;
  /** Import every sheet that has the layout of this one, in the same run. */
  allSheets: boolean;
}

export const initialState: WizardState = {
  file: '',
  kind: '',
  sheet: '',
  headerRow: 0,
  headerRows: 0,
  map: {},
  unmap: [],
  fillDown: null,
  skipSections: true,
  dateOrder: '',
  skipInvalid: false,
  matchBy: '',
  survey: '',
  audit: '',
  from2013: false,
  scale: '',
  fixed: {},
  fixes: [],
  mergeBy: '',
  allSheets: false,
};

/** buildRequest turns the wizard's state into the importer's request. */
export function buildRequest(s: WizardState): ImportRequest {
  return {
    kind: s.kind,
    file: s.file,
    sheet: s.sheet,
    headerRow: s.headerRow,
    headerRows: s.headerRow > 0 ? headerRowCount(s.headerRows) : 0,
    map: { ...s.map },
    unmap: [...s.unmap],
    fillDown: s.fillDown ? [...s.fillDown] : [],
    keepSections: !s.skipSections,
    dayFirst: false,
    dateOrder: s.dateOrder,
    skipInvalid: s.skipInvalid,
    matchBy: s.matchBy,
    survey: s.kind === surveyResults ? s.survey : '',
    audit: s.kind === auditResults ? s.audit : '',
    from2013: s.kind === 'controls' && s.from2013,
    scale: s.kind === 'risks' ? (s.scale ?? '').trim() : '',
    fixed: fixedValues(s.fixed),
    fixes: [...(s.fixes ?? [])],
    // an emptied fill-down list means none, not the proposal
    noFillDown: s.fillDown !== null && s.fillDown.length === 0,
    mergeBy: s.mergeBy ?? '',
    sheets: [],
    allSheets: !!s.allSheets,
  };
}

/** surveyResults is the import kind of a survey's results, which go into a survey the user chooses. */
export const surveyResults = 'survey-results';

/** surveyMissing is true while a survey-results import has no survey chosen. */
export function surveyMissing(s: Pick<WizardState, 'kind' | 'survey'>): boolean {
  return s.kind === surveyResults && s.survey === '';
}

/** auditResults is the import kind of an audit's checklist results, which go into an audit the user chooses. */
export const auditResults = 'audit-results';

/** auditMissing is true while an audit-results import has no audit chosen. */
export function auditMissing(s: Pick<WizardState, 'kind' | 'audit'>): boolean {
  return s.kind === auditResults && s.audit === '';
}

/** Resetting what depends on the sheet's header: the mapping overrides. */
function withoutMapping(s: WizardState): WizardState {
  return { ...s, map: {}, unmap: [], fillDown: null, mergeBy: '', allSheets: false };
}

/** chooseFile starts over with a new file, keeping the kind and the reading options. */
export function chooseFile(s: WizardState, file: string): WizardState {
  return { ...withoutMapping(s), file, sheet: '', headerRow: 0, headerRows: 0, skipInvalid: false, from2013: false, fixes: [] };
}

/** chooseKind switches the record kind; the mapping starts again from the proposal. */
export function chooseKind(s: WizardState, kind: string): WizardState {
  return { ...withoutMapping(s), kind, matchBy: '', scale: '', fixed: {}, fixes: [] };
}

/** chooseSheet switches the sheet; the header is detected again. */
export function chooseSheet(s: WizardState, sheet: string): WizardState {
  return { ...withoutMapping(s), sheet, headerRow: 0, headerRows: 0 };
}

/** headerRowCount keeps a header's row count within 1 to 3 (column names under up to two bands). */
export function headerRowCount(n: number): number {
  return n === 2 || n === 3 ? n : 1;
}

/** chooseHeader sets the header row (0: detect) and its number of rows. */
export function chooseHeader(s: WizardState, row: number, rows: number): WizardState {
  return { ...withoutMapping(s), headerRow: row > 0 ? row : 0, headerRows: row > 0 ? headerRowCount(rows) : 0 };
}

/**
 * setFieldColumn maps a field to a column letter, or leaves it without one (null). A column
 * feeds one field, so another field the user had put on the same column lets go of it.
 */
export function setFieldColumn(s: WizardState, field: string, letter: string | null): WizardState {
  const map: Record<string, string> = {};
  for (const [f, l] of Object.entries(s.map)) {
    if (f !== field && l !== letter) map[f] = l;
  }
  let unmap = s.unmap.filter((f) => f !== field);
  if (letter) {
    map[field] = letter;
  } else {
    unmap = [...unmap, field];
  }
  return { ...s, map, unmap };
}

/** columnLetter is the Excel letter of a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** columnLabel is how a header column reads in a select: "B — Control Identifier". */
export function columnLabel(c: HeaderColumn): string {
  const name = c.name.replace(/\s+/g, ' ').trim();
  const base = name ? `${c.letter} — ${name}` : `${c.letter} — (no name)`;
  return c.hidden ? `${base} (hidden)` : base;
}

/** columnOptions are the header's columns as select options. */
export function columnOptions(columns: HeaderColumn[] | null | undefined): { value: string; label: string }[] {
  return (columns ?? []).map((c) => ({ value: c.letter, label: columnLabel(c) }));
}

/** sheetOptions are the workbook's sheets as select options, hidden ones marked. */
export function sheetOptions(p: SheetPreview | undefined): { value: string; label: string }[] {
  return (p?.sheets ?? []).map((s) => ({ value: s.name, label: s.hidden ? `${s.name} (hidden)` : s.name }));
}

/** effectiveHeader is the header row and row count in force: the user's, else the detected one. */
export function effectiveHeader(s: WizardState, p: SheetPreview | undefined): { row: number; rows: number } {
  if (s.headerRow > 0) return { row: s.headerRow, rows: headerRowCount(s.headerRows) };
  if (!p || p.headerRow <= 0) return { row: 0, rows: 1 };
  return { row: p.headerRow, rows: headerRowCount(p.headerRows) };
}

/** fileName is the last part of a path, Windows or Unix. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** countsSummary says in one line what an import will do or did. */
export function countsSummary(c: ImportCounts, done = false): string {
  const n = (v: number, one: string, many = one) => `${v.toLocaleString()} ${v === 1 ? one : many}`;
  const parts = done
    ? [`${n(c.created, 'created')}`, `${n(c.updated, 'updated')}`, `${n(c.unchanged, 'unchanged')}`, `${n(c.skipped, 'skipped')}`]
    : [`${n(c.created, 'to create')}`, `${n(c.updated, 'to update')}`, `${n(c.unchanged, 'unchanged')}`, `${n(c.invalid, 'invalid')}`];
  return `${n(c.rows, 'row', 'rows')}: ${parts.join(', ')}`;
}

/** canImport says whether the plan can be imported, and if not, why. */
export function importBlocker(plan: ImportPlan | undefined, skipInvalid: boolean): string | null {
  if (!plan) return 'The preview is not ready yet.';
  if ((plan.mappingProblems ?? []).length > 0) return 'The mapping gives no records yet: fix the mapping first.';
  if (plan.iso2013 && !plan.iso2013.applied) {
    return 'This is an ISO/IEC 27001:2013 Statement of Applicability: choose to bring it onto the 2022 controls first.';
  }
  if (plan.counts.rows === 0) return 'The sheet has no data rows below the header.';
  if (plan.counts.invalid > 0 && !skipInvalid) {
    const fixes = (plan.fixes ?? []).some((f) => !f.applied) ? 'apply the fixes offered, ' : '';
    return `${plan.counts.invalid.toLocaleString()} ${plan.counts.invalid === 1 ? 'row is' : 'rows are'} invalid: ${fixes}fix the file, or skip invalid rows and import the rest.`;
  }
  if (plan.counts.invalid >= plan.counts.rows) return 'Every row is invalid: there is nothing to import.';
  return null;
}

const plurals: Record<string, string> = {
  controls: 'controls', risks: 'risks', people: 'people', attendance: 'attendance', measurements: 'measurements',
};

/** importedPath is the route that lists the records of an import kind. */
export function importedPath(kind: string): string {
  if (kind === 'requirements') return '/requirements';
  if (kind === surveyResults) return '/records/surveys';
  if (kind === auditResults) return '/records/audits';
  return `/records/${plurals[kind] ?? kind}`;
}

/** progressPercent is done/total as a whole percentage, 0 without a total. */
export function progressPercent(p: { done: number; total: number } | null | undefined): number {
  if (!p || p.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)));
}

/** Kinds whose rows can be matched to stored records by a field other than the reference. */
export const matchableKinds = ['requirements', 'controls', 'risks'];

/** matchOptions lists the fields a register's rows can be matched by: the key first. */
export function matchOptions(fields: ImportField[]): { value: string; label: string }[] {
  return fields
    .filter((f) => f.key || f.name === 'title')
    .sort((a, b) => Number(!!b.key) - Number(!!a.key))
    .map((f) => ({ value: f.key ? '' : f.name, label: f.label }));
}

/** How sure the proposal of a column is, as the mapping step shows it. */
const confidenceText: Record<string, { label: string; colour: string; hint: string }> = {
  exact: { label: 'Exact', colour: 'green', hint: 'The header is this field’s name' },
  synonym: { label: 'Synonym', colour: 'teal', hint: 'The header is another name of this field' },
  guess: { label: 'Guess', colour: 'orange', hint: 'Only part of the header matched: check the column' },
  chosen: { label: 'Chosen', colour: 'blue', hint: 'You chose this column' },
  split: { label: 'Id in text', colour: 'grape', hint: 'The id at the start of each cell is the reference, the rest the title' },
};

/** confidenceOf says how a field's column was found, or null when it has none. */
export function confidenceOf(
  mapping: { columns: Record<string, string> | null; confidence?: Record<string, string> | null } | undefined,
  field: string,
): { label: string; colour: string; hint: string } | null {
  if (!mapping?.columns?.[field]) return null;
  return confidenceText[mapping.confidence?.[field] ?? ''] ?? null;
}

/** sectionsTitle heads the list of rows skipped as section headings. */
export function sectionsTitle(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'} skipped as section headings`;
}

/** dateWarningText says how an ambiguous date column was read and why, for the window. */
export function dateWarningText(w: { message: string; dayFirst: boolean; partial?: boolean }, localeHint?: string): string {
  if (w.partial) return `${w.message}. Write the whole date in the file if another day is meant.`;
  const why = w.dayFirst && localeHint ? ` (day first, as ${localeHint})` : '';
  return `${w.message}${why}. If that is wrong, change the date order in the reading options.`;
}

/** unmappedText names a column the import leaves out: `D “Plan d'action” (12 values)`. */
export function unmappedText(u: { column: string; name: string; values: number; hidden?: boolean }): string {
  const name = u.name.trim() === '' ? '(no header)' : `“${u.name.trim()}”`;
  return `${u.column} ${name} (${plural(u.values, 'value', 'values')}${u.hidden ? ', hidden' : ''})`;
}

/** fixedValues are the values for every row that are not blank, trimmed. */
export function fixedValues(fixed: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, v] of Object.entries(fixed ?? {})) {
    if (v.trim() !== '') out[f] = v.trim();
  }
  return out;
}

/** setFixed gives a field one value for every row ('' removes it). */
export function setFixed(s: WizardState, field: string, value: string): WizardState {
  const fixed = { ...(s.fixed ?? {}) };
  if (value === '') delete fixed[field];
  else fixed[field] = value;
  return { ...s, fixed };
}

/** fixableFields are the fields that can take one value for every row: all but the one identifying rows. */
export function fixableFields(fields: ImportField[]): ImportField[] {
  return fields.filter((f) => !f.key);
}

/** toggleFix ticks or unticks a bulk fix of the preview. */
export function toggleFix(s: WizardState, id: string, on: boolean): WizardState {
  const fixes = (s.fixes ?? []).filter((f) => f !== id);
  return { ...s, fixes: on ? [...fixes, id] : fixes };
}

/** rowsToImport is how many rows the import button writes: the invalid ones left out when skipped. */
export function rowsToImport(plan: ImportPlan, skipInvalid: boolean): number {
  return plan.counts.rows - (skipInvalid ? plan.counts.invalid : 0);
}

/** importLabel is the import button's text: "Import 1 row", "Import 2,500 rows". */
export function importLabel(plan: ImportPlan | undefined, skipInvalid: boolean): string {
  return plan ? `Import ${plural(rowsToImport(plan, skipInvalid), 'row', 'rows')}` : 'Import';
}

/** newPeopleText says who an import adds: "1 new person will be added", "3 new people were added". */
export function newPeopleText(n: number, done = false): string {
  const verb = done ? (n === 1 ? 'was' : 'were') : 'will be';
  return `${plural(n, 'new person', 'new people')} ${verb} added`;
}

/** guessedText says why the names of a guessed person column make nobody. */
export function guessedText(g: GuessedPeople, label: string): string {
  const more = g.count > (g.names ?? []).length ? ` and ${plural(g.count - (g.names ?? []).length, 'other', 'others')}` : '';
  return (
    `${label} was matched to column ${g.column} “${g.header}” by a guess, so nobody is added from it: ` +
    `${plural(g.count, 'name matches', 'names match')} no one (${(g.names ?? []).join(', ')}${more}), and ` +
    `${plural(g.rows, 'row is', 'rows are')} left without ${label.toLowerCase()}. Choose the column for ${label} in the mapping to add them as people.`
  );
}

/** repeatedTitlesText heads the warning about titles on several rows. */
export function repeatedTitlesText(n: number): string {
  return `${plural(n, 'title appears', 'titles appear')} on several rows`;
}

/** problemsTitle heads the list of problems: "1 problem", "8,012 problems". */
export function problemsTitle(n: number): string {
  return plural(n, 'problem', 'problems');
}

/** mergeOptions are the choices for records spread over several rows: none, or a mapped field that identifies a record. */
export function mergeOptions(fields: ImportField[], columns: Record<string, string> | null | undefined): { value: string; label: string }[] {
  const keyed = fields.filter((f) => (f.key || f.required) && columns?.[f.name]);
  return [
    { value: 'none', label: 'Each row is a record' },
    ...keyed.map((f) => ({ value: f.name, label: `Rows with the same ${f.label.toLowerCase()} are one record` })),
  ];
}

/** mergeValue is the merge choice in force: the user's, else the proposal's ('none' for no merge). */
export function mergeValue(s: Pick<WizardState, 'mergeBy'>, plan: { mapping: { mergeBy?: string } } | undefined): string {
  if (s.mergeBy) return s.mergeBy;
  return plan?.mapping.mergeBy || 'none';
}

/** mergedText says how many rows were joined into the records above them. */
export function mergedText(rows: number, records: number): string {
  const r = `${rows.toLocaleString()} ${rows === 1 ? 'row continues' : 'rows continue'}`;
  const into = records === 1 ? 'the record above it' : `${records.toLocaleString()} records above them`;
  return `${r} ${into} and ${rows === 1 ? 'is' : 'are'} joined into ${records === 1 ? 'it' : 'them'}.`;
}

/** sheetsText offers to import the other sheets with the same columns in the same run. */
export function sheetsText(sheets: string[]): string {
  const quoted = sheets.map((s) => `“${s}”`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
  return `Also import ${list}: ${sheets.length === 1 ? 'it has' : 'they have'} the same columns (one import, all or nothing)`;
}
