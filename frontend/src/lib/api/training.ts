// The services of competence, awareness and communication (7.2, 7.3, 7.4): training
// sessions with their attendance, who is missing which required training, awareness
// campaigns and the communication log.
import * as Attendances from './wailsjs/go/app/AttendanceService';
import * as Campaigns from './wailsjs/go/app/CampaignService';
import * as Communications from './wailsjs/go/app/CommunicationService';
import * as Trainings from './wailsjs/go/app/TrainingService';
import type { app, isms } from './wailsjs/go/models';
import { arr, call } from './call';
import { type Bound, type Plain, crud } from './plan';

/** A training session as the window shows it: the stored record and how many attended. */
export type Training = Plain<isms.Training> & {
  /** People recorded as having attended (computed from the attendance records; not stored). */
  attended: number;
};
/** An attendance record as the window shows it, with its training's date (not stored). */
export type Attendance = Plain<isms.Attendance> & {
  /** The training's date, shown when the record has no date of its own. */
  trainingDate: string;
};
/** A campaign as the window shows it: the stored record and whom it reached (computed in Go; not stored). */
export type Campaign = Plain<isms.Campaign> & {
  /** Distinct people its communications reached, never more than its audience size. */
  reached: number;
  /** How many communications are logged for it. */
  communications: number;
  /** Its audience in people: its size, or the people of its roles when no size is stored. */
  audienceCount: number;
};
export type Communication = Plain<isms.Communication>;
export type CompetenceRow = Plain<app.CompetenceRow>;
/** One person's line of a training's attendance as Save sends it. */
export type RosterEntry = Plain<app.RosterEntry>;
/** How many distinct people a campaign reached out of its audience (computed in Go). */
export type CampaignReach = Plain<app.CampaignReach>;
export type CompetenceNeed = Plain<app.CompetenceNeed>;

/** An attendance record as Go stores it. */
export type AttendanceRecord = Plain<isms.Attendance>;
const attendanceCrud = crud<AttendanceRecord>(Attendances as unknown as Bound, []);
const trainingCrud = crud<Plain<isms.Training>>(Trainings as unknown as Bound, ['roleIds']);

/** withTrainingDate adds the date of each record's training. */
function withTrainingDate(as: AttendanceRecord[], dates: Map<string, string>): Attendance[] {
  return as.map((a) => ({ ...a, trainingDate: dates.get(a.trainingId) ?? '' }));
}

/** storedAttendance drops what the window computes. */
function storedAttendance(a: Attendance): AttendanceRecord {
  const { trainingDate: _d, ...rest } = a;
  return rest;
}

async function trainingDateOf(id: string): Promise<string> {
  try {
    return (await trainingCrud.get(id)).date;
  } catch {
    return ''; // a record of a deleted training still opens
  }
}

/** attendedCounts counts the people recorded as attended, by training. */
export function attendedCounts(records: Pick<AttendanceRecord, 'trainingId' | 'personId' | 'status'>[]): Map<string, number> {
  const seen = new Set<string>();
  const out = new Map<string, number>();
  for (const a of records) {
    const k = `${a.trainingId}\u0000${a.personId}`;
    if (a.status !== 'attended' || seen.has(k)) continue;
    seen.add(k);
    out.set(a.trainingId, (out.get(a.trainingId) ?? 0) + 1);
  }
  return out;
}

/** stored drops what the window computes, so that Go receives the record alone. */
function stored(t: Training | Plain<isms.Training>): Plain<isms.Training> {
  const { attended: _attended, ...rest } = t as Training;
  return rest;
}

const campaignCrud = crud<Plain<isms.Campaign>>(Campaigns as unknown as Bound, ['channels', 'roleIds']);
const campaignReach = () => call<CampaignReach[] | null>(() => Campaigns.Reach()).then(arr);

