// Queries the record kit shares: an area's list and record, the enums and pickers, and
// the names that turn IDs into words.
import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Crud, type Option, type Stored } from '../../lib/api';
import { formatStatus } from '../../lib/format';
import type { Lookups } from './kit';

/** kitKeys is the query-key factory of the kit's areas. */
export const kitKeys = {
  area: (plural: string) => ['area', plural] as const,
  list: (plural: string) => ['area', plural, 'list'] as const,
  one: (plural: string, id: string) => ['area', plural, 'one', id] as const,
  enums: ['enums'] as const,
  choices: (kind: string) => ['choices', kind] as const,
};

export function useAreaList<T extends Stored>(plural: string, service: Crud<T>) {
  return useQuery({ queryKey: kitKeys.list(plural), queryFn: service.list });
}

export function useAreaRecord<T extends Stored>(plural: string, service: Crud<T>, id: string) {
  return useQuery({ queryKey: kitKeys.one(plural, id), queryFn: () => service.get(id), enabled: id !== '' });
}

/** useInvalidate refreshes everything a change of one area can affect. */
export function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['area'] }),
      qc.invalidateQueries({ queryKey: ['records'] }),
      qc.invalidateQueries({ queryKey: ['choices'] }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
      qc.invalidateQueries({ queryKey: ['requirements'] }),
    ]);
}

/** useAreaMutation runs a change and refreshes what it affects. */
export function useAreaMutation<A, R>(fn: (a: A) => Promise<R>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}

export function useEnums() {
  return useQuery({ queryKey: kitKeys.enums, queryFn: api.options.enums, staleTime: Infinity });
}

/** useChoices lists the records of a kind as a picker offers them. */
export function useChoices(kind: string | undefined) {
  return useQuery({ queryKey: kitKeys.choices(kind ?? ''), queryFn: () => api.options.choices(kind ?? ''), enabled: !!kind });
}

/** usePeople lists every person, those who left included, for names. */
export function usePeople() {
  return useQuery({ queryKey: kitKeys.list('people'), queryFn: api.people.list });
}

/** useLookups turns enum values, person IDs and record IDs into words. */
export function useLookups(recordKinds: string[] = []): Lookups {
  const enums = useEnums();
  const people = usePeople();
  const kinds = useMemo(() => [...new Set(recordKinds)].sort(), [recordKinds.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const a = useChoices(kinds[0]);
  const b = useChoices(kinds[1]);
  const c = useChoices(kinds[2]);
  return useMemo(() => {
    const enumMaps = new Map<string, Map<string, string>>();
    for (const [name, opts] of Object.entries(enums.data ?? {})) enumMaps.set(name, new Map((opts ?? []).map((o) => [o.value, o.label])));
    const names = new Map((people.data ?? []).map((p) => [p.id, p.active ? p.name : `${p.name} (left)`]));
    const records = new Map<string, string>();
    for (const q of [a.data, b.data, c.data]) for (const o of q ?? []) records.set(o.value, o.label);
    return {
      enumLabel: (e, v) => (v ? (enumMaps.get(e)?.get(v) ?? formatStatus(v)) : ''),
      person: (id) => (id ? (names.get(id) ?? 'Unknown person') : ''),
      record: (id) => records.get(id) ?? names.get(id) ?? id,
    };
  }, [enums.data, people.data, a.data, b.data, c.data]);
}

/** optionsOf returns an enum's options, or [] while they load. */
export function optionsOf(enums: Record<string, Option[]> | undefined, name: string | undefined): Option[] {
  return (name && enums?.[name]) || [];
}
