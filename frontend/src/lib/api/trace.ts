// The traceability service: the chain from a requirement to its evidence (requirements,
// risks, assets, controls, policies, KPIs, evidence, audits and nonconformities) around
// any record, with its gaps.
import * as Traces from './wailsjs/go/app/TraceService';
import type { overview } from './wailsjs/go/models';
import { arr, call } from './call';
import type { Plain } from './plan';

export type TraceView = Plain<overview.TraceView>;
export type TraceColumn = Plain<overview.TraceColumn>;
export type TraceItem = Plain<overview.TraceItem>;
export type TraceGap = Plain<overview.TraceGap>;
export type TraceGapCount = Plain<overview.TraceGapCount>;

/** How an item came into the chain (overview.TraceVias). */
export const traceVia = { start: 'start', linked: 'linked', named: 'named' } as const;

const fixItem = (i: TraceItem): TraceItem => ({ ...i, reasons: arr(i.reasons) });

/** fixTrace makes Go's nil slices arrays, once, so the window can iterate them. */
export function fixTrace(v: TraceView): TraceView {
  return {
    ...v,
    start: fixItem(v.start),
    columns: arr(v.columns).map((c) => ({ ...c, items: arr(c.items).map(fixItem) })),
    clauses: arr(v.clauses),
    gaps: arr(v.gaps),
    gapCounts: arr(v.gapCounts),
  };
}

export const traceApi = {
  /** The chain of the record of kind (singular or plural) with id, as columns, with its gaps. */
  of: (kind: string, id: string) => call<TraceView>(() => Traces.Of(kind, id)).then(fixTrace),
};
