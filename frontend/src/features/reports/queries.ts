import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const reportKeys = {
  list: ['reports', 'list'] as const,
  targets: (kind: string) => ['reports', 'targets', kind] as const,
  preview: (name: string, id: string) => ['reports', 'preview', name, id] as const,
};

export function useReports() {
  return useQuery({ queryKey: reportKeys.list, queryFn: api.reports.list, staleTime: Infinity });
}

export function useReportTargets(kind: string) {
  return useQuery({ queryKey: reportKeys.targets(kind), queryFn: () => api.reports.targets(kind), enabled: kind !== '', staleTime: 0 });
}

/** useReportPreview works out the executive page the report would carry, from live records. */
export function useReportPreview(name: string, id: string, enabled: boolean) {
  return useQuery({ queryKey: reportKeys.preview(name, id), queryFn: () => api.reports.preview(name, id), enabled, staleTime: 0 });
}

export function useExportReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name, id }: { name: string; id: string }) => api.reports.export(name, id),
    // a saved export moves the version on and becomes the base of the changes shown
    onSuccess: (_path, { name }) => qc.invalidateQueries({ queryKey: ['reports', 'preview', name] }),
  });
}
