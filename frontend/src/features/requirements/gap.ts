// The gap analysis screen's filter, search and sort: pure functions over Go's analysis.
import type { GapItem } from '../../lib/api/requirements';
import { haystackCache, matchesHaystack, searchTerms, sortByText, type SortState } from '../../lib/view';

export type GapSortKey = 'ref' | 'title' | 'sourceType' | 'status' | 'coverage' | 'reason' | 'controls' | 'evidence';

export interface GapFilter {
  /** Free text matched against reference, title, reason and control references. */
  search: string;
  /** A coverage value, or "" for any. */
  coverage: string;
  /** A source type value, or "" for any. */
  sourceType: string;
}

export const emptyGapFilter: GapFilter = { search: '', coverage: '', sourceType: '' };

/** The Mantine colour of each coverage: covered green, partly covered amber, gap red. */
export function coverageColour(coverage: string): 'green' | 'yellow' | 'red' | 'gray' {
  switch (coverage) {
    case 'covered':
      return 'green';
    case 'partial':
      return 'yellow';
    case 'gap':
      return 'red';
    default:
      return 'gray';
  }
}

/** coverageRank orders coverage worst first: a gap, then partly covered, then covered. */
function coverageRank(coverage: string): string {
  return String(['gap', 'partial', 'covered'].indexOf(coverage) + 1);
}

/** controlRefs lists an item's linked controls by reference: "A.5.1, A.8.13". */
export function controlRefs(item: GapItem): string {
  return (item.controls ?? []).map((c) => c.ref).join(', ');
}

/** evidenceCount is how many pieces of evidence an item has: its records, or 1 for its evidence text alone. */
export function evidenceCount(item: GapItem): number {
  return item.evidence > 0 ? item.evidence : item.evidenceNoted ? 1 : 0;
}

const searchable = haystackCache<GapItem>((i) => [i.ref, i.title, i.reason, controlRefs(i)]);

/** filterGap keeps the items that match the coverage, source type and search, in their order. */
export function filterGap(items: readonly GapItem[], f: GapFilter): readonly GapItem[] {
  const terms = searchTerms(f.search);
  if (terms.length === 0 && f.coverage === '' && f.sourceType === '') return items;
  return items.filter(
    (i) =>
      (f.coverage === '' || i.coverage === f.coverage) &&
      (f.sourceType === '' || i.sourceType === f.sourceType) &&
      (terms.length === 0 || matchesHaystack(terms, searchable(i))),
  );
}

/**
 * sortGap returns a sorted copy. Coverage sorts worst first (ascending), evidence by
 * number; status and source type by their labels through label.
 */
export function sortGap(
  items: readonly GapItem[],
  sort: SortState<GapSortKey> | null,
  label: (key: 'status' | 'sourceType', value: string) => string = (_k, v) => v,
): GapItem[] {
  if (!sort) return [...items];
  const key = (i: GapItem): string => {
    switch (sort.id) {
      case 'coverage':
        return coverageRank(i.coverage);
      case 'evidence':
        return String(evidenceCount(i)).padStart(9, '0');
      case 'controls':
        return controlRefs(i);
      case 'status':
      case 'sourceType':
        return label(sort.id, i[sort.id]);
      default:
        return i[sort.id] ?? '';
    }
  };
  return sortByText(items, key, sort.desc);
}
