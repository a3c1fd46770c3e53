import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import { UnlockScreen } from './UnlockScreen';

const mocks = vi.hoisted(() => ({ unlock: vi.fn(), choose: vi.fn() }));

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    api: {
      ...actual.api,
      passphrase: { ...actual.api.passphrase, unlock: mocks.unlock },
      backups: { ...actual.api.backups, choose: mocks.choose },
    },
  };
});

const { ApiError } = await import('../../lib/api/errors');
const info = { name: 'ISMS Desk', version: '1.0', dataDir: '/home/ana/ISMSDesk/data', schemaVersion: 0, error: '', encrypted: true, locked: true };

beforeEach(() => vi.clearAllMocks());

describe('UnlockScreen', () => {
  it('says a wrong passphrase changed nothing, and unlocks with the right one', async () => {
    mocks.unlock.mockRejectedValueOnce(new ApiError('invalid', 'the passphrase is not the one of the data folder', { passphrase: 'This is not the passphrase' }));
    mocks.unlock.mockResolvedValueOnce({ ...info, locked: false, schemaVersion: 1 });
    renderWithProviders(<UnlockScreen info={info} />);
    const field = screen.getByLabelText(/^Passphrase/);
    await userEvent.type(field, 'wrong words');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText(/Wrong passphrase .*Nothing was opened or changed/)).toBeTruthy();
    expect(mocks.unlock).toHaveBeenCalledWith('wrong words');
    await userEvent.clear(field);
    await userEvent.type(field, 'correct horse battery{Enter}');
    await waitFor(() => expect(mocks.unlock).toHaveBeenLastCalledWith('correct horse battery'));
    await waitFor(() => expect(screen.queryByText(/Wrong passphrase/)).toBeNull());
  });

  it('tells what to do when the passphrase is forgotten', async () => {
    mocks.choose.mockResolvedValue('');
    renderWithProviders(<UnlockScreen info={info} />);
    expect(screen.getByText(/restore a\s+backup made before the passphrase was set/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Restore a backup…' }));
    expect(mocks.choose).toHaveBeenCalled();
  });
});
