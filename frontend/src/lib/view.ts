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
  return matchesHaystack(terms, haystack(values));
}

/** haystack joins values into one lower-case text that search terms are looked up in. */
export function haystack(values: readonly (string | null | undefined)[]): string {
  return values.map((v) => (v ?? '').toLowerCase()).join('\u0000');
}

/** matchesHaystack reports whether every term occurs in a haystack. */
export function matchesHaystack(terms: string[], hay: string): boolean {
  return terms.every((t) => hay.includes(t));
}

/**
 * haystackCache returns a function giving a row's haystack of the values fields picks,
 * computed once per row object: typing in a search box over tens of thousands of rows then
 * lower-cases nothing. Rows must not be mutated (query data is not).
 */
export function haystackCache<T extends object>(fields: (row: T) => readonly (string | null | undefined)[]): (row: T) => string {
  const cache = new WeakMap<T, string>();
  return (row) => {
    let hay = cache.get(row);
    if (hay === undefined) {
      hay = haystack(fields(row));
      cache.set(row, hay);
    }
    return hay;
  };
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
