// Words and numbers for the Data & backup page, kept out of the components so they are tested.
import type { BackupEntry, HistoryCheck, RestoreProgress } from '../../lib/api';
import { formatDateTime, plural } from '../../lib/format';

const stepLabels: Record<RestoreProgress['step'], string> = {
  check: 'Checking every checksum of the backup…',
  load: 'Restoring the records and their history…',
  verify: 'Checking the restored data against the backup…',
  swap: 'Putting the restored data in place…',
};

/** stepLabel says what the restore is doing. */
export function stepLabel(p: RestoreProgress | null): string {
  return p ? stepLabels[p.step] : 'Starting…';
}

/** restorePercent is the share of the whole restore done: checking and loading each read the file once. */
export function restorePercent(p: RestoreProgress | null): number {
  if (!p) return 0;
  const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  switch (p.step) {
    case 'check':
      return part * 45;
    case 'load':
      return 45 + part * 45;
    case 'verify':
      return 90 + part * 8;
    default:
      return 98 + part * 2;
  }
}

/** fileSize shows a byte count in B, KB or MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}


/** statusLabel is the badge of a listed backup. */
export function statusLabel(b: BackupEntry): { label: string; colour: string } {
  switch (b.status) {
    case 'verified':
      return { label: 'Verified', colour: 'green' };
    case 'unverified':
      return { label: 'Old format, not checkable', colour: 'yellow' };
    default:
      return { label: 'Damaged', colour: 'red' };
  }
}

/** historyVerdict words the result of walking the history. */
export function historyVerdict(h: HistoryCheck): { title: string; body: string } {
  if (h.ok) {
    return {
      title: 'The history verifies',
      body:
        `${plural(h.entries, 'entry', 'entries')}, each linked to the one before it and matching its own hash; ` +
        `${plural(h.records, 'record matches', 'records match')} its last recorded change.`,
    };
  }
  const b = h.broken;
  if (!b) return { title: 'The history does not verify', body: '' };
  const where = b.seq > 0 ? `Entry ${b.seq.toLocaleString('en-GB')}` : 'A record';
  const what = b.kind ? ` (${b.kind} ${b.record}${b.at ? `, changed ${formatDateTime(b.at)}` : ''})` : '';
  return {
    title: 'The history does not verify',
    body: `${where}${what} ${b.problem}. ${plural(h.entries, 'entry', 'entries')} before it verified.`,
  };
}
