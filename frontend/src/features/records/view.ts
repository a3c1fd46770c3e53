// Search and sort of any kind's rows: pure functions.
import type { Row } from '../../lib/api';
import { formatDate, formatStatus } from '../../lib/format';
import { matchesTerms, searchTerms, sortByText, type SortState } from '../../lib/view';

export type RowSortKey = 'ref' | 'title' | 'status' | 'ownerName' | 'due' | 'updatedAt';

/** rowView keeps the rows matching the search and sorts them. */
export function rowView(rows: readonly Row[], search: string, sort: SortState<RowSortKey> | null): Row[] {
  const terms = searchTerms(search);
  const kept = rows.filter((r) => matchesTerms(terms, [r.ref, r.title, r.status, formatStatus(r.status), r.ownerName]));
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
