import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { BackupSummary } from '../../lib/api';
import { DataPage } from './DataPage';

const mocks = vi.hoisted(() => ({
  info: vi.fn(),
  preferences: vi.fn(),
  list: vi.fn(),
  choose: vi.fn(),
  inspect: vi.fn(),
  restore: vi.fn(),
  verify: vi.fn(),
  status: vi.fn(),
  setPassphrase: vi.fn(),
}));

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    api: {
      ...actual.api,
      system: { ...actual.api.system, info: mocks.info, preferences: mocks.preferences },
      backups: { ...actual.api.backups, list: mocks.list, choose: mocks.choose, inspect: mocks.inspect, restore: mocks.restore },
      history: { verify: mocks.verify },
      passphrase: { ...actual.api.passphrase, status: mocks.status, set: mocks.setPassphrase },
    },
  };
});

const { ApiError } = await import('../../lib/api/errors');

const summary: BackupSummary = {
  path: '/b/isms.ismsbackup', name: 'isms.ismsbackup', verified: true, warning: '', format: 2,
  createdAt: '2026-11-27T09:00:00Z', app: 'ISMS Desk 1.0', schema: 1, size: 20480, total: 120,
  records: [{ kind: 'risk', label: 'Risks', count: 12 }], files: 0, historyEntries: 340, historyHead: 'ab'.repeat(32),
  encrypted: false,
};

beforeEach(() => {
  vi.clearAllMocks();
  mocks.info.mockResolvedValue({ name: 'ISMS Desk', version: '1.0', dataDir: '/home/ana/ISMSDesk/data', schemaVersion: 1, error: '' });
  mocks.preferences.mockResolvedValue({ dayFirst: false, keepBackups: 10 });
  mocks.status.mockResolvedValue({ encrypted: false, keyedFrom: 0, plainBackups: 0, minLength: 8 });
  mocks.list.mockResolvedValue({
    dir: '/home/ana/ISMSDesk/data-backups', keep: 10,
    backups: [
      { path: '/x/a', name: 'a', createdAt: '2026-11-27T08:00:00Z', size: 4096, reason: 'Daily', status: 'verified', problem: '', total: 118 },
      { path: '/x/b', name: 'b', createdAt: '2026-11-26T08:00:00Z', size: 100, reason: 'Before an import', status: 'damaged', problem: 'the backup is damaged: it is truncated', total: 0 },
    ],
  });
});

describe('DataPage', () => {
  it('checks a chosen backup, shows what it holds and restores it only when confirmed', async () => {
    mocks.choose.mockResolvedValue(summary.path);
    mocks.inspect.mockResolvedValue(summary);
    mocks.restore.mockResolvedValue(summary);
    renderWithProviders(<DataPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore from this backup?' });
    expect(mocks.inspect).toHaveBeenCalledWith(summary.path);
    expect(within(dialog).getByText(/120 records/)).toBeTruthy();
    expect(within(dialog).getByText(/Every checksum in the file was checked/)).toBeTruthy();
    expect(within(dialog).getByText('/home/ana/ISMSDesk/data')).toBeTruthy();
    expect(mocks.restore).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace my data with this backup' }));
    await waitFor(() => expect(mocks.restore).toHaveBeenCalledWith(summary.path, ''));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('refuses a damaged backup with what is wrong, without a dialog', async () => {
    mocks.choose.mockResolvedValue('/b/bad');
    mocks.inspect.mockRejectedValue(new ApiError('invalid', 'the backup is damaged: chunk 3 (bytes 10 to 20) does not match its checksum'));
    renderWithProviders(<DataPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    expect(await screen.findByText(/chunk 3 \(bytes 10 to 20\) does not match its checksum/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(mocks.restore).not.toHaveBeenCalled();
  });

  it('lists the automatic backups with their check; a damaged one cannot be restored', async () => {
    renderWithProviders(<DataPage />);
    const row = (await screen.findByText('Before an import')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Damaged')).toBeTruthy();
    expect((within(row).getByRole('button', { name: 'Restore…' }) as HTMLButtonElement).disabled).toBe(true);
    const ok = screen.getByText('Daily').closest('tr') as HTMLElement;
    expect(within(ok).getByText('Verified')).toBeTruthy();
  });

  it('reports the first broken history entry', async () => {
    mocks.verify.mockResolvedValue({
      ok: false, entries: 16, headSeq: 40, head: 'cd'.repeat(32), records: 0,
      broken: { seq: 17, at: '', kind: 'Risk', record: 'R-3 Laptop theft', problem: 'does not match its hash' },
    });
    renderWithProviders(<DataPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Verify history' }));
    expect(await screen.findByText(/Entry 17 \(Risk R-3 Laptop theft\) does not match its hash/)).toBeTruthy();
  });

  it('asks for the passphrase of an encrypted backup and shows a wrong one on its field', async () => {
    mocks.choose.mockResolvedValue(summary.path);
    mocks.inspect.mockResolvedValue({ ...summary, encrypted: true });
    mocks.restore.mockRejectedValueOnce(new ApiError('invalid', 'the passphrase is not the one of the backup', { passphrase: 'This is not the passphrase' }));
    renderWithProviders(<DataPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore from this backup?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace my data with this backup' }));
    expect(await within(dialog).findByText('Enter the passphrase of this backup')).toBeTruthy();
    expect(mocks.restore).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText(/Passphrase of this backup/), 'old words here');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace my data with this backup' }));
    await waitFor(() => expect(mocks.restore).toHaveBeenCalledWith(summary.path, 'old words here'));
    expect(await within(dialog).findByText('This is not the passphrase')).toBeTruthy();
  });

  it('sets a passphrase only when confirmed twice and understood', async () => {
    mocks.setPassphrase.mockResolvedValue({ encrypted: true, keyedFrom: 41, plainBackups: 1, minLength: 8 });
    renderWithProviders(<DataPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Set a passphrase…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Encrypt the data with a passphrase' });
    expect(within(dialog).getByText(/nobody can read the data, ISMS Desk included/)).toBeTruthy();
    const submit = within(dialog).getByRole('button', { name: 'Encrypt my data' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText(/^Passphrase/), 'correct horse battery');
    await userEvent.type(within(dialog).getByLabelText(/The same passphrase again/), 'correct horse batterx');
    await userEvent.click(within(dialog).getByRole('checkbox'));
    await userEvent.click(submit);
    expect(await within(dialog).findByText('The two passphrases differ')).toBeTruthy();
    expect(mocks.setPassphrase).not.toHaveBeenCalled();
    await userEvent.clear(within(dialog).getByLabelText(/The same passphrase again/));
    await userEvent.type(within(dialog).getByLabelText(/The same passphrase again/), 'correct horse battery');
    await userEvent.click(submit);
    await waitFor(() => expect(mocks.setPassphrase).toHaveBeenCalledWith('', 'correct horse battery'));
  });
});
