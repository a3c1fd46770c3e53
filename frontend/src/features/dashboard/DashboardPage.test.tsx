import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import type { Dashboard } from '../../lib/api';
import { DashboardPage } from './DashboardPage';

const mocks = vi.hoisted(() => ({ summary: vi.fn() }));

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, api: { ...actual.api, dashboard: { summary: mocks.summary } } };
});

const empty: Dashboard = {
  counts: [{ kind: 'control', plural: 'controls', label: 'Controls', count: 93 }],
  requirementStatuses: [], controlStatuses: [], nonconformityStatuses: [], overdue: [], upcoming: [], decisions: [],
  objectives: [], kpis: [], kpiRag: { green: 0, amber: 0, red: 0, unmeasured: 0 },
  themes: [{ theme: 'people', label: 'People', applicable: 0, implemented: 0, inProgress: 0, planned: 0, notStarted: 0 }],
  openNcs: [], timeline: { total: 0, done: 0, due: 0, overdue: 0, dueIds: [], overdueIds: [] },
};

describe('DashboardPage', () => {
  it('leads to the decisions waiting, for whom, and links every figure to its filtered register', async () => {
    mocks.summary.mockResolvedValue({
      ...empty,
      decisions: [{
        key: 'policy/p1/policy_approval', sort: 'policy_approval', ask: 'Approve or reject the policy version', kind: 'policy', id: 'p1',
        ref: 'POL-01', title: 'Information security policy', what: 'Approve version 1.1 of POL-01 Information security policy',
        who: 'Bea Boss', owner: 'Ola Owner', when: 'Version 1.1 sent for approval', note: '', since: '2026-02-01',
        link: '/records/policies/p1', escalation: false,
      }],
      kpis: [{ id: 'k1', ref: 'KPI-01', name: 'Patch latency within the agreed service level', unit: 'days', target: 7, rag: 'red', latest: 18, latestOn: '2026-02-01', values: [9, 12, 18], link: '/records/kpis/k1' }],
      kpiRag: { green: 0, amber: 0, red: 1, unmeasured: 0 },
      requirementStatuses: [{ status: 'compliant', count: 12000 }, { status: 'non_compliant', count: 8000 }],
      openNcs: [{ age: '31-90', grade: 'major', count: 1, ids: ['n1'] }],
    } satisfies Dashboard);
    renderWithProviders(<DashboardPage />);

    const decisions = await screen.findByRole('region', { name: 'Decisions waiting' });
    const row = within(decisions).getByRole('link', { name: 'Approve version 1.1 of POL-01 Information security policy' });
    expect(row.getAttribute('href')).toBe('/records/policies/p1');
    expect(within(decisions).getByText('For Bea Boss')).toBeTruthy();

    const kpis = screen.getByRole('region', { name: 'KPIs' });
    expect(within(kpis).getByRole('link', { name: '1 red' }).getAttribute('href')).toBe('/records/kpis?rag=red');
    expect(within(kpis).getByRole('link', { name: 'KPI-01 Patch latency within the agreed service level' })).toBeTruthy();

    const reqs = screen.getByRole('region', { name: 'Requirement compliance' });
    expect(within(reqs).getByRole('link', { name: 'Non-compliant: 8000 requirements' }).getAttribute('href')).toBe('/requirements?status=non_compliant');

    const ncs = screen.getByRole('region', { name: 'Open nonconformities' });
    expect(within(ncs).getByRole('link', { name: 'Open, 31–90 days, major: 1' }).getAttribute('href')).toBe(
      '/records/nonconformities?ids=n1&label=Open%2C+31%E2%80%9390+days%2C+major',
    );
  });

  it('offers the window\'s own actions when there is nothing yet', async () => {
    mocks.summary.mockResolvedValue(empty);
    renderWithProviders(<DashboardPage />);
    const objectives = await screen.findByRole('region', { name: 'Objectives progress' });
    expect(within(objectives).getByRole('link', { name: 'Add your first objective' }).getAttribute('href')).toBe('/records/objectives?new=1');
    const reqs = screen.getByRole('region', { name: 'Requirement compliance' });
    expect(within(reqs).getByRole('link', { name: 'Import a register' }).getAttribute('href')).toBe('/import?kind=requirements');
    expect(screen.getByText('No approval, acceptance or sign-off is waiting.')).toBeTruthy();
    expect(screen.getByTestId('count-control').textContent).toBe('93');
  });
});
