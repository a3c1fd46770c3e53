// The rows the KPI and measurement registers show: the stored record with what the
// register needs beside it (a KPI's standing from Go; a measurement's KPI). What goes back
// to Go is the stored record alone.
import { api, type Crud, type KPI, type KPIStatus, type Measurement } from '../../lib/api';

/** A KPI with its standing today (KPIService.Status); null until Go has given it. */
export type KpiRow = KPI & { status: KPIStatus | null };

/** A measurement with its KPI; null when the KPI is not found. */
export type MeasurementRow = Measurement & { kpi: KPI | null };

function without<T extends object, K extends keyof T>(r: T, key: K): Omit<T, K> {
  const out: Partial<T> = { ...r };
  delete out[key];
  return out as Omit<T, K>;
}

const kpiOnly = (r: KpiRow): KPI => without(r, 'status');
const measurementOnly = (r: MeasurementRow): Measurement => without(r, 'kpi');

export const kpiService: Crud<KpiRow> = {
  list: async () => {
    const [kpis, status] = await Promise.all([api.kpis.list(), api.kpis.status()]);
    const by = new Map(status.map((s) => [s.kpiId, s]));
    return kpis.map((k) => ({ ...k, status: by.get(k.id) ?? null }));
  },
  get: async (id) => {
    const [k, status] = await Promise.all([api.kpis.get(id), api.kpis.status()]);
    return { ...k, status: status.find((s) => s.kpiId === id) ?? null };
  },
  create: (r) => api.kpis.create(kpiOnly(r)).then((k) => ({ ...k, status: null })),
  update: (r) => api.kpis.update(kpiOnly(r)).then((k) => ({ ...k, status: r.status })),
  remove: (id, version) => api.kpis.remove(id, version),
};

export const measurementService: Crud<MeasurementRow> = {
  list: async () => {
    const [ms, kpis] = await Promise.all([api.measurements.list(), api.kpis.list()]);
    const by = new Map(kpis.map((k) => [k.id, k]));
    return ms.map((m) => ({ ...m, kpi: by.get(m.kpiId) ?? null }));
  },
  get: async (id) => {
    const m = await api.measurements.get(id);
    const kpi = m.kpiId ? await api.kpis.get(m.kpiId).catch(() => null) : null;
    return { ...m, kpi };
  },
  create: (r) => api.measurements.create(measurementOnly(r)).then((m) => ({ ...m, kpi: r.kpiId === m.kpiId ? r.kpi : null })),
  update: (r) => api.measurements.update(measurementOnly(r)).then((m) => ({ ...m, kpi: r.kpi?.id === m.kpiId ? r.kpi : null })),
  remove: (id, version) => api.measurements.remove(id, version),
};
