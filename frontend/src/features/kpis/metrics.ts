// The measures an automated KPI is worked out from, as Go lists them (KPIService.Metrics).
import { useQuery } from '@tanstack/react-query';
import { api, type Metric } from '../../lib/api';

/** useMetrics loads the automated measures once. */
export function useMetrics() {
  return useQuery({ queryKey: ['kpi-metrics'], queryFn: api.kpis.metrics, staleTime: Infinity });
}

/** isAutomated says whether a KPI source is worked out from the records ('' and 'manual' are entered by hand). */
export function isAutomated(source: string | undefined): boolean {
  return !!source && source !== 'manual';
}

/** metricOf finds the measure of an automated source; undefined for a KPI entered by hand or while they load. */
export function metricOf(metrics: Metric[] | undefined, source: string | undefined): Metric | undefined {
  return isAutomated(source) ? metrics?.find((m) => m.source === source) : undefined;
}
