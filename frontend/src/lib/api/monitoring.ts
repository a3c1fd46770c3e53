// The services of monitoring and measurement (9.1): KPIs, their dated measurements, each
// KPI's standing as Go works it out (latest value, red/amber/green, trend, due), and the
// measures an automated KPI is worked out from.
import * as KPIs from './wailsjs/go/app/KPIService';
import * as Measurements from './wailsjs/go/app/MeasurementService';
import type { app, isms } from './wailsjs/go/models';
import { arr, call } from './call';
import { crud, type Bound, type Plain } from './plan';

export type KPI = Plain<isms.KPI>;
export type Measurement = Plain<isms.Measurement>;
export type KPIStatus = Plain<app.KPIStatus>;
export type Metric = Plain<isms.Metric>;

export const monitoring = {
  kpis: {
    ...crud<KPI>(KPIs as unknown as Bound, []),
    /** Every KPI's standing today: latest and previous value, RAG, trend, next due date.
     * Go measures the automated KPIs that are due first. */
    status: () => call<KPIStatus[] | null>(() => KPIs.Status()).then(arr),
    /** The measures an automated KPI can be worked out from, with their defaults. */
    metrics: () => call<Metric[] | null>(() => KPIs.Metrics()).then(arr),
    /** Measures an automated KPI from the records today. */
    measureNow: (id: string) => call<Measurement>(() => KPIs.MeasureNow(id)),
  },
  measurements: {
    ...crud<Measurement>(Measurements as unknown as Bound, []),
    /** One KPI's measurements, oldest first. */
    ofKpi: (kpiId: string) => call<Measurement[] | null>(() => Measurements.OfKPI(kpiId)).then(arr),
    /** The quick entry: a value of a KPI measured on date (YYYY-MM-DD). */
    record: (kpiId: string, date: string, value: number, note = '') =>
      call<Measurement>(() => Measurements.Record(kpiId, date, value, note)),
  },
};