/** withReach adds whom each campaign reached. */
async function withReach(cs: Plain<isms.Campaign>[]): Promise<Campaign[]> {
  const byId = new Map((await campaignReach()).map((r) => [r.campaignId, r]));
  return cs.map((c) => {
    const r = byId.get(c.id);
    return { ...c, reached: r?.reached ?? 0, communications: r?.communications ?? 0, audienceCount: r?.audience ?? c.audienceSize };
  });
}

/** storedCampaign drops what the window computes. */
function storedCampaign(c: Campaign): Plain<isms.Campaign> {
  const { reached: _r, communications: _n, audienceCount: _a, ...rest } = c;
  return rest;
}

const trainingAttendance = (id: string) => call<AttendanceRecord[] | null>(() => Trainings.Attendance(id)).then(arr);

export const training = {
  trainings: {
    list: async (): Promise<Training[]> => {
      const [ts, as] = await Promise.all([trainingCrud.list(), attendanceCrud.list()]);
      const counts = attendedCounts(as);
      return ts.map((t) => ({ ...t, attended: counts.get(t.id) ?? 0 }));
    },
    get: async (id: string): Promise<Training> => {
      const [t, as] = await Promise.all([trainingCrud.get(id), trainingAttendance(id)]);
      return { ...t, attended: attendedCounts(as).get(id) ?? 0 };
    },
    create: (t: Training) => trainingCrud.create(stored(t)).then((r) => ({ ...r, attended: 0 })),
    update: (t: Training) => trainingCrud.update(stored(t)).then((r) => ({ ...r, attended: t.attended })),
    remove: trainingCrud.remove,
    /** The attendance recorded for one training. */
    attendance: (id: string): Promise<AttendanceRecord[]> => trainingAttendance(id),
    /** Saves the whole roster (who attended, who did not, when) in one transaction; returns the attendance. */
    saveAttendance: (trainingId: string, roster: RosterEntry[]): Promise<AttendanceRecord[]> =>
      call<AttendanceRecord[] | null>(() => Trainings.SaveAttendance(trainingId, roster as app.RosterEntry[])).then(arr),
    /** Each active person with the trainings their roles require and whether they attended. */
    competence: () =>
      call<CompetenceRow[] | null>(() => Trainings.Competence()).then((l) =>
        arr(l).map((r) => ({ ...r, required: arr(r.required).map((n) => ({ ...n, roleIds: arr(n.roleIds) })) })),
      ),
  },
  attendance: {
    list: async (): Promise<Attendance[]> => {
      const [as, ts] = await Promise.all([attendanceCrud.list(), trainingCrud.list()]);
      return withTrainingDate(as, new Map(ts.map((t) => [t.id, t.date])));
    },
    get: async (id: string): Promise<Attendance> => {
      const a = await attendanceCrud.get(id);
      return { ...a, trainingDate: await trainingDateOf(a.trainingId) };
    },
    create: async (a: Attendance): Promise<Attendance> => {
      const r = await attendanceCrud.create(storedAttendance(a));
      return { ...r, trainingDate: await trainingDateOf(r.trainingId) };
    },
    update: async (a: Attendance): Promise<Attendance> => {
      const r = await attendanceCrud.update(storedAttendance(a));
      return { ...r, trainingDate: await trainingDateOf(r.trainingId) };
    },
    remove: attendanceCrud.remove,
  },
  campaigns: {
    list: async (): Promise<Campaign[]> => withReach(await campaignCrud.list()),
    get: async (id: string): Promise<Campaign> => (await withReach([await campaignCrud.get(id)]))[0],
    create: async (c: Campaign): Promise<Campaign> => (await withReach([await campaignCrud.create(storedCampaign(c))]))[0],
    update: async (c: Campaign): Promise<Campaign> => (await withReach([await campaignCrud.update(storedCampaign(c))]))[0],
    remove: campaignCrud.remove,
    /** Per campaign, the distinct people its communications reached, never more than its audience. */
    reach: campaignReach,
  },
  communications: crud<Communication>(Communications as unknown as Bound, ['roleIds', 'recipientIds']),
};
