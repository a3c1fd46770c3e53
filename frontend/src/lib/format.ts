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

export type StatusColour = 'green' | 'yellow' | 'orange' | 'red' | 'gray' | 'blue';

const green = new Set([
  'compliant', 'implemented', 'done', 'closed', 'completed', 'approved', 'published', 'achieved',
  'conforming', 'effective', 'accepted', 'green', 'present', 'verified',
]);
const amber = new Set([
  'partial', 'in_progress', 'in_review', 'planned', 'observation', 'opportunity', 'minor',
  'minor_nonconformity', 'amber', 'monitored', 'open', 'proposed', 'scheduled', 'treating',
]);
const red = new Set([
  'non_compliant', 'not_implemented', 'rejected', 'missed', 'major', 'major_nonconformity',
  'red', 'overdue', 'not_effective', 'ineffective', 'high', 'critical',
]);
const grey = new Set(['not_assessed', 'not_applicable', 'retired', 'cancelled', 'not_started', 'draft', '']);

/** statusColour gives a red/amber/green colour for statuses where the meaning is obvious. */
export function statusColour(value: string | null | undefined): StatusColour {
  const v = value ?? '';
  if (green.has(v)) return 'green';
  if (amber.has(v)) return v === 'open' ? 'orange' : 'yellow';
  if (red.has(v)) return 'red';
  if (grey.has(v)) return 'gray';
  return 'blue';
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
