import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ImportRequest } from '../../lib/api';

export const importKeys = {
  kinds: ['import', 'kinds'] as const,
  inspect: (file: string, sheet: string) => ['import', 'inspect', file, sheet] as const,
  preview: (req: ImportRequest) => ['import', 'preview', req] as const,
  logs: ['import', 'logs'] as const,
};

export function useImportKinds() {
  return useQuery({ queryKey: importKeys.kinds, queryFn: api.imports.kinds, staleTime: Infinity });
}

/** useInspect reads the top of the chosen sheet; it reads the file again each time. */
export function useInspect(file: string, sheet: string, kind: string) {
  return useQuery({
    queryKey: [...importKeys.inspect(file, sheet), kind],
    queryFn: () => api.imports.inspect(file, sheet, kind),
    enabled: file !== '',
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** usePreview works out what the import would do with the request; nothing is written. */
export function usePreview(req: ImportRequest, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.preview(req),
    queryFn: () => api.imports.preview(req),
    enabled: enabled && req.file !== '' && req.kind !== '',
    staleTime: 0,
    gcTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useImportLogs() {
  return useQuery({ queryKey: importKeys.logs, queryFn: api.imports.logs, staleTime: 0 });
}

/** Everything an import or a revert can change. */
export function useInvalidateImported() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['requirements'] }),
      qc.invalidateQueries({ queryKey: ['records'] }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
      qc.invalidateQueries({ queryKey: importKeys.logs }),
      qc.removeQueries({ queryKey: ['import', 'preview'] }),
    ]);
}

export function useRunImport() {
  const invalidate = useInvalidateImported();
  return useMutation({
    mutationFn: (req: ImportRequest) => api.imports.run(req),
    onSettled: () => invalidate(),
  });
}

export function useRevertImport() {
  const invalidate = useInvalidateImported();
  return useMutation({
    mutationFn: (id: string) => api.imports.revert(id),
    onSettled: () => invalidate(),
  });
}

export function useSaveMapping() {
  return useMutation({
    mutationFn: ({ name, mapping }: { name: string; mapping: Parameters<typeof api.imports.saveMapping>[1] }) =>
      api.imports.saveMapping(name, mapping),
  });
}
