// Plain types of what the Go services return, as the screens use them. They mirror the
// generated models (src/lib/api/wailsjs/go/models.ts) without their class methods.
import type { DueItem } from './due';
import type { Plain } from './plan';
import type { overview } from './wailsjs/go/models';

/** A value of an enum or a record picker with its label. */
export interface Option {
  value: string;
  label: string;
}

/** A requirement of the register (clauses 4.1, 4.2). */
export interface Requirement {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  ref: string;
  title: string;
  text: string;
  sourceType: string;
  source: string;
  ownerId: string;
  applicable: boolean;
  status: string;
  evidence: string;
  dueDate: string;
  notes: string;
  controlIds: string[] | null;
  policyIds: string[] | null;
}

/** The editable part of a requirement, as the form sends it. */
export type RequirementInput = Omit<Requirement, 'id' | 'version' | 'createdAt' | 'updatedAt'> & {
  id?: string;
  version?: number;
};

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface Change {
  seq: number;
  at: string;
  op: string;
  source: string;
  hash: string;
  changes: FieldChange[] | null;
}

export interface LinkView {
  field: string;
  kind: string;
  kindLabel: string;
  id: string;
  ref: string;
  title: string;
  missing: boolean;
}

export interface RequirementDetail {
  requirement: Requirement;
  history: Change[] | null;
  links: LinkView[] | null;
  backlinks: LinkView[] | null;
}

export interface RequirementOptions {
  sources: Option[];
  statuses: Option[];
  people: Option[];
  controls: Option[];
  policies: Option[];
}

/** One record of any kind as a list shows it. */
export interface Row {
  kind: string;
  id: string;
  ref: string;
  title: string;
  status: string;
  ownerId: string;
  ownerName: string;
  due: string;
  updatedAt: string;
}

export interface Field {
  name: string;
  value: string;
}

export interface RecordDetail {
  row: Row;
  fields: Field[] | null;
  history: Change[] | null;
  links: LinkView[] | null;
  backlinks: LinkView[] | null;
}

export interface KindInfo {
  kind: string;
  plural: string;
  label: string;
}

export interface KindCount extends KindInfo {
  count: number;
}

export interface Bucket {
  status: string;
  count: number;
}

/** A decision the records wait for: an approval, acceptance or sign-off, with whose it is. */
export type DashboardDecision = Plain<overview.Decision>;
export type ObjectiveState = Plain<overview.ObjectiveState>;
export type KPIState = Plain<overview.KPIState>;
export type ThemeState = Plain<overview.ThemeState>;
export type NCBucket = Plain<overview.NCBucket>;
export type TimelineState = Plain<overview.TimelineState>;

export interface Dashboard {
  counts: KindCount[];
  requirementStatuses: Bucket[];
  controlStatuses: Bucket[];
  nonconformityStatuses: Bucket[];
  /** The list of what is due (api.due): what is overdue, and what is due within 30 days. */
  overdue: DueItem[];
  upcoming: DueItem[];
  /** The approvals, acceptances and sign-offs waiting, by sort, the longest waiting first. */
  decisions: DashboardDecision[];
  /** The approved and in-progress objectives with their progress from their KPIs. */
  objectives: ObjectiveState[];
  /** The active KPIs, red first, each with its recent values. */
  kpis: KPIState[];
  kpiRag: Plain<overview.RAGCount>;
  /** The applicable controls of each Annex A theme by implementation. */
  themes: ThemeState[];
  /** The open nonconformities by age and grade, every combination. */
  openNcs: NCBucket[];
  timeline: TimelineState;
}

export interface SystemInfo {
  name: string;
  version: string;
  dataDir: string;
  schemaVersion: number;
  /** Set when the data folder could not be opened. */
  error: string;
}

// ---- Excel import (ImportService) ----

/** A problem with one cell or row of a sheet, by Excel row and column letter. */
export interface Problem {
  row: number;
  column: string;
  field: string;
  message: string;
}

/** A target field of an import kind. */
export interface ImportField {
  name: string;
  label: string;
  required: boolean;
  type: string;
  enum?: string;
  options?: Option[] | null;
  key?: boolean;
}

