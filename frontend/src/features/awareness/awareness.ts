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

/** totalReach adds up the known reach of communications (0 is unknown). */
export function totalReach(list: { reach: number }[]): number {
  return list.reduce((n, c) => n + (c.reach > 0 ? c.reach : 0), 0);
}
