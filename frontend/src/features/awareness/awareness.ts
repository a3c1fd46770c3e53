// Pure helpers of the awareness screens (7.3, 7.4).

/** period shows a campaign's dates: "2026-03-01 to 2026-03-31", "from 2026-03-01", or "". */
export function period(start: string, end: string): string {
  const s = (start ?? '').slice(0, 10);
  const e = (end ?? '').slice(0, 10);
  if (s && e) return s === e ? s : `${s} to ${e}`;
  if (s) return `from ${s}`;
  if (e) return `until ${e}`;
  return '';
}

/** overrun is true for a campaign still active or planned after its last day. */
export function overrun(c: { endDate: string; status: string }, today: string): boolean {
  return (c.status === 'active' || c.status === 'planned') && !!c.endDate && c.endDate < today;
}

/**
 * reachLabel shows how many distinct people were reached out of the audience:
 * "12 of 15 (80 %)"; "12" when the audience size is not known; "" when the reach is not.
 */
export function reachLabel(reached: number, audience: number): string {
  if (!(reached > 0)) return '';
  if (!(audience > 0)) return reached.toLocaleString();
  return `${reached.toLocaleString()} of ${audience.toLocaleString()} (${Math.round((100 * reached) / audience)} %)`;
}

/** reachShare is the reach as a share of the audience in percent, for sorting; -1 when not known. */
export function reachShare(reached: number, audience: number): number {
  return reached > 0 && audience > 0 ? (100 * reached) / audience : -1;
}

/** Acknowledgement is where one published policy stands: who acknowledged its version in force, who not yet. */
export interface PolicyAcknowledgement {
  policyId: string;
  ref: string;
  title: string;
  version: string;
  publishedOn: string;
  /** Active people who acknowledged the version in force, of all active people. */
  done: number;
  of: number;
  /** The active people who have not acknowledged it, by name. */
  missing: { id: string; name: string }[];
}

/**
 * policyAcknowledgements lists the policies with a published version and, for each, the
 * people who acknowledged that version and the active people who have not (by name).
 */
export function policyAcknowledgements(
  policies: {
    id: string;
    ref: string;
    title: string;
    versions: { number: string; status: string; publishedOn: string; acknowledgements: { personId: string; on: string }[] }[];
  }[],
  people: { id: string; name: string; active: boolean }[],
): PolicyAcknowledgement[] {
  const out: PolicyAcknowledgement[] = [];
  for (const p of policies) {
    const v = [...p.versions].reverse().find((x) => x.status === 'published');
    if (!v) continue;
    const done = new Set(v.acknowledgements.map((a) => a.personId));
    const active = people.filter((x) => x.active);
    const missing = active
      .filter((x) => !done.has(x.id))
      .map((x) => ({ id: x.id, name: x.name }))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
    out.push({ policyId: p.id, ref: p.ref, title: p.title, version: v.number, publishedOn: v.publishedOn,
      done: active.length - missing.length, of: active.length, missing });
  }
  return out.sort((a, b) => a.ref.localeCompare(b.ref, undefined, { numeric: true }));
}
