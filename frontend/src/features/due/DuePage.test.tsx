import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { DueItem } from '../../lib/api';
import { DuePage } from './DuePage';

const mocks = vi.hoisted(() => ({ list: vi.fn(), count: vi.fn(), saveCalendar: vi.fn() }));

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, api: { ...actual.api, due: { list: mocks.list, count: mocks.count, saveCalendar: mocks.saveCalendar } } };
});

const item = (what: string, days: number, extra: Partial<DueItem> = {}): DueItem => ({
  key: what, kind: 'action', type: 'action', typeLabel: 'Action', id: what, ref: '', title: what, what,
  due: '2026-03-10', overdue: days < 0, days, personId: '', who: '', link: `/records/actions/${what}`, ...extra,
});

describe('DuePage', () => {
  beforeEach(() => {
    mocks.list.mockReset();
    mocks.saveCalendar.mockReset();
    mocks.list.mockImplementation(async (days: number) => [
      item('Measurement of KPI-03 Phishing click rate (monthly)', -5, { type: 'measurement', typeLabel: 'KPI measurement', who: 'Ana Ortega', kind: 'kpi', link: '/records/kpis/k3' }),
      item('Policy review of POL-02 Access control', 3, { type: 'policy_review', typeLabel: 'Policy review', who: 'Ben Brandt' }),
      ...(days >= 90 ? [item('Internal audit IA-02 to start', 60, { type: 'audit', typeLabel: 'Internal audit' })] : []),
    ]);
    mocks.saveCalendar.mockResolvedValue('/tmp/due.ics');
  });

  it('groups what is due, links each row, widens the window and exports the calendar', async () => {
    renderWithProviders(<DuePage />);
    const overdue = await screen.findByRole('region', { name: 'Overdue' });
    const link = within(overdue).getByRole('link', { name: 'Measurement of KPI-03 Phishing click rate (monthly)' });
    expect(link.getAttribute('href')).toBe('/records/kpis/k3');
    expect(within(overdue).getByText('5 days overdue')).toBeTruthy();
    expect(within(overdue).getByText('Ana Ortega')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'This week' })).getByText('Policy review of POL-02 Access control')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Later' })).toBeNull();
    expect(mocks.list).toHaveBeenCalledWith(30);

    await userEvent.click(screen.getByText('90 days'));
    expect(await screen.findByRole('region', { name: 'Later' })).toBeTruthy();
    expect(mocks.list).toHaveBeenCalledWith(90);

    await userEvent.click(screen.getByRole('button', { name: 'Export to calendar (.ics)' }));
    await waitFor(() => expect(mocks.saveCalendar).toHaveBeenCalled());
  });
});
