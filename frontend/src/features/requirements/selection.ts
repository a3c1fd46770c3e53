// The register's selection for bulk edits: a set of requirement IDs kept by the page,
// and the words of the bulk edit's outcome. Pure functions; the sets are never mutated.
import type { RequirementChange } from '../../lib/api/requirements';

/** toggleOne adds or removes one ID. */
export function toggleOne(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** headerState says whether none, some or all of the shown rows are selected. */
export function headerState(selected: ReadonlySet<string>, shown: readonly string[]): 'none' | 'some' | 'all' {
  let n = 0;
  for (const id of shown) if (selected.has(id)) n++;
  if (n === 0) return 'none';
  return n === shown.length ? 'all' : 'some';
}

/**
 * toggleShown selects every shown row, or, when they are all selected already, unselects
 * them; rows selected but filtered out stay as they are.
 */
export function toggleShown(selected: ReadonlySet<string>, shown: readonly string[]): Set<string> {
  const next = new Set(selected);
  if (headerState(selected, shown) === 'all') for (const id of shown) next.delete(id);
  else for (const id of shown) next.add(id);
  return next;
}

/** keepExisting drops IDs of requirements that are no longer in the register. */
export function keepExisting(selected: ReadonlySet<string>, existing: readonly string[]): ReadonlySet<string> {
  const have = new Set(existing);
  let stale = false;
  for (const id of selected) if (!have.has(id)) stale = true;
  if (!stale) return selected;
  return new Set([...selected].filter((id) => have.has(id)));
}

/** The fields a bulk edit can set. */
export type BulkField = 'status' | 'owner' | 'sourceType' | 'source';

const none: RequirementChange = {
  setStatus: false, status: '', setOwner: false, ownerId: '', setSourceType: false, sourceType: '', setSource: false, source: '',
};

/** changeOf is the change that sets one field to value ("" owner: no owner). */
export function changeOf(field: BulkField, value: string): RequirementChange {
  switch (field) {
    case 'status':
      return { ...none, setStatus: true, status: value };
    case 'owner':
      return { ...none, setOwner: true, ownerId: value };
    case 'sourceType':
      return { ...none, setSourceType: true, sourceType: value };
    case 'source':
      return { ...none, setSource: true, source: value.trim() };
  }
}

/** The JSON name of each bulk field, as Go's field errors use it. */
export const bulkFieldName: Record<BulkField, string> = {
  status: 'status', owner: 'ownerId', sourceType: 'sourceType', source: 'source',
};

const nouns: Record<BulkField, string> = { status: 'status', owner: 'owner', sourceType: 'source type', source: 'source' };

const requirements = (n: number) => (n === 1 ? '1 requirement' : `${n.toLocaleString()} requirements`);

/** bulkOutcome puts a bulk edit's result in words: "3 requirements updated". */
export function bulkOutcome(field: BulkField, changed: number, selected: number): string {
  const same = selected - changed;
  if (changed === 0) return selected === 1 ? `The requirement already had this ${nouns[field]}.` : `All ${requirements(selected)} already had this ${nouns[field]}.`;
  const done = `${requirements(changed)} updated`;
  if (same <= 0) return `${done}.`;
  return `${done}; ${same === 1 ? '1 already had' : `${same.toLocaleString()} already had`} this ${nouns[field]}.`;
}

/** bulkTitle is the modal's title: "Set the status of 3 requirements". */
export function bulkTitle(field: BulkField, selected: number): string {
  return `Set the ${nouns[field]} of ${requirements(selected)}`;
}
