// The only module that talks to the generated Wails bindings. Screens import `api` and
// the plain types; every failure arrives as an ApiError.
import * as Dashboards from './wailsjs/go/app/DashboardService';
import * as Imports from './wailsjs/go/app/ImportService';
import * as Records from './wailsjs/go/app/RecordService';
import * as Reports from './wailsjs/go/app/ReportService';
import * as Requirements from './wailsjs/go/app/RequirementService';
import * as System from './wailsjs/go/app/SystemService';
import { importer, isms, xlsx } from './wailsjs/go/models';
import { EventsOn } from './wailsjs/runtime/runtime';
import { arr, call } from './call';
import { plan } from './plan';
import { review } from './review';
import { corrective } from './corrective';
import { audit } from './audit';
import { monitoring } from './monitoring';
import { training } from './training';
import { feedback } from './feedback';
import { due } from './due';
import { desktop } from './window';
import { data } from './data';
import { search } from './search';
import { previewReport } from './reports';
import type {
  Preferences,
  Dashboard,
  ImportKind,
  ImportLog,
  ImportPlan,
  ImportRequest,
  ImportResult,
  KindInfo,
  Mapping,
  Option,
  Progress,
  ReportInfo,
  SheetPreview,
  RecordDetail,
  Requirement,
  RequirementDetail,
  RequirementInput,
  RequirementOptions,
  Row,
  SystemInfo,
} from './types';

export * from './errors';
export type * from './types';
export type * from './plan';
export type * from './review';
export type * from './corrective';
export type * from './audit';
export type * from './monitoring';
export type * from './training';
export type * from './feedback';
export type * from './data';
export type * from './due';
export type * from './search';
export type * from './reports';

function toRequirement(r: RequirementInput): isms.Requirement {
  return isms.Requirement.createFrom({
    ...r,
    id: r.id ?? '',
    version: r.version ?? 0,
    controlIds: r.controlIds ?? [],
    policyIds: r.policyIds ?? [],
  });
}


function toOptions(o: RequirementOptions): RequirementOptions {
  return {
    sources: arr(o?.sources),
    statuses: arr(o?.statuses),
    people: arr(o?.people),
    controls: arr(o?.controls),
    policies: arr(o?.policies),
  };
}

function toDashboard(d: Dashboard): Dashboard {
  return {
    counts: arr(d?.counts),
    requirementStatuses: arr(d?.requirementStatuses),
    controlStatuses: arr(d?.controlStatuses),
    nonconformityStatuses: arr(d?.nonconformityStatuses),
    overdue: arr(d?.overdue),
    upcoming: arr(d?.upcoming),
    decisions: arr(d?.decisions),
    objectives: arr(d?.objectives),
    kpis: arr(d?.kpis).map((k) => ({ ...k, values: arr(k.values) })),
    kpiRag: d?.kpiRag ?? { green: 0, amber: 0, red: 0, unmeasured: 0 },
    themes: arr(d?.themes),
    openNcs: arr(d?.openNcs).map((b) => ({ ...b, ids: arr(b.ids) })),
    timeline: { ...(d?.timeline ?? { total: 0, done: 0, due: 0, overdue: 0 }), dueIds: arr(d?.timeline?.dueIds), overdueIds: arr(d?.timeline?.overdueIds) },
  };
}

/** The Go services, typed and with normalised errors. */
export const api = {
  ...plan,
  ...review,
  ...corrective,
  ...audit,
  ...monitoring,
  ...training,
  ...feedback,
  ...due,
  ...desktop,
  ...data,
  ...search,
  requirements: {
    list: () => call<Requirement[] | null>(() => Requirements.List()).then(arr),
    get: (id: string) => call<RequirementDetail>(() => Requirements.Get(id)),
    create: (r: RequirementInput) => call<Requirement>(() => Requirements.Create(toRequirement(r))),
    update: (r: RequirementInput) => call<Requirement>(() => Requirements.Update(toRequirement(r))),
    remove: (id: string, version: number) => call<void>(() => Requirements.Delete(id, version)),
    options: () => call<RequirementOptions>(() => Requirements.Options()).then(toOptions),
  },
  records: {
    kinds: () => call<KindInfo[] | null>(() => Records.Kinds()).then(arr),
    list: (kind: string) => call<Row[] | null>(() => Records.List(kind)).then(arr),
    get: (kind: string, id: string) => call<RecordDetail>(() => Records.Get(kind, id)),
  },
  dashboard: {
    summary: () => call<Dashboard>(() => Dashboards.Summary()).then(toDashboard),
  },
  system: {
    info: () => call<SystemInfo>(() => System.Info()),
    /** Opens the native save dialog and writes a backup; the path, or "" when cancelled. */
    backup: () => call<string>(() => System.Backup()),
    preferences: () => call<Preferences>(() => System.Preferences()),
    setPreferences: (p: Preferences) => call<void>(() => System.SetPreferences(p)),
  },
  imports: {
    kinds: () =>
      call<ImportKind[] | null>(() => Imports.Kinds()).then((ks) => arr(ks).map((k) => ({ ...k, fields: arr(k.fields) }))),
    /** Opens the native file dialog; "" when the user cancels. */
    chooseFile: () => call<string>(() => Imports.ChooseFile()),
    inspect: (file: string, sheet: string, kind = '') => call<SheetPreview>(() => Imports.Inspect(file, sheet, kind)),
    preview: (req: ImportRequest) => call<ImportPlan>(() => Imports.Preview(importer.Request.createFrom(req))),
    /** Imports all rows or none, sending "import:progress" events. */
    run: (req: ImportRequest) => call<ImportResult>(() => Imports.Import(importer.Request.createFrom(req))),
    cancel: () => call<void>(() => Imports.Cancel()),
    saveMapping: (name: string, m: Mapping) => call<void>(() => Imports.SaveMapping(name, xlsx.Mapping.createFrom(m))),
    logs: () => call<ImportLog[] | null>(() => Imports.Logs()).then(arr),
    revert: (id: string) => call<ImportLog>(() => Imports.Revert(id)),
    /** Opens the native save dialog and writes the kind's Excel template; the path, or "" when cancelled. */
    saveTemplate: (kind: string) => call<string>(() => Imports.SaveTemplate(kind)),
  },
  reports: {
    list: () => call<ReportInfo[] | null>(() => Reports.List()).then(arr),
    targets: (kind: string) => call<Option[] | null>(() => Reports.Targets(kind)).then(arr),
    /** Opens the native save dialog and writes the report; the path, or "" when cancelled. */
    export: (name: string, id: string) => call<string>(() => Reports.Export(name, id)),
    /** The executive page the report would carry, worked out without saving it. */
    preview: previewReport,
    cancel: () => call<void>(() => Reports.Cancel()),
    open: (path: string) => call<void>(() => Reports.Open(path)),
  },
  events: {
    /** on listens to a Go event ("import:progress", "export:progress"); it returns the unsubscribe. */
    on: (name: string, fn: (p: Progress) => void): (() => void) => {
      if (typeof window === 'undefined' || window.runtime === undefined) return () => {};
      return EventsOn(name, (data: unknown) => fn(data as Progress));
    },
  },
};
