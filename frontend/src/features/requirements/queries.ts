import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RequirementInput } from '../../lib/api';
import { requirementsApi, type RequirementChange } from '../../lib/api/requirements';

export const requirementKeys = {
  all: ['requirements'] as const,
  list: ['requirements', 'list'] as const,
  detail: (id: string) => ['requirements', 'detail', id] as const,
  options: ['requirements', 'options'] as const,
  gap: ['requirements', 'gap'] as const,
};

export function useRequirements() {
  return useQuery({ queryKey: requirementKeys.list, queryFn: api.requirements.list });
}

export function useRequirement(id: string) {
  return useQuery({ queryKey: requirementKeys.detail(id), queryFn: () => api.requirements.get(id) });
}

export function useRequirementOptions() {
  return useQuery({ queryKey: requirementKeys.options, queryFn: api.requirements.options });
}

/**
 * The gap analysis. It also depends on controls, policies and evidence, which other screens
 * change: it is always read afresh when the screen opens.
 */
export function useGapAnalysis() {
  return useQuery({ queryKey: requirementKeys.gap, queryFn: requirementsApi.gapAnalysis, staleTime: 0 });
}

/** Everything a requirement change can affect: the register, the dashboard and other lists' backlinks. */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: requirementKeys.all }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
      qc.invalidateQueries({ queryKey: ['records'] }),
    ]);
}

export function useSaveRequirement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (r: RequirementInput) => (r.id ? api.requirements.update(r) : api.requirements.create(r)),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteRequirement() {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.requirements.remove(id, version),
    // The deleted record's own page must not refetch it (and flash "not found").
    onSuccess: (_, { id }) => {
      qc.removeQueries({ queryKey: requirementKeys.detail(id) });
      void invalidate();
    },
  });
}

/** useBulkUpdate applies one change to many requirements, all or none; it gives the number changed. */
export function useBulkUpdate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ ids, change }: { ids: string[]; change: RequirementChange }) => requirementsApi.bulkUpdate(ids, change),
    onSettled: () => invalidate(),
  });
}
