import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ModalsProvider } from '@mantine/modals';
import { renderWithProviders } from '../../test/render';
import type { Evidence } from '../../lib/api/evidence';
import { EvidencePanel, expiry } from './EvidencePanel';

const mocks = vi.hoisted(() => ({
  list: vi.fn(),
  chooseFile: vi.fn(),
  attachFile: vi.fn(),
  remove: vi.fn(),
  people: vi.fn(),
}));

vi.mock(import('../../lib/api/evidence'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    evidenceApi: { ...actual.evidenceApi, list: mocks.list, chooseFile: mocks.chooseFile, attachFile: mocks.attachFile, remove: mocks.remove },
  };
});

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, api: { ...actual.api, people: { ...actual.api.people, list: mocks.people } } };
});

const { ApiError } = await import('../../lib/api/errors');

function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function evidence(over: Partial<Evidence>): Evidence {
  return {
    id: 'e1', version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', title: 'Backup test',
    targetKind: 'control', targetId: 'c1', fileName: '', sha256: '', size: 0, mediaType: '', url: '', addedById: '',
    addedOn: '2026-01-01', expiresOn: '', notes: '', ...over,
  };
}

const renderPanel = () =>
  renderWithProviders(
    <ModalsProvider>
      <EvidencePanel targetKind="control" targetId="c1" />
    </ModalsProvider>,
  );

describe('EvidencePanel', () => {
  beforeEach(() => {
    for (const m of Object.values(mocks)) m.mockReset();
    mocks.people.mockResolvedValue([{ id: 'p1', name: 'Ann Auditor', active: true }]);
  });

  it('says how to add evidence when there is none', async () => {
    mocks.list.mockResolvedValue([]);
    renderPanel();
    expect(await screen.findByText(/No evidence yet\. Attach a file/)).toBeInTheDocument();
    expect(mocks.list).toHaveBeenCalledWith('control', 'c1');
    expect(screen.getByRole('button', { name: 'Attach file' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add link' })).toBeInTheDocument();
  });

  it('shows why the evidence could not be read', async () => {
    mocks.list.mockRejectedValue(new ApiError('locked', 'the data folder is not open'));
    renderPanel();
    expect(await screen.findByText('the data folder is not open')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('fails with the backend message without a window', async () => {
    const actual = await vi.importActual<typeof import('../../lib/api/evidence')>('../../lib/api/evidence');
    mocks.list.mockImplementation(actual.evidenceApi.list);
    renderPanel();
    expect(await screen.findByText(/The application backend is not available/)).toBeInTheDocument();
  });

  it('lists files and links with who added them and their expiry', async () => {
    mocks.list.mockResolvedValue([
      evidence({ id: 'e1', title: 'Access review', fileName: 'review.pdf', sha256: 'a'.repeat(64), size: 2048, addedById: 'p1', expiresOn: day(-1) }),
      evidence({ id: 'e2', title: 'Runbook', url: 'https://intranet/runbook', expiresOn: day(10) }),
      evidence({ id: 'e3', title: 'Pen test', url: 'https://intranet/pentest', expiresOn: day(90) }),
    ]);
    renderPanel();
    const review = (await screen.findByText('Access review')).closest('tr')!;
    expect(within(review).getByText('review.pdf')).toBeInTheDocument();
    expect(within(review).getByText('2.0 KB')).toBeInTheDocument();
    expect(await within(review).findByText('by Ann Auditor')).toBeInTheDocument();
    expect(within(review).getByText('Expired')).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Save a copy of Access review' })).toBeInTheDocument();

    const runbook = screen.getByText('Runbook').closest('tr')!;
    expect(within(runbook).getByText('Expires soon')).toBeInTheDocument();
    expect(within(runbook).queryByRole('button', { name: /Save a copy/ })).toBeNull();
    const pentest = screen.getByText('Pen test').closest('tr')!;
    expect(within(pentest).queryByText(/Expire/)).toBeNull();
  });

  it('attaches a chosen file with the confirmed details', async () => {
    const user = userEvent.setup();
    mocks.list.mockResolvedValue([]);
    mocks.chooseFile.mockResolvedValue('/home/ann/scan.png');
    mocks.attachFile.mockRejectedValueOnce(new ApiError('invalid', 'the file scan.png is bigger than the limit of 200.0 MB (209715200 bytes)'));
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Attach file' }));
    const dialog = await screen.findByRole('dialog', { name: 'Attach a file' });
    expect(within(dialog).getByLabelText('Title')).toHaveAttribute('placeholder', 'scan.png');
    await user.type(within(dialog).getByLabelText('Title'), 'Server room door');
    await user.click(within(dialog).getByRole('button', { name: 'Attach' }));
    expect(await within(dialog).findByText(/bigger than the limit of 200.0 MB/)).toBeInTheDocument();
    expect(mocks.attachFile).toHaveBeenCalledWith('control', 'c1', '/home/ann/scan.png', 'Server room door', '', '');

    mocks.attachFile.mockResolvedValueOnce(evidence({ title: 'Server room door' }));
    await user.click(within(dialog).getByRole('button', { name: 'Attach' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Attach a file' })).toBeNull());
  });

  it('does nothing when the file dialog is cancelled', async () => {
    const user = userEvent.setup();
    mocks.list.mockResolvedValue([]);
    mocks.chooseFile.mockResolvedValue('');
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Attach file' }));
    await waitFor(() => expect(mocks.chooseFile).toHaveBeenCalled());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes after confirmation', async () => {
    const user = userEvent.setup();
    mocks.list.mockResolvedValue([evidence({ id: 'e9', version: 4, title: 'Runbook', url: 'https://intranet/runbook' })]);
    mocks.remove.mockResolvedValue(undefined);
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Delete Runbook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete evidence' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete evidence' }));
    await waitFor(() => expect(mocks.remove).toHaveBeenCalledWith('e9', 4));
  });
});

describe('expiry', () => {
  const today = new Date(2026, 5, 15);
  it.each([
    ['', null],
    ['2026-06-14', 'expired'],
    ['2026-06-15', 'soon'],
    ['2026-07-15', 'soon'],
    ['2026-07-16', null],
  ])('%s is %s', (on, want) => {
    expect(expiry(on, today)).toBe(want);
  });
});
