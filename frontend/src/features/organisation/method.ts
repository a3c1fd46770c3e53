// Helpers of the risk method form: whether the method changed, and the words for what a
// new method does to the stored risks (api.organisation.previewRiskMethod).
import type { RiskMethod, RiskMethodChange } from '../../lib/api';

/** sameMethod reports whether two methods are the same (labels, levels and threshold). */
export function sameMethod(a: RiskMethod, b: RiskMethod): boolean {
  return a.threshold === b.threshold && a.likelihood.join('\n') === b.likelihood.join('\n') && a.impact.join('\n') === b.impact.join('\n');
}

const risks = (n: number) => (n === 1 ? '1 risk' : `${n} risks`);

/** changeSummary says in a sentence what saving the method does. */
export function changeSummary(c: RiskMethodChange): string {
  const parts: string[] = [];
  if (c.relevel > 0) parts.push(`changes the level of ${risks(c.relevel)}`);
  if (c.withdrawn > 0) {
    parts.push(
      `withdraws the acceptance of ${risks(c.withdrawn)}, which would sit above the new acceptance threshold: ${c.withdrawn === 1 ? 'it goes' : 'they go'} back to ${c.withdrawn === 1 ? 'its owner' : 'their owners'} to accept again`,
    );
  }
  return parts.length ? `Saving this risk method ${parts.join(' and ')}.` : 'Saving this risk method changes no risk.';
}
