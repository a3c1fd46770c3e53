// Formatting of enum values, dates and status colours for display.

const special: Record<string, string> = {
  non_compliant: 'Non-compliant',
  partial: 'Partially compliant',
  in_review: 'In review',
  kpi: 'KPI',
  kpis: 'KPIs',
  soa: 'SoA',
};

/** formatStatus turns an enum value into words: "not_assessed" -> "Not assessed". */
export function formatStatus(value: string | null | undefined): string {
  if (!value) return '';
  const known = special[value];
  if (known) return known;
  const words = value.replace(/[_-]+/g, ' ').trim();
  if (words === '') return '';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** formatDate shows a date or timestamp as YYYY-MM-DD, or "" when there is none. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (!m) return value;
  return m[1] === '0001-01-01' ? '' : m[1];
}

/** formatDateTime shows a timestamp as YYYY-MM-DD HH:MM in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1) return formatDate(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type StatusColour = 'green' | 'yellow' | 'orange' | 'red' | 'gray' | 'blue' | 'violet' | 'cyan' | 'teal';

// Each colour means one thing wherever a status shows:
// green: done and working; yellow: under way; orange: open, needs action (a minor
// nonconformity); red: failed or serious (a major nonconformity, overdue, non-compliant);
// gray: not started, not applicable, withdrawn; blue: planned (and any status not listed);
// violet: accepted by a decision, not solved (an accepted risk, accepted feedback);
// cyan: an observation; teal: an opportunity for improvement.
const colours: Record<Exclude<StatusColour, 'blue'>, string[]> = {
  green: ['compliant', 'implemented', 'done', 'closed', 'completed', 'approved', 'published', 'achieved', 'conforming',
    'effective', 'green', 'present', 'verified', 'attended', 'held', 'low', 'positive', 'converted'],
  yellow: ['partial', 'in_progress', 'in_review', 'amber', 'monitored', 'proposed', 'scheduled', 'treating', 'treated',
    'assessed', 'correction', 'root_cause', 'corrective_action', 'effectiveness_review', 'active', 'medium'],
  orange: ['open', 'minor', 'minor_nc', 'minor_nonconformity', 'identified', 'new', 'absent', 'raised'],
  red: ['non_compliant', 'not_implemented', 'rejected', 'missed', 'major', 'major_nc', 'major_nonconformity', 'red',
    'overdue', 'not_effective', 'ineffective', 'high', 'critical', 'negative'],
  gray: ['not_assessed', 'not_applicable', 'retired', 'cancelled', 'not_started', 'draft', 'not_checked', 'not_sampled',
    'excused', 'neutral', ''],
  violet: ['accepted'],
  cyan: ['observation'],
  teal: ['opportunity'],
};
const colourOf = new Map<string, StatusColour>(
  (Object.entries(colours) as [StatusColour, string[]][]).flatMap(([c, vs]) => vs.map((v) => [v, c] as [string, StatusColour])),
);

/** statusColour gives the colour of a status value; the same value has the same colour on every screen. */
export function statusColour(value: string | null | undefined): StatusColour {
  return colourOf.get(value ?? '') ?? 'blue';
}

/** fieldLabel turns a JSON field name into words: "dueDate" -> "Due date", "controlIds" -> "Controls". */
export function fieldLabel(name: string): string {
  const base = name.replace(/Ids$/, 's').replace(/Id$/, '');
  const words = base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return formatStatus(words.replace(/ /g, '_'));
}

const enumField = /(status|type|theme|applicability|result|treatment|option|level|verdict|decision|channel|frequency|category|direction|op)$/i;

/** displayValue shows a record field's text value, turning enum values into words. */
export function displayValue(field: string, value: string): string {
  if (/^[a-z]+(_[a-z]+)+$/.test(value)) return formatStatus(value);
  if (enumField.test(field) && /^[a-z]+$/.test(value)) return formatStatus(value);
  if (value === 'yes' || value === 'no') return formatStatus(value);
  return value;
}

/** plural writes a count with its word: "1 record", "8,012 records". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
