import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const systemKeys = { info: ['system', 'info'] as const };

/** useSystemInfo reads the application's name, version and data folder. */
export function useSystemInfo() {
  return useQuery({ queryKey: systemKeys.info, queryFn: api.system.info, staleTime: Infinity });
}
