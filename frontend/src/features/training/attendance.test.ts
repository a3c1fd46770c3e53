import { describe, expect, it } from 'vitest';
import type { AttendanceRecord, CompetenceRow } from '../../lib/api';
import { attendedCounts } from '../../lib/api/training';
import { attendedSummary, attendeeRows, competenceGaps, needLabel, recordedOn, rosterChanges, rosterOf, tickedOf } from './attendance';

const person = (id: string, name: string, roleIds: string[], active = true) => ({ id, name, department: '', active, roleIds });
const rec = (personId: string, status: string, trainingId = 't1'): AttendanceRecord => ({
  id: `a-${personId}-${status}`, version: 1, createdAt: '', updatedAt: '', trainingId, personId, status, date: '', score: 0, note: '',
});

describe('attendeeRows', () => {
  const people = [
    person('p1', 'zoe', ['emp']),
    person('p2', 'Adam', ['emp', 'dev']),
    person('p3', 'Mia', ['board']),
    person('p4', 'Leo', ['emp'], false),
    person('p5', 'Kim', ['board']),
    person('p6', 'Ivy', ['board']),
  ];

  it('lists the active audience, anyone recorded and the extras, by name', () => {
    const rows = attendeeRows({ roleIds: ['emp'] }, people, [rec('p3', 'absent'), rec('p4', 'attended')], ['p6']);
    expect(rows.map((r) => r.person.name)).toEqual(['Adam', 'Ivy', 'Leo', 'Mia', 'zoe']);
    expect(rows.find((r) => r.person.id === 'p2')?.audienceRoles).toEqual(['emp']);
    expect(rows.find((r) => r.person.id === 'p3')?.audienceRoles).toEqual([]);
    expect(rows.find((r) => r.person.id === 'p3')?.record?.status).toBe('absent');
  });

  it('prefers an attended record when a person has several', () => {
    const rows = attendeeRows({ roleIds: ['emp'] }, people, [rec('p1', 'absent'), rec('p1', 'attended'), rec('p1', 'excused')]);
    expect(rows.find((r) => r.person.id === 'p1')?.record?.status).toBe('attended');
  });

  it('has nobody for a training without audience or records', () => {
    expect(attendeeRows({ roleIds: [] }, people, [])).toEqual([]);
  });
});

describe('ticks and changes', () => {
  const people = [person('p1', 'Ana', ['emp']), person('p2', 'Ben', ['emp']), person('p3', 'Cat', ['emp'])];
  const rows = attendeeRows({ roleIds: ['emp'] }, people, [rec('p1', 'attended'), rec('p2', 'excused')]);

  it('starts from who is recorded as attended', () => {
    expect([...tickedOf(rows)]).toEqual(['p1']);
    expect(attendedSummary(rows, tickedOf(rows))).toBe('1 of 3 attended');
  });

  it('sends the whole roster: ticked attended, unticked attended ones absent, the rest as recorded', () => {
    const on = (r: { person: { id: string } }) => (r.person.id === 'p3' ? '2026-03-04' : '');
    expect(rosterOf(rows, new Set(['p1']), on)).toEqual([
      { personId: 'p1', status: 'attended', date: '' },
      { personId: 'p2', status: 'excused', date: '' },
      { personId: 'p3', status: '', date: '' },
    ]);
    expect(rosterChanges(rows, rosterOf(rows, new Set(['p1']), on), '2026-03-01')).toBe(0);
    const roster = rosterOf(rows, new Set(['p2', 'p3']), on);
    expect(roster).toEqual([
      { personId: 'p1', status: 'absent', date: '' },
      { personId: 'p2', status: 'attended', date: '' },
      { personId: 'p3', status: 'attended', date: '2026-03-04' },
    ]);
    expect(rosterChanges(rows, roster, '2026-03-01')).toBe(3);
    expect(attendedSummary(rows, new Set(['p2', 'p3']))).toBe('2 of 3 attended');
  });

  it('counts a new date for someone who attended as a change', () => {
    expect(recordedOn(rows[0], '2026-03-01')).toBe('2026-03-01');
    expect(recordedOn(rows[1], '2026-03-01')).toBe('');
    expect(rosterChanges(rows, rosterOf(rows, new Set(['p1']), () => '2026-03-01'), '2026-03-01')).toBe(0);
    expect(rosterChanges(rows, rosterOf(rows, new Set(['p1']), () => '2026-03-02'), '2026-03-01')).toBe(1);
  });
});

describe('attendedCounts', () => {
  it('counts each person once per training, attended only', () => {
    const counts = attendedCounts([rec('p1', 'attended'), rec('p1', 'attended'), rec('p2', 'absent'), rec('p3', 'attended', 't2')]);
    expect(counts.get('t1')).toBe(1);
    expect(counts.get('t2')).toBe(1);
    expect(counts.get('t3')).toBeUndefined();
  });
});

describe('competenceGaps', () => {
  const need = (trainingId: string, attended: boolean, extra: Partial<CompetenceRow['required'][number]> = {}) => ({
    trainingId, ref: trainingId.toUpperCase(), topic: `Topic ${trainingId}`, date: '2026-01-10', status: 'held', roleIds: ['emp'],
    attended, record: attended ? 'attended' : '', attendedOn: '', expires: '', expired: false, ...extra,
  });
  const rows: CompetenceRow[] = [
    { personId: 'p1', name: 'Ben', department: '', missing: 1, required: [need('t1', true), need('t2', false)] },
    { personId: 'p2', name: 'ana', department: '', missing: 0, required: [need('t1', true)] },
    { personId: 'p3', name: 'Cat', department: '', missing: 2, required: [need('t1', false), need('t2', false)] },
  ];

  it('lists who lacks the most first and leaves out the complete when asked', () => {
    const gaps = competenceGaps(rows, null, true);
    expect(gaps.map((g) => [g.row.name, g.lacking.length, g.done, g.of])).toEqual([['Cat', 2, 0, 2], ['Ben', 1, 1, 2]]);
    expect(competenceGaps(rows, null, false).map((g) => g.row.name)).toEqual(['Cat', 'Ben', 'ana']);
  });

  it('counts an attendance past its renewal as lacking', () => {
    const expired: CompetenceRow = { personId: 'p4', name: 'Dee', department: '', missing: 1, required: [need('t1', true, { expired: true })] };
    expect(competenceGaps([expired], null, true).map((g) => [g.row.name, g.lacking.length])).toEqual([['Dee', 1]]);
  });

  it('considers only the trainings the register shows', () => {
    const gaps = competenceGaps(rows, new Set(['t1']), true);
    expect(gaps.map((g) => g.row.name)).toEqual(['Cat']);
    expect(competenceGaps(rows, new Set(['t9']), false)).toEqual([]);
  });

  it('says why a training is lacking', () => {
    expect(needLabel(need('t1', false, { record: 'absent' }))).toBe('T1 Topic t1 (absent)');
    expect(needLabel(need('t1', false, { record: 'excused' }))).toBe('T1 Topic t1 (excused)');
    expect(needLabel(need('t1', false, { status: 'planned' }))).toBe('T1 Topic t1 (planned 2026-01-10)');
    expect(needLabel(need('t1', false, { ref: '' }))).toBe('Topic t1 (no record)');
    expect(needLabel(need('t1', true, { expired: true, expires: '2026-02-01', attendedOn: '2025-02-01' }))).toBe('T1 Topic t1 (expired 2026-02-01, attended 2025-02-01)');
  });
});
