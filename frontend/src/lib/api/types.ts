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
