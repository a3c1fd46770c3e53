// The only module that talks to the generated Wails bindings. Screens import `api` and
// the plain types; every failure arrives as an ApiError.
import * as Dashboards from './wailsjs/go/app/DashboardService';
import * as Records from './wailsjs/go/app/RecordService';
import * as Requirements from './wailsjs/go/app/RequirementService';
import * as System from './wailsjs/go/app/SystemService';
import { isms } from './wailsjs/go/models';
import { patchWailsCallback } from './callback';
import { ApiError, normaliseError } from './errors';
import type {
  Dashboard,
  KindInfo,
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

declare global {
  interface Window {
    go?: unknown;
  }
}

async function call<T>(fn: () => Promise<unknown>): Promise<T> {
  if (typeof window === 'undefined' || window.go === undefined) {
    throw new ApiError('internal', 'The application backend is not available: open ISMS Desk from its window.');
  }
  patchWailsCallback();
  try {
    return (await fn()) as T;
  } catch (err) {
    throw normaliseError(err);
  }
}

function toRequirement(r: RequirementInput): isms.Requirement {
  return isms.Requirement.createFrom({
    ...r,
    id: r.id ?? '',
    version: r.version ?? 0,
    controlIds: r.controlIds ?? [],
    policyIds: r.policyIds ?? [],
  });
}

/** The Go services, typed and with normalised errors. */
export const api = {
  requirements: {
    list: () => call<Requirement[]>(() => Requirements.List()),
    get: (id: string) => call<RequirementDetail>(() => Requirements.Get(id)),
    create: (r: RequirementInput) => call<Requirement>(() => Requirements.Create(toRequirement(r))),
    update: (r: RequirementInput) => call<Requirement>(() => Requirements.Update(toRequirement(r))),
    remove: (id: string, version: number) => call<void>(() => Requirements.Delete(id, version)),
    options: () => call<RequirementOptions>(() => Requirements.Options()),
  },
  records: {
    kinds: () => call<KindInfo[]>(() => Records.Kinds()),
    list: (kind: string) => call<Row[]>(() => Records.List(kind)),
    get: (kind: string, id: string) => call<RecordDetail>(() => Records.Get(kind, id)),
  },
  dashboard: {
    summary: () => call<Dashboard>(() => Dashboards.Summary()),
  },
  system: {
    info: () => call<SystemInfo>(() => System.Info()),
  },
};
