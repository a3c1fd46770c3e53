// The record kit: what an area declares so that the shared register, detail page and form
// drawer can show and edit its records. A plain area is its columns, its fields and a
// blank record; a workflow area adds panels on its detail page and above its register.
import type { ComponentType, ReactNode } from 'react';
import type { Crud, Stored } from '../../lib/api';

/** How a field is edited and shown. */
export type FieldType =
  | 'text' // one line
  | 'textarea' // several lines
  | 'number'
  | 'date' // YYYY-MM-DD
  | 'bool'
  | 'enum' // one value of a Go enum (FieldSpec.enum)
  | 'enums' // several values of a Go enum
  | 'person' // one active person
  | 'people' // several people
  | 'record' // one record of FieldSpec.kind
  | 'records' // several records of FieldSpec.kind
  | 'list'; // a list of objects, edited by FieldSpec.input

/** FieldSpec is one field of an area's form and detail page. */
export interface FieldSpec<T> {
  /** The JSON name, as Go names it in its field errors. */
  name: keyof T & string;
  label: string;
  type: FieldType;
  /** The name of the Go enum (RecordService.Enums) for enum fields. */
  enum?: string;
  /** The kind offered by record pickers. */
  kind?: string;
  /** Columns of a 12-column grid the field takes in the form; 12 by default. */
  span?: number;
  placeholder?: string;
  description?: string;
  /** false leaves the field out of the form (it changes through a workflow action). */
  form?: boolean;
  /** false leaves the field out of the detail page's grid (a panel shows it). */
  detail?: boolean;
  /** When the field is shown in the form; always by default. */
  when?: (values: T) => boolean;
  /** Disables the field in the form for this record (e.g. an Annex A control's title). */
  locked?: (record: T | undefined) => boolean;
  min?: number;
  max?: number;
  /** A widget of the area's own for this field (a likelihood scale, ...). */
  input?: ComponentType<FieldInputProps>;
  /** How the detail page shows the field, when not by its type. */
  display?: ComponentType<{ record: T }>;
}

/** Props of an area's own field widget. */
export interface FieldInputProps {
  label: string;
  description?: string;
  error?: string;
  disabled?: boolean;
  value: unknown;
  onChange: (v: unknown) => void;
  onBlur: () => void;
}

/** Lookups turn stored values into words for people. */
export interface Lookups {
  enumLabel: (enumName: string, value: string) => string;
  person: (id: string) => string;
  record: (id: string) => string;
}

/** ColumnSpec is one column of an area's register. */
export interface ColumnSpec<T> {
  id: string;
  header: string;
  /** A CSS grid track, e.g. "120px" or "minmax(200px, 2fr)". */
  width?: string;
  /** The text or number the column sorts and searches by. */
  value: (r: T, l: Lookups) => string | number;
  /** How a cell shows; the value as text by default. */
  render?: (r: T, l: Lookups) => ReactNode;
}

/** A filter of the register on one enum field. */
export interface FilterSpec<T> {
  label: string;
  enum: string;
  value: (r: T) => string | string[];
}

/** Props of a panel on a record's detail page. */
export interface PanelProps<T> {
  record: T;
  lookups: Lookups;
}

/** Props of a panel above an area's register (a heat map, progress by theme, ...). */
export interface TopProps<T> {
  rows: T[];
  lookups: Lookups;
  /** Shows only the rows for which keep is true; null clears it. */
  setFilter: (f: { label: string; keep: (r: T) => boolean } | null) => void;
}

/** AreaConfig is everything the kit needs to know about an area's records. */
export interface AreaConfig<T extends Stored> {
  /** The kind, as Go names it: "risk". */
  kind: string;
  /** Its plural, as the routes and the command line use it: "risks". */
  plural: string;
  /** The register's title: "Risks". */
  title: string;
  /** One record in a sentence, lower case: "risk", "interested party". */
  noun: string;
  /** What the register is for; shown under the title and when it is empty. */
  about: string;
  clause?: string;
  service: Crud<T>;
  /** A new record's values. */
  blank: () => T;
  /** The record's reference and title, for headings and confirmations. */
  refOf: (r: T) => string;
  titleOf: (r: T) => string;
  /** The record's status and the enum it belongs to, for its badge. */
  status?: (r: T) => { value: string; enum: string } | null;
  columns: ColumnSpec<T>[];
  fields: FieldSpec<T>[];
  filters?: FilterSpec<T>[];
  /** The import kind when the import wizard brings these records in. */
  importKind?: string;
  /** Creates records in a way of its own (a policy from a template); replaces the form. */
  createWith?: ComponentType<{ opened: boolean; onClose: () => void; onCreated: (r: T) => void }>;
  /** Whether the New button is offered (Annex A controls come with the database). */
  creatable?: boolean;
  /** Why a record cannot be deleted, or null when it can. */
  undeletable?: (r: T) => string | null;
  /** Why a record cannot be edited with the form, or null when it can. */
  uneditable?: (r: T) => string | null;
  panels?: ComponentType<PanelProps<T>>[];
  /** Shown at the top of the form, inside its form context (e.g. a live SMART check);
   * record is the record being edited, absent for a new one. */
  formExtra?: ComponentType<{ record?: T }>;
  top?: ComponentType<TopProps<T>>;
  /** Replaces the register's table (a timeline, a matrix), offered as a second view. */
  views?: { id: string; label: string; component: ComponentType<TopProps<T>> }[];
  defaultSort?: { id: string; desc: boolean };
}

/** unsaved is the bookkeeping of a record not stored yet; Go assigns it on create. */
export const unsaved = { id: '', version: 0, createdAt: '', updatedAt: '' };
