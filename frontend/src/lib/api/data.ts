// The Data & backup services of SystemService: backups checked before use, restore with
// progress, the automatic backups folder and the history check.
import * as System from './wailsjs/go/app/SystemService';
import { arr, call } from './call';
import type { SystemInfo } from './types';

/** How many records of one kind a backup holds. */
export interface BackupKindCount {
  kind: string;
  label: string;
  count: number;
}

/** What a backup file holds, as its header and closing summary say. */
export interface BackupSummary {
  path: string;
  name: string;
  /** Every checksum was checked; false for old-format backups, which have none (see warning). */
  verified: boolean;
  warning: string;
  format: number;
  /** RFC 3339; "" when the file does not say. */
  createdAt: string;
  app: string;
  schema: number;
  size: number;
  total: number;
  records: BackupKindCount[];
  files: number;
  historyEntries: number;
  historyHead: string;
  /** Made with a passphrase: restoring it asks for the passphrase its data had then. */
  encrypted: boolean;
}

/** One backup in the backup folder, with the result of checking it. */
export interface BackupEntry {
  path: string;
  name: string;
  createdAt: string;
  size: number;
  /** Why an automatic backup was made ("Daily", "Before an import"...); "" for other files. */
  reason: string;
  status: 'verified' | 'unverified' | 'damaged';
  problem: string;
  total: number;
  /** Made with a passphrase. */
  encrypted: boolean;
}

export interface BackupFolder {
  dir: string;
  keep: number;
  backups: BackupEntry[];
}

/** The payload of "restore:progress". */
export interface RestoreProgress {
  step: 'check' | 'load' | 'verify' | 'swap';
  done: number;
  total: number;
}

/** Where the change history stops verifying. */
export interface BrokenEntry {
  seq: number;
  at: string;
  kind: string;
  record: string;
  problem: string;
}

export interface HistoryCheck {
  ok: boolean;
  entries: number;
  headSeq: number;
  head: string;
  records: number;
  /** The first entry keyed with the passphrase (HMAC-SHA256); 0 when the chain is plain SHA-256. */
  keyedFrom: number;
  broken: BrokenEntry | null;
}

/** SystemInfo with the passphrase state: locked while an encrypted folder waits for its passphrase. */
export type LockInfo = SystemInfo & { encrypted: boolean; locked: boolean };

/** Whether the data has a passphrase. */
export interface PassphraseStatus {
  encrypted: boolean;
  /** The first history entry keyed with the passphrase; 0 when none is set. */
  keyedFrom: number;
  /** Backups in the backup folder that are not encrypted (readable by anyone with the file). */
  plainBackups: number;
  minLength: number;
}

const toSummary = (s: BackupSummary): BackupSummary => ({ ...s, records: arr(s.records) });

export const data = {
  backups: {
    /** The automatic backups, newest first, each checked. */
    list: () =>
      call<BackupFolder>(() => System.Backups()).then((f) => ({ ...f, backups: arr(f.backups) })),
    /** Makes a backup into the backup folder now; its path. */
    now: () => call<string>(() => System.BackupNow()),
    /** Opens the native open dialog; "" when cancelled. */
    choose: () => call<string>(() => System.ChooseBackup()),
    /** Reads and checks a backup file; a damaged one is refused with what is wrong. */
    inspect: (path: string) => call<BackupSummary>(() => System.InspectBackup(path)).then(toSummary),
    /** Replaces the data with the backup, sending "restore:progress"; the store reopens on it. */
    restore: (path: string, passphrase = '') => call<BackupSummary>(() => System.Restore(path, passphrase)).then(toSummary),
    cancelRestore: () => call<void>(() => System.CancelRestore()),
  },
  passphrase: {
    status: () => call<PassphraseStatus>(() => System.Passphrase()),
    /** Sets (current ""), changes or removes (next "") the passphrase; the data is rewritten and checked. */
    set: (current: string, next: string) => call<PassphraseStatus>(() => System.SetPassphrase(current, next)),
    /** Opens the encrypted data; a wrong passphrase is refused on the field "passphrase". */
    unlock: (passphrase: string) => call<LockInfo>(() => System.Unlock(passphrase) as Promise<LockInfo>),
  },
  history: {
    /** Walks the change history; the first broken entry, if any. */
    verify: () => call<HistoryCheck>(() => System.VerifyHistory()),
  },
};
