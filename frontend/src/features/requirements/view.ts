// The requirement register's filter, search and sort: pure functions over the list.
import type { Requirement } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { haystackCache, matchesHaystack, searchTerms, sortByText, type SortState } from '../../lib/view';

export type RequirementSortKey = 'ref' | 'title' | 'sourceType' | 'source' | 'owner' | 'status' | 'dueDate' | 'updatedAt';

export interface RequirementFilter {
  /** Free text matched against ref, title, text and source. */
  search: string;
  /** A compliance status value, or "" for any. */
  status: string;
  /** A source type value, or "" for any. */
  sourceType: string;
}

export const emptyFilter: RequirementFilter = { search: '', status: '', sourceType: '' };

const searchable = haystackCache<Requirement>((r) => [r.ref, r.title, r.text, r.source]);

/**
 * filterRequirements keeps the requirements that match the status, source type and search,
 * in their order: filtering a sorted list gives a sorted list.
 */
export function filterRequirements(rows: readonly Requirement[], f: RequirementFilter): readonly Requirement[] {
  const terms = searchTerms(f.search);
  if (terms.length === 0 && f.status === '' && f.sourceType === '') return rows;
  return rows.filter(
    (r) =>
      (f.status === '' || r.status === f.status) &&
      (f.sourceType === '' || r.sourceType === f.sourceType) &&
      (terms.length === 0 || matchesHaystack(terms, searchable(r))),
  );
}

/** sortRequirements returns a sorted copy; owners sort by name through ownerName. */
export function sortRequirements(
  rows: readonly Requirement[],
  sort: SortState<RequirementSortKey> | null,
  ownerName: (id: string) => string = () => '',
  label: (key: 'status' | 'sourceType', value: string) => string = (_k, v) => v,
): Requirement[] {
  if (!sort) return [...rows];
  const key = (r: Requirement): string => {
    switch (sort.id) {
      case 'owner':
        return r.ownerId ? ownerName(r.ownerId) : '';
      case 'dueDate':
        return formatDate(r.dueDate);
      case 'updatedAt':
        return r.updatedAt ?? '';
      case 'status':
      case 'sourceType':
        return label(sort.id, r[sort.id]);
      default:
        return r[sort.id] ?? '';
    }
  };
  return sortByText(rows, key, sort.desc);
}

/**
 * requirementView filters then sorts. The register sorts once and filters the sorted list on
 * each keystroke instead (the same result: both keep ties in their original order).
 */
export function requirementView(
  rows: readonly Requirement[],
  f: RequirementFilter,
  sort: SortState<RequirementSortKey> | null,
  ownerName?: (id: string) => string,
  label?: (key: 'status' | 'sourceType', value: string) => string,
): Requirement[] {
  return sortRequirements(filterRequirements(rows, f), sort, ownerName, label);
}
