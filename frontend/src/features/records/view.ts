// Search and sort of any kind's rows: pure functions.
import type { Row } from '../../lib/api';
import { formatDate, formatStatus } from '../../lib/format';
import { haystackCache, matchesHaystack, searchTerms, sortByText, type SortState } from '../../lib/view';

export type RowSortKey = 'ref' | 'title' | 'status' | 'ownerName' | 'due' | 'updatedAt';

const searchable = haystackCache<Row>((r) => [r.ref, r.title, r.status, formatStatus(r.status), r.ownerName]);

/** rowView keeps the rows matching the search, in their order, and sorts them when sort is given. */
export function rowView(rows: readonly Row[], search: string, sort: SortState<RowSortKey> | null): Row[] {
  const terms = searchTerms(search);
  const kept = terms.length === 0 ? [...rows] : rows.filter((r) => matchesHaystack(terms, searchable(r)));
  if (!sort) return kept;
  const key = (r: Row): string => {
    switch (sort.id) {
      case 'due':
        return formatDate(r.due);
      case 'status':
        return formatStatus(r.status);
      default:
        return r[sort.id] ?? '';
    }
  };
  return sortByText(kept, key, sort.desc);
}