/** A kind the import wizard brings in, with its fields. */
export interface ImportKind {
  kind: string;
  label: string;
  fields: ImportField[];
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/** One row of a sheet: its Excel row number and the text of its cells from column A. */
export interface SheetRow {
  num: number;
  cells: string[] | null;
}

/** The top of a sheet as a grid, with the header the app found. */
export interface SheetPreview {
  file: string;
  sheets: SheetInfo[] | null;
  sheet: string;
  rows: SheetRow[] | null;
  width: number;
  /** 0-based indexes of hidden columns. */
  hiddenColumns: number[] | null;
  /** Excel row number of the header, 0 when none was found. */
  headerRow: number;
  headerRows: number;
  headerError: string;
}

export interface HeaderColumn {
  index: number;
  letter: string;
  name: string;
  hidden?: boolean;
}

export interface Header {
  row: number;
  rows: number;
  firstColumn: number;
  columns: HeaderColumn[] | null;
  /** The table's last row when rows of another layout (a matrix, a legend) follow a gap; 0 or absent when none. */
  end?: number;
  /** How many rows with values lie below the table's end, left out. */
  below?: number;
}

/** A column mapping: field name -> column letter, and the reading options. */
export interface Mapping {
  kind: string;
  layoutKey: string;
  columns: Record<string, string> | null;
  fillDown: string[] | null;
  skipSections: boolean;
  locale: { dayFirst: boolean };
  scores?: Record<string, number> | null;
  /** How each column was found: 'exact', 'synonym', 'guess', or 'chosen' by the user. */
  confidence?: Record<string, string> | null;
  /** The file's own scale for risk scores: "1-10", or "Low=1, Medium=2, High=3". */
  scale?: string;
  /** Fields whose header matched a column whose values do not read as the field, with why. */
  notProposed?: Record<string, string> | null;
  /** The column whose cells start with an id: the id is the reference, the rest the title. */
  splitRef?: string;
  /** The field whose value makes rows one record (their values joined); '' for none. */
  mergeBy?: string;
  /** What the proposal found in the sheet's layout (xlsx.LayoutNote). */
  layout?: LayoutNote[] | null;
}

/** How the proposal read a sheet's layout: option is splitRef, fillDown or mergeBy. */
export interface LayoutNote {
  option: string;
  message: string;
}

/** A record read from several rows (importer.MergedRecord). */
export interface MergedRecord {
  sheet?: string;
  row: number;
  rows: number[] | null;
  ref: string;
}

/** A row skipped as a section heading (importer.SectionRow). */
export interface SectionRow {
  row: number;
  text: string;
  sheet?: string;
}

/** A date column read by the date order alone, or with dates that give no day (xlsx.DateWarning). */
export interface DateWarning {
  field: string;
  column: string;
  count: number;
  example: string;
  readAs: string;
  dayFirst: boolean;
  message: string;
  partial?: boolean;
}

/** A column with values that no field takes (xlsx.UnmappedColumn). */
export interface UnmappedColumn {
  column: string;
  name: string;
  values: number;
  hidden?: boolean;
}

/** What to import and how (importer.Request). */
export interface ImportRequest {
  kind: string;
  file: string;
  sheet: string;
  headerRow: number;
  headerRows: number;
  map: Record<string, string>;
  unmap: string[];
  fillDown: string[];
  keepSections: boolean;
  dayFirst: boolean;
  /** 'day' or 'month' overrides the user's date order preference; '' keeps it. */
  dateOrder: string;
  skipInvalid: boolean;
  /** The field that matches rows to stored records; "" for the reference. */
  matchBy: string;
  /** survey-results: the survey the results go into (its ID, reference or title). */
  survey?: string;
  /** audit-results: the audit whose checklist the results go into (its ID, reference or title). */
  audit?: string;
  /** The digest of the previewed file; the import refuses a file that changed since. */
  sha256?: string;
  /** controls: bring an ISO/IEC 27001:2013 Statement of Applicability onto the 2022 controls. */
  from2013?: boolean;
  /** risks: the file's own scale for likelihood and impact ("1-10", "Low=1, Medium=2, High=3"). */
  scale?: string;
  /** Field -> the same value for every row whose cell is empty (every row when the field has no column). */
  fixed?: Record<string, string>;
  /** IDs of the plan's bulk fixes to apply; "all" applies every one. */
  fixes?: string[];
  /** The field whose value makes rows one record: '' keeps the proposal, 'none' merges nothing. */
  mergeBy?: string;
  /** Fill no column down, not even the proposed ones. */
  noFillDown?: boolean;
  /** More sheets to import with `sheet`, in one run; allSheets: every sheet with its layout. */
  sheets?: string[];
  allSheets?: boolean;
}

/** A correction offered for every row that breaks one domain rule the same way (importer.Fix). */
export interface ImportFix {
  id: string;
  field: string;
  /** The rule the rows break, in words. */
  problem: string;
  /** What the fix does, with the number of rows: "Set the compliance status to Not applicable for these 8,012 rows". */
  description: string;
  rows: number;
  /** The first Excel rows it applies to. */
  examples: number[] | null;
  applied: boolean;
}

/** Row problems of one field with one kind of message (importer.ProblemGroup). */
export interface ProblemGroup {
  field: string;
  message: string;
  rows: number;
  examples: number[] | null;
  /** The ID of the fix offered for them, '' when none. */
  fix: string;
}

/** A title several rows share (importer.RepeatedTitle). */
export interface RepeatedTitle {
  title: string;
  count: number;
  rows: number[] | null;
}

/** Names of a person column proposed by a weak match that match no one: nobody is added from them (importer.GuessedPeople). */
export interface GuessedPeople {
  field: string;
  column: string;
  header: string;
  names: string[] | null;
  count: number;
  rows: number;
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'invalid' | 'section';

export interface PlannedRow {
  row: number;
  action: ImportAction | string;
  ref: string;
  title: string;
  problems: Problem[] | null;
  /** The sheet of the row, when the import reads several sheets. */
  sheet?: string;
}

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  invalid: number;
  sections: number;
}

/** What an import would do, before anything is written. */
export interface ImportPlan {
  request: ImportRequest;
  fileName: string;
  sha256: string;
  sheet: string;
  sheets: SheetInfo[] | null;
  header: Header;
  mapping: Mapping;
  fields: ImportField[] | null;
  /** The first rows only (at most 500); counts and errors cover every row. */
  rows: PlannedRow[] | null;
  newPeople: string[] | null;
  counts: ImportCounts;
  errors: Problem[] | null;
  mappingProblems: Problem[] | null;
  /** The rows skipped as section headings. */
  sections?: SectionRow[] | null;
  /** Date columns read by the date order alone, or with dates that give no day. */
  warnings?: DateWarning[] | null;
  /** Columns with values that no field takes: not imported. */
  unmapped?: UnmappedColumn[] | null;
  /** Why dates are read day-first when the file suggests it; '' otherwise. */
  localeHint?: string;
  /** Set when a controls file is a Statement of Applicability of ISO/IEC 27001:2013. */
  iso2013?: ISO2013 | null;
  /** The custom controls the import creates ("C-01 Visitor escort"). */
  newControls?: string[] | null;
  /** Person columns proposed by a weak match: the names nobody is made of. */
  guessedPeople?: GuessedPeople[] | null;
  /** Titles several rows share (the first ones), and how many there are. */
  repeatedTitles?: RepeatedTitle[] | null;
  repeatedTitleCount?: number;
  /** Row problems by field and kind of message, largest first. */
  problemGroups?: ProblemGroup[] | null;
  /** Bulk fixes offered for rows that break a domain rule the same way. */
  fixes?: ImportFix[] | null;
  /** The other sheets with this sheet's layout, and the sheets this plan reads. */
  layoutSheets?: string[] | null;
  sheetsRead?: string[] | null;
  /** The records read from several rows (the first 200), and how many rows were joined. */
  merged?: MergedRecord[] | null;
  mergedRows?: number;
}

/** A 2013 Statement of Applicability and what bringing it onto the 2022 controls does (importer.ISO2013). */
export interface ISO2013 {
  rows: number;
  headings: number;
  applied: boolean;
  message: string;
  /** The 2022 controls the rows update, each with the 2013 controls it takes its decision from. */
  targets: { ref: string; title: string; from: string[] | null; note: string }[] | null;
  /** 2013 controls of the file whose decision goes to several 2022 controls. */
  split: { from: string; to: string[] | null }[] | null;
  unmapped: string[] | null;
  /** The 2022 controls no 2013 control maps to, left as they were: "A.5.7 Threat intelligence". */
  new: string[] | null;
}

/** The log entry of one import. */
export interface ImportLog {
  id: string;
  kind: string;
  file: string;
  sha256: string;
  sheet: string;
  headerRow: number;
  mapping: Mapping;
  counts: ImportCounts;
  newPeople: number;
  at: string;
  revertedAt: string;
  skipped: Problem[] | null;
  /** The values given to every row, and the bulk fixes applied. */
  fixed?: Record<string, string> | null;
  fixes?: string[] | null;
}

export interface ImportResult {
  log: ImportLog;
  errors: Problem[] | null;
  sections?: SectionRow[] | null;
  /** The people and custom controls the import created. */
  newPeople?: string[] | null;
  newControls?: string[] | null;
}

/** The payload of "import:progress" and "export:progress" events. */
export interface Progress {
  done: number;
  total: number;
  report?: string;
}

// ---- Excel reports (ReportService) ----

export interface ReportInfo {
  name: string;
  title: string;
  about: string;
  needsId: boolean;
  /** The kind of record the report is about ("review", "audit"), "" when none. */
  idKind: string;
}

/** The user's settings. */
export interface Preferences {
  /** Dates such as 03/04/2024 in spreadsheets are day-first (3 April). */
  dayFirst: boolean;
  /** How many automatic backups are kept (1 to 100); 0 leaves it unchanged. */
  keepBackups: number;
}
