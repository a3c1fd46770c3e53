// Pure helpers for searching and sorting lists on the client.

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** compareText compares naturally ("REQ-2" before "REQ-10"), ignoring case and accents. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/** searchTerms splits a query into lower-case words; an empty query has none. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((t) => t !== '');
}

/** matchesTerms reports whether every term occurs in one of the values. */
export function matchesTerms(terms: string[], values: readonly (string | null | undefined)[]): boolean {
  if (terms.length === 0) return true;
  const hay = values.map((v) => (v ?? '').toLowerCase()).join('\u0000');
  return terms.every((t) => hay.includes(t));
}

export interface SortState<K extends string = string> {
  id: K;
  desc: boolean;
}

/**
 * sortByText returns a sorted copy of rows by the text key gives. Blank values sort last in
 * either direction; ties keep their original order.
 */
export function sortByText<T>(rows: readonly T[], key: (row: T) => string, desc: boolean): T[] {
  const keyed = rows.map((row, i) => ({ row, i, k: key(row) ?? '' }));
  keyed.sort((a, b) => {
    const ae = a.k === '';
    const be = b.k === '';
    if (ae !== be) return ae ? 1 : -1;
    const c = compareText(a.k, b.k);
    if (c !== 0) return desc ? -c : c;
    return a.i - b.i;
  });
  return keyed.map((e) => e.row);
}
