// The agenda of a management review as the window lays it out: one row per 9.3.2 input
// with its live data (or, once held, the data as presented, frozen by Go) and its minutes.
// Go works out the data and decides on Hold and Close; these helpers only put the pieces
// side by side and tell what is unsaved.
import type { AgendaInput, PresentedInput, Review, ReviewAgenda, ReviewInput } from '../../lib/api';

/** The 9.3.2 inputs in the standard's order (isms.ReviewInputs). */
export const inputTopics = ['a', 'b', 'c', 'd1', 'd2', 'd3', 'd4', 'e', 'f', 'g'] as const;

/** inputName numbers an input as the standard does: "d2) Monitoring ..." becomes
 * "(d)(2) Monitoring ..." (mirrors isms.InputName, for when the agenda is not loaded). */
export function inputName(topic: string, label: string): string {
  const text = label.includes(') ') ? label.slice(label.indexOf(') ') + 2) : label;
  if (!topic) return text;
  const num = `(${topic[0]})${topic.length > 1 ? `(${topic.slice(1)})` : ''}`;
  return `${num} ${text}`.trim();
}

/** One row of the agenda table. */
export interface AgendaRow {
  topic: string;
  name: string;
  /** The data shown: as presented when the review was held (frozen), else the live data
   * now; null while it loads or when Go could not gather it. */
  live: AgendaInput | PresentedInput | null;
  /** Whether live is the snapshot frozen when the review was held. */
  frozen: boolean;
  /** What was recorded as presented (kept when the review was marked held). */
  presented: string;
  /** The stored minutes. */
  minutes: string;
}

/** agendaRows lays out the 9.3.2 inputs in order with their data and stored minutes: a
 * held review's snapshot when it has one, else the live agenda; label names an input from
 * its Go enum label when neither has it. */
export function agendaRows(review: Pick<Review, 'inputs' | 'snapshot'>, agenda: Pick<ReviewAgenda, 'inputs'> | undefined, label: (topic: string) => string): AgendaRow[] {
  const stored = new Map(review.inputs.map((i) => [i.topic, i]));
  const frozen = !!review.snapshot;
  const shown = new Map<string, AgendaInput | PresentedInput>((review.snapshot ? review.snapshot.inputs : (agenda?.inputs ?? [])).map((i) => [i.topic, i]));
  return inputTopics.map((topic) => {
    const l = shown.get(topic) ?? null;
    const s = stored.get(topic);
    return { topic, name: l?.name || inputName(topic, label(topic)), live: l, frozen, presented: s?.summary ?? '', minutes: s?.minutes ?? '' };
  });
}

/** shortHash shows the start of a SHA-256, as people compare it by eye. */
export function shortHash(sha: string): string {
  return sha.length > 16 ? `${sha.slice(0, 16)}…` : sha;
}

/** addMonths moves a YYYY-MM-DD date by n months (the day kept, or the month's last day). */
export function addMonths(date: string, n: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return '';
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + n;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(y, mo, Math.min(Number(m[3]), last)));
  return d.toISOString().slice(0, 10);
}

/** decisionBlock mirrors isms.Review.RemoveDecision: why a decision cannot be removed
 * (one of its actions is in progress), or null when it can. */
export function decisionBlock(actions: { ref: string; status: string }[]): string | null {
  const busy = actions.filter((a) => a.status === 'in_progress').map((a) => a.ref);
  return busy.length ? `Its action ${busy.join(', ')} is in progress: finish or cancel it before removing the decision.` : null;
}

/** The minutes being written: by topic, and the general minutes. */
export interface MinutesDraft {
  items: Record<string, string>;
  general: string;
}

/** draftOf starts a draft from the stored minutes. */
export function draftOf(review: Pick<Review, 'inputs' | 'minutes'>): MinutesDraft {
  const items: Record<string, string> = {};
  for (const t of inputTopics) items[t] = '';
  for (const i of review.inputs) items[i.topic] = i.minutes ?? '';
  return { items, general: review.minutes ?? '' };
}

/** changedTopics lists the topics whose minutes in the draft differ from the stored ones
 * (spaces at the ends aside, as Go trims them). */
export function changedTopics(review: Pick<Review, 'inputs' | 'minutes'>, draft: MinutesDraft): string[] {
  const saved = draftOf(review);
  return Object.keys(draft.items).filter((t) => (draft.items[t] ?? '').trim() !== (saved.items[t] ?? '').trim());
}

/** unsavedMinutes reports whether anything in the draft is not saved yet. */
export function unsavedMinutes(review: Pick<Review, 'inputs' | 'minutes'>, draft: MinutesDraft): boolean {
  return changedTopics(review, draft).length > 0 || draft.general.trim() !== (review.minutes ?? '').trim();
}

/** minutesToSave is what Save minutes sends: every input's minutes, in order. */
export function minutesToSave(draft: MinutesDraft): ReviewInput[] {
  return inputTopics.map((topic) => ({ topic, summary: '', minutes: draft.items[topic] ?? '' }));
}

/** withoutMinutes lists the topics of the draft with no minutes yet (Go's Hold refuses
 * until there are none). */
export function withoutMinutes(draft: MinutesDraft): string[] {
  return inputTopics.filter((t) => (draft.items[t] ?? '').trim() === '');
}

/** holdDate proposes the date a review was held: its planned date, unless that is after
 * today. */
export function holdDate(date: string, today: string): string {
  return date && date <= today ? date : today;
}
