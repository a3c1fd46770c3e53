// The requirements register's analysis and bulk edits: the gap analysis (coverage by
// controls, policies and evidence) and one change applied to many requirements at once.
import * as Requirements from './wailsjs/go/app/RequirementService';
import { app, type overview } from './wailsjs/go/models';
import { arr, call } from './call';
import type { Plain } from './plan';

export type Gap = Plain<overview.Gap>;
export type GapItem = Plain<overview.GapItem>;
export type GapControl = Plain<overview.GapControl>;
export type GapSource = Plain<overview.GapSource>;
export type Contradiction = Plain<overview.Contradiction>;
export type RequirementChange = Plain<app.RequirementChange>;

/** The coverage values Go gives (overview.Coverage*). */
export type Coverage = 'covered' | 'partial' | 'gap';

const fixItem = (i: GapItem): GapItem => ({ ...i, controls: arr(i.controls) });

/** fixGap makes Go's nil slices arrays, once. */
export function fixGap(g: Gap): Gap {
  return {
    ...g,
    requirements: arr(g?.requirements).map(fixItem),
    notApplicable: arr(g?.notApplicable).map(fixItem),
    sources: arr(g?.sources),
    contradictions: arr(g?.contradictions),
    coverages: arr(g?.coverages),
  };
}

export const requirementsApi = {
  /** Every requirement's coverage, the counts per source type and the contradicted assessments. */
  gapAnalysis: () => call<Gap>(() => Requirements.GapAnalysis()).then(fixGap),
  /**
   * Applies one change to every listed requirement, all or none; the number changed (those
   * that already had the values are not counted). A validation error names the requirement.
   */
  bulkUpdate: (ids: string[], change: RequirementChange) =>
    call<number>(() => Requirements.BulkUpdate(ids, app.RequirementChange.createFrom(change))),
};
