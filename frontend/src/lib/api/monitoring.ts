// The services of monitoring and measurement (9.1): KPIs, their dated measurements and
// each KPI's standing as Go works it out (latest value, red/amber/green, trend, due).
import * as KPIs from './wailsjs/go/app/KPIService';
import * as Measurements from './wailsjs/go/app/MeasurementService';
import type { app, isms } from './wailsjs/go/models';
import { arr, call } from './call';
import { outgoing, type Crud, type Plain } from './plan';

export type KPI = Plain<isms.KPI>;
export type Measurement = Plain<isms.Measurement>;
export type KPIStatus = Plain<app.KPIStatus>;

const kpiCrud: Crud<KPI> = {
  list: () => call<KPI[] | null>(() => KPIs.List()).then(arr),
  get: (id) => call<KPI>(() => KPIs.Get(id)),
  create: (k) => call<KPI>(() => KPIs.Create(outgoing(k) as isms.KPI)),
  update: (k) => call<KPI>(() => KPIs.Update(outgoing(k) as isms.KPI)),
  remove: (id, version) => call<void>(() => KPIs.Delete(id, version)),
};

const measurementCrud: Crud<Measurement> = {
  list: () => call<Measurement[] | null>(() => Measurements.List()).then(arr),
  get: (id) => call<Measurement>(() => Measurements.Get(id)),
  create: (m) => call<Measurement>(() => Measurements.Create(outgoing(m) as isms.Measurement)),
  update: (m) => call<Measurement>(() => Measurements.Update(outgoing(m) as isms.Measurement)),
  remove: (id, version) => call<void>(() => Measurements.Delete(id, version)),
};

export const monitoring = {
  kpis: {
    ...kpiCrud,
    /** Every KPI's standing today: latest and previous value, RAG, trend, next due date. */
    status: () => call<KPIStatus[] | null>(() => KPIs.Status()).then(arr),
  },
  measurements: {
    ...measurementCrud,
    /** One KPI's measurements, oldest first. */
    ofKpi: (kpiId: string) => call<Measurement[] | null>(() => Measurements.OfKPI(kpiId)).then(arr),
    /** The quick entry: a value of a KPI measured on date (YYYY-MM-DD). */
    record: (kpiId: string, date: string, value: number, note = '') =>
      call<Measurement>(() => Measurements.Record(kpiId, date, value, note)),
  },
};
