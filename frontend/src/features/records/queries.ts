import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const recordKeys = {
  list: (plural: string) => ['records', 'list', plural] as const,
  detail: (plural: string, id: string) => ['records', 'detail', plural, id] as const,
};

export function useRecords(plural: string) {
  return useQuery({ queryKey: recordKeys.list(plural), queryFn: () => api.records.list(plural) });
}

export function useRecord(plural: string, id: string | undefined) {
  return useQuery({
    queryKey: recordKeys.detail(plural, id ?? ''),
    queryFn: () => api.records.get(plural, id ?? ''),
    enabled: id !== undefined && id !== '',
  });
}
