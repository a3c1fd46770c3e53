// Plain types of what the Go services return, as the screens use them. They mirror the
// generated models (src/lib/api/wailsjs/go/models.ts) without their class methods.

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

export interface Dashboard {
  counts: KindCount[];
  requirementStatuses: Bucket[];
  controlStatuses: Bucket[];
  nonconformityStatuses: Bucket[];
  overdue: Row[];
  upcoming: Row[];
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
  /** The digest of the previewed file; the import refuses a file that changed since. */
  sha256?: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'invalid' | 'section';

export interface PlannedRow {
  row: number;
  action: ImportAction | string;
  ref: string;
  title: string;
  problems: Problem[] | null;
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
}

export interface ImportResult {
  log: ImportLog;
  errors: Problem[] | null;
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
}
