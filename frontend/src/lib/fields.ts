// Reading a record's field values as the Go overview sends them: text, "yes"/"no", numbers,
// lists one value a line, and nested objects (checklists, agenda items, decisions,
// effectiveness reviews, survey questions, policy versions) as one JSON object a line.
import { displayValue, fieldLabel } from './format';

/** A nested object of a field value. */
export type Structured = Record<string, unknown>;

/** parseStructured reads a value made of JSON objects, one a line; null when it is not one. */
export function parseStructured(value: string | null | undefined): Structured[] | null {
  const text = (value ?? '').trim();
  if (!text.startsWith('{')) return null;
  const out: Structured[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const v: unknown = JSON.parse(line);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
      out.push(v as Structured);
    } catch {
      return null;
    }
  }
  return out.length > 0 ? out : null;
}

/** isIdField tells fields holding record ids: ownerId, controlIds, decisions.actionIds. */
export function isIdField(name: string): boolean {
  return /[a-z]Ids?$/.test(name.split('.').pop() ?? name);
}

/** idsOf splits a field value into ids, one a line. */
export function idsOf(value: string | null | undefined): string[] {
  return (value ?? '').split('\n').map((s) => s.trim()).filter((s) => s !== '');
}

// Keys read first in a nested object; the rest follow in their (alphabetical) order.
const leading = ['ref', 'number', 'version', 'topic', 'name', 'title', 'text', 'question', 'summary', 'status', 'result', 'decision', 'verdict'];

/** orderedKeys gives the keys of nested objects, the telling ones first, each once. */
export function orderedKeys(items: readonly Structured[]): string[] {
  const seen = new Set<string>();
  for (const item of items) for (const k of Object.keys(item)) seen.add(k);
  const keys = [...seen];
  const rank = (k: string) => {
    const i = leading.indexOf(k);
    return i < 0 ? leading.length : i;
  };
  return keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The management review inputs of ISO/IEC 27001:2022 9.3.2, by the code Go stores. */
const reviewInputs: Record<string, string> = {
  a: 'Status of actions from previous management reviews',
  b: 'Changes in external and internal issues',
  c: "Changes in interested parties' needs and expectations",
  d1: 'Nonconformities and corrective actions',
  d2: 'Monitoring and measurement results',
  d3: 'Audit results',
  d4: 'Fulfilment of information security objectives',
  e: 'Feedback from interested parties',
  f: 'Results of risk assessment and status of risk treatment plan',
  g: 'Opportunities for continual improvement',
};

/** scalarText shows a nested scalar or list as text; ids are left to the caller. */
export function scalarText(key: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (key === 'topic' && reviewInputs[v]) return `9.3.2 ${v.replace(/^([a-g])(\d)?$/, (_m, l: string, n?: string) => `(${l})${n ? `(${n})` : ''}`)} ${reviewInputs[v]}`;
    return displayValue(key, v);
  }
  if (Array.isArray(v)) return v.map((e) => scalarText(key, e)).filter(Boolean).join(', ');
  return summarise(v as Structured);
}

/** summarise shows a nested object on one line: "Ref: 4.3 · Question: … · Result: Conforming". */
export function summarise(item: Structured): string {
  return orderedKeys([item])
    .map((k) => [fieldLabel(k), scalarText(k, item[k])] as const)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
}

/** readableValue shows a field value as text: nested objects one summary a line. */
export function readableValue(field: string, value: string): string {
  const items = parseStructured(value);
  if (items) return items.map(summarise).join('\n');
  return displayValue(field, value);
}
