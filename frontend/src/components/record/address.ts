// A register opened from a link: the address says what to show (the dashboard's figures
// link into the registers this way). Read once when the register opens.

/** filterKey is how a filter is named in the address: its label in lower case, words joined by "-" ("Measured from" -> "measured-from"). */
export function filterKey(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** What the address asks a register to show. */
export interface AddressView {
  /** The search words (?q=). */
  search: string;
  /** Filter values by filter label (?status=accepted); the filters not named are cleared. */
  filters: Record<string, string | null>;
  /** Only these records (?ids=a,b), with the label of the selection (?label=). */
  ids: string[] | null;
  label: string;
  /** The address keys read, to take off the address once applied. */
  keys: string[];
}

/**
 * viewFromAddress reads ?q=, ?<filter>=value (for the register's filters, see filterKey;
 * also ?filter=<filter>:value) and ?ids=&label= from the address; null when the address
 * names none of them.
 */
export function viewFromAddress(search: string, filters: readonly { label: string }[]): AddressView | null {
  const p = new URLSearchParams(search);
  const out: AddressView = { search: '', filters: {}, ids: null, label: '', keys: [] };
  const byKey = new Map(filters.map((f) => [filterKey(f.label), f.label]));
  const set = (key: string, value: string) => {
    const label = byKey.get(filterKey(key));
    if (label && value !== '') out.filters[label] = value;
    return !!label;
  };
  for (const [key, value] of p) {
    if (key === 'q') {
      out.search = value;
      out.keys.push(key);
    } else if (key === 'ids') {
      out.ids = value.split(',').map((s) => s.trim()).filter(Boolean);
      out.keys.push(key);
    } else if (key === 'label') {
      out.label = value;
      out.keys.push(key);
    } else if (key === 'filter') {
      const i = value.indexOf(':');
      if (i > 0 && set(value.slice(0, i), value.slice(i + 1))) out.keys.push(key);
    } else if (set(key, value)) {
      out.keys.push(key);
    }
  }
  if (out.keys.length === 0) return null;
  if (out.ids && !out.label) out.label = out.ids.length === 1 ? '1 record selected' : `${out.ids.length} records selected`;
  return out;
}
