import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const reportKeys = {
  list: ['reports', 'list'] as const,
  targets: (kind: string) => ['reports', 'targets', kind] as const,
};

export function useReports() {
  return useQuery({ queryKey: reportKeys.list, queryFn: api.reports.list, staleTime: Infinity });
}

export function useReportTargets(kind: string) {
  return useQuery({ queryKey: reportKeys.targets(kind), queryFn: () => api.reports.targets(kind), enabled: kind !== '', staleTime: 0 });
}

export function useExportReport() {
  return useMutation({ mutationFn: ({ name, id }: { name: string; id: string }) => api.reports.export(name, id) });
}
