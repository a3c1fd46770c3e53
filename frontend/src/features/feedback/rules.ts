// The rules of surveys and feedback as the window mirrors them; Go decides.
import type { Feedback, SurveyQuestion } from '../../lib/api';

/** firstLine mirrors isms.firstLine: the text's first line, cut to n characters. */
export function firstLine(s: string, n = 80): string {
  let t = s.trim();
  const i = t.search(/[\r\n]/);
  if (i >= 0) t = t.slice(0, i);
  const r = [...t];
  return r.length > n ? r.slice(0, n - 1).join('') + '…' : t;
}

/** convertBlock mirrors isms.Feedback.CanConvert: why the feedback cannot become an
 * improvement or a nonconformity, or null when it can. */
export function convertBlock(f: Pick<Feedback, 'status' | 'improvementId'> & Partial<Pick<Feedback, 'nonconformityId'>>): string | null {
  if (f.status === 'converted' || f.improvementId) return 'This feedback already became an improvement.';
  if (f.status === 'raised' || f.nonconformityId) return 'This feedback was already raised as a nonconformity.';
  if (f.status === 'rejected') return 'This feedback was rejected: set it back to new or accepted before acting on it.';
  return null;
}

/** averageScore is the mean score of the scored questions, weighted by their answers when
 * every scored question has some; null when none is scored. */
export function averageScore(qs: SurveyQuestion[]): number | null {
  const scored = qs.filter((q) => q.score > 0);
  if (scored.length === 0) return null;
  const weighted = scored.every((q) => q.answers > 0);
  const w = (q: SurveyQuestion) => (weighted ? q.answers : 1);
  const total = scored.reduce((s, q) => s + w(q), 0);
  return Math.round((100 * scored.reduce((s, q) => s + q.score * w(q), 0)) / total) / 100;
}
