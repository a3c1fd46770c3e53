// Pure helpers of the training screens: who belongs on a session's attendance list, what
// a save changes, and who still lacks which required training.
import type { AttendanceRecord as Attendance, CompetenceNeed, CompetenceRow, Person } from '../../lib/api';

/** AttendeeRow is one line of a training's attendance table. */
export interface AttendeeRow {
  person: Pick<Person, 'id' | 'name' | 'department' | 'active' | 'roleIds'>;
  /** The person's roles that are in the training's audience. */
  audienceRoles: string[];
  /** The person's attendance record at the training, when there is one. */
  record?: Attendance;
}

/** Status rank: when a person has several records (an import run twice), attended wins. */
const rank: Record<string, number> = { attended: 3, excused: 2, absent: 1 };

/**
 * attendeeRows lists the people of a training's audience (active people holding one of its
 * roles), anyone already recorded for it, and the extra people added by hand, by name.
 */
export function attendeeRows(
  training: { roleIds: string[] },
  people: AttendeeRow['person'][],
  records: Attendance[],
  extra: string[] = [],
): AttendeeRow[] {
  const audience = new Set(training.roleIds);
  const byPerson = new Map<string, Attendance>();
  for (const a of records) {
    const had = byPerson.get(a.personId);
    if (!had || (rank[a.status] ?? 0) > (rank[had.status] ?? 0)) byPerson.set(a.personId, a);
  }
  const wanted = new Set(extra);
  const rows: AttendeeRow[] = [];
  for (const p of people) {
    const audienceRoles = p.roleIds.filter((r) => audience.has(r));
    const record = byPerson.get(p.id);
    if ((p.active && audienceRoles.length > 0) || record || wanted.has(p.id)) rows.push({ person: p, audienceRoles, record });
  }
  return rows.sort((a, b) => a.person.name.localeCompare(b.person.name, undefined, { sensitivity: 'base' }));
}

/** tickedOf is the people whose record says they attended. */
export function tickedOf(rows: AttendeeRow[]): Set<string> {
  return new Set(rows.filter((r) => r.record?.status === 'attended').map((r) => r.person.id));
}

/** RosterLine is one row of the roster Save sends (see TrainingService.SaveAttendance). */
export interface RosterLine {
  personId: string;
  /** attended, absent, excused; '' records nothing. */
  status: string;
  /** When attended; '' is the training's date. */
  date: string;
}

/** recordedOn is the day a record says the person attended: its own date, else the training's. */
export function recordedOn(r: AttendeeRow, trainingDate: string): string {
  return r.record?.status === 'attended' ? r.record.date || trainingDate : '';
}

/**
 * rosterOf is the whole roster Save sends: a ticked person attended on their date; an
 * unticked one recorded as attended becomes absent; other records keep their status; a
 * person never recorded and not ticked records nothing.
 */
export function rosterOf(rows: AttendeeRow[], ticked: Set<string>, dateOf: (r: AttendeeRow) => string): RosterLine[] {
  return rows.map((r) => {
    const personId = r.person.id;
    if (ticked.has(personId)) return { personId, status: 'attended', date: dateOf(r) };
    const was = r.record?.status ?? '';
    return { personId, status: was === 'attended' ? 'absent' : was, date: '' };
  });
}

/** rosterChanges counts the rows whose line changes what is recorded. */
export function rosterChanges(rows: AttendeeRow[], roster: RosterLine[], trainingDate: string): number {
  let n = 0;
  rows.forEach((r, i) => {
    const line = roster[i];
    const was = r.record?.status ?? '';
    if (line.status !== was) n++;
    else if (line.status === 'attended' && (line.date || trainingDate) !== recordedOn(r, trainingDate)) n++;
  });
  return n;
}

/** attendedSummary says "12 of 15 attended". */
export function attendedSummary(rows: AttendeeRow[], ticked: Set<string>): string {
  const n = rows.filter((r) => ticked.has(r.person.id)).length;
  return `${n} of ${rows.length} attended`;
}

/** CompetenceGap is a person with the required trainings they lack. */
export interface CompetenceGap {
  row: CompetenceRow;
  /** The required trainings the person has not attended, among those shown. */
  lacking: CompetenceNeed[];
  /** How many of the required trainings shown they attended. */
  done: number;
  /** How many required trainings are shown for them. */
  of: number;
}

/**
 * competenceGaps turns the competence rows into what the view lists: only the trainings in
 * shown (the register's search and filters), and only people lacking one when onlyMissing.
 * People lacking the most come first, then by name.
 */
export function competenceGaps(rows: CompetenceRow[], shown: Set<string> | null, onlyMissing: boolean): CompetenceGap[] {
  const out: CompetenceGap[] = [];
  for (const row of rows) {
    const needs = row.required.filter((n) => !shown || shown.has(n.trainingId));
    if (needs.length === 0) continue;
    const lacking = needs.filter((n) => !n.attended || n.expired);
    if (onlyMissing && lacking.length === 0) continue;
    out.push({ row, lacking, done: needs.length - lacking.length, of: needs.length });
  }
  return out.sort((a, b) => b.lacking.length - a.lacking.length || a.row.name.localeCompare(b.row.name, undefined, { sensitivity: 'base' }));
}

/** needLabel names a lacking training and why it is lacking: "TR-02 OWASP (absent)". */
export function needLabel(n: CompetenceNeed): string {
  const name = [n.ref, n.topic].filter(Boolean).join(' ');
  const why = n.attended && n.expired ? `expired ${n.expires}, attended ${n.attendedOn}`
    : n.record === 'absent' ? 'absent' : n.record === 'excused' ? 'excused' : n.status === 'planned' ? `planned ${n.date}` : 'no record';
  return `${name} (${why})`;
}
