import { describe, expect, it } from 'vitest';
import { fileSize, historyVerdict, restorePercent, statusLabel, stepLabel } from './restore';
import { newPassphraseProblem } from './Passphrase';

describe('restore progress', () => {
  it('adds the steps up to one bar', () => {
    expect(restorePercent(null)).toBe(0);
    expect(restorePercent({ step: 'check', done: 50, total: 100 })).toBeCloseTo(22.5);
    expect(restorePercent({ step: 'load', done: 100, total: 100 })).toBe(90);
    expect(restorePercent({ step: 'swap', done: 1, total: 1 })).toBe(100);
    expect(stepLabel({ step: 'verify', done: 0, total: 1 })).toMatch(/restored data/);
  });
});

describe('words', () => {
  it('sizes files', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(2048)).toBe('2 KB');
    expect(fileSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });
  it('labels backups', () => {
    const b = { path: '', name: '', createdAt: '', size: 0, reason: '', problem: '', total: 0, encrypted: false };
    expect(statusLabel({ ...b, status: 'verified' }).colour).toBe('green');
    expect(statusLabel({ ...b, status: 'damaged' }).label).toBe('Damaged');
  });
  it('names the first broken entry', () => {
    const ok = historyVerdict({ ok: true, entries: 1, headSeq: 1, head: 'ab', records: 2, keyedFrom: 0, broken: null });
    expect(ok.body).toContain('1 entry,');
    expect(ok.body).toContain('2 records match');
    const bad = historyVerdict({
      ok: false, entries: 16, headSeq: 40, head: 'ab', records: 0, keyedFrom: 0,
      broken: { seq: 17, at: '', kind: 'Risk', record: 'R-3 Laptop theft', problem: 'does not match its hash' },
    });
    expect(bad.body).toBe('Entry 17 (Risk R-3 Laptop theft) does not match its hash. 16 entries before it verified.');
  });
});

describe('new passphrase', () => {
  it('needs the minimum length and the same text twice', () => {
    expect(newPassphraseProblem('short', 'short', 8)?.field).toBe('next');
    expect(newPassphraseProblem('        ', '        ', 8)?.field).toBe('next');
    expect(newPassphraseProblem('correct horse', 'correct horsE', 8)).toEqual({ field: 'confirm', message: 'The two passphrases differ' });
    expect(newPassphraseProblem('correct horse', 'correct horse', 8)).toBeNull();
  });
});
