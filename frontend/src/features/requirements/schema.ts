// The requirement form's values. zod checks their shape; Go decides what is valid and its
// field errors are shown on the fields.
import { z } from 'zod';
import type { Requirement, RequirementInput } from '../../lib/api';

export const requirementSchema = z.object({
  ref: z.string(),
  title: z.string(),
  text: z.string(),
  sourceType: z.string(),
  source: z.string(),
  ownerId: z.string(),
  applicable: z.boolean(),
  status: z.string(),
  evidence: z.string(),
  dueDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Enter a date as YYYY-MM-DD'),
  notes: z.string(),
  controlIds: z.array(z.string()),
  policyIds: z.array(z.string()),
});

export type RequirementValues = z.infer<typeof requirementSchema>;

/** The form's field names are the JSON names Go uses in its field errors. */
export type RequirementField = keyof RequirementValues;

export const fieldLabels: Record<RequirementField, string> = {
  ref: 'Reference',
  title: 'Title',
  text: 'Text',
  sourceType: 'Source type',
  source: 'Source',
  ownerId: 'Owner',
  applicable: 'Applicable',
  status: 'Status',
  evidence: 'Evidence',
  dueDate: 'Due date',
  notes: 'Notes',
  controlIds: 'Controls',
  policyIds: 'Policies',
};

export function isRequirementField(name: string): name is RequirementField {
  return Object.prototype.hasOwnProperty.call(fieldLabels, name);
}

export const blankRequirement: RequirementValues = {
  ref: '',
  title: '',
  text: '',
  sourceType: 'legal',
  source: '',
  ownerId: '',
  applicable: true,
  status: 'not_assessed',
  evidence: '',
  dueDate: '',
  notes: '',
  controlIds: [],
  policyIds: [],
};

export function valuesOf(r: Requirement): RequirementValues {
  return {
    ref: r.ref ?? '',
    title: r.title ?? '',
    text: r.text ?? '',
    sourceType: r.sourceType ?? '',
    source: r.source ?? '',
    ownerId: r.ownerId ?? '',
    applicable: r.applicable ?? true,
    status: r.status ?? '',
    evidence: r.evidence ?? '',
    dueDate: r.dueDate ?? '',
    notes: r.notes ?? '',
    controlIds: r.controlIds ?? [],
    policyIds: r.policyIds ?? [],
  };
}

/** inputOf builds what Go receives; an edit carries the id and the version that was read. */
export function inputOf(v: RequirementValues, base?: Pick<Requirement, 'id' | 'version'>): RequirementInput {
  return { ...v, ...(base ? { id: base.id, version: base.version } : {}) };
}

/** fieldMessage turns Go's "is required" into "Title is required"; full sentences stay as they are. */
export function fieldMessage(field: RequirementField, message: string): string {
  const m = message.trim();
  if (m === '') return `${fieldLabels[field]} is not valid`;
  const first = m.charAt(0);
  if (first === first.toLowerCase() && first !== first.toUpperCase()) return `${fieldLabels[field]} ${m}`;
  return m;
}
