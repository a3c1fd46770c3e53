import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import type { AuditProgramme, ProgrammeArea } from '../../lib/api';
import type { Lookups } from '../../components/record/kit';
import { ProgrammeView, coverColor, coverage, programmeSummary } from './ProgrammeView';

const mocks = vi.hoisted(() => ({ programme: vi.fn() }));

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, api: { ...actual.api, audits: { ...actual.api.audits, programme: mocks.programme } } };
});

const lookups: Lookups = { enumLabel: (_e, v) => ({ planned: 'Planned', completed: 'Reported' })[v] ?? v, person: (id) => id, record: (id) => id };

const area = (ref: string, kind: string, title: string, over: Partial<ProgrammeArea> = {}): ProgrammeArea => ({
  ref, kind, title, total: 7, covered: 0, gap: false, notApplicable: false, undated: [],
  cells: [2025, 2026, 2027].map((year) => ({ year, audits: [] })), ...over,
});

const programme = (): AuditProgramme => ({
  from: 2025, to: 2027, years: [2025, 2026, 2027], gaps: 2,
  audits: [
    { auditId: 'a1', ref: 'IA-1', title: 'Competence', status: 'completed', startDate: '2025-03-01', year: 2025 },
    { auditId: 'a3', ref: 'IA-3', title: 'Technology', status: 'planned', startDate: '', year: 0 },
  ],
  areas: [
    area('7', 'clause', 'Support', { covered: 1, cells: [{ year: 2025, audits: [{ auditId: 'a1', ref: 'IA-1', status: 'completed', items: 1 }] }, { year: 2026, audits: [] }, { year: 2027, audits: [] }] }),
    area('8', 'clause', 'Operation', { total: 3, gap: true }),
    area('A.7', 'theme', 'Physical controls', { total: 0, notApplicable: true }),
    area('A.8', 'theme', 'Technological controls', { total: 34, gap: true, undated: [{ auditId: 'a3', ref: 'IA-3', status: 'planned', items: 34 }] }),
  ],
});

describe('the audit programme', () => {
  beforeEach(() => mocks.programme.mockReset());

  it('says the cycle, its coverage and its gaps in words', () => {
    expect(programmeSummary(programme())).toBe('Cycle 2025–2027: 1 audit; 1 of 3 areas covered. Gaps: clause 8, A.8.');
    expect(programmeSummary({ ...programme(), audits: [], gaps: 0, areas: [area('7', 'clause', 'Support', { covered: 7 })] }))
      .toBe('Cycle 2025–2027: no audit planned yet; 1 of 1 areas covered. Every clause and theme is covered in the cycle.');
    expect(coverage({ kind: 'clause', covered: 1, total: 7, notApplicable: false })).toBe('1 of 7 sub-clauses');
    expect(coverage({ kind: 'theme', covered: 1, total: 1, notApplicable: false })).toBe('1 of 1 control');
    expect(coverage({ kind: 'theme', covered: 0, total: 0, notApplicable: true })).toBe('Excluded by the Statement of Applicability');
    expect([coverColor('planned'), coverColor('in_progress'), coverColor('completed'), coverColor('closed')]).toEqual(['gray', 'blue', 'green', 'green']);
  });

  it('shows each area by year with its audits and highlights the gaps', async () => {
    mocks.programme.mockResolvedValue(programme());
    renderWithProviders(<ProgrammeView rows={[]} lookups={lookups} setFilter={() => {}} />);
    const table = await screen.findByRole('table', { name: 'Audit programme' });
    expect(within(table).getByRole('columnheader', { name: '2026' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Not dated yet' })).toBeTruthy();
    const support = within(table).getByRole('row', { name: 'Clause 7' });
    expect(within(support).getByRole('link', { name: 'IA-1' }).getAttribute('href')).toContain('a1');
    expect(within(support).getByText('1 of 7 sub-clauses')).toBeTruthy();
    const operation = within(table).getByRole('row', { name: 'Clause 8' });
    expect(within(operation).getByText('Gap')).toBeTruthy();
    expect(within(operation).getByText('Plan an audit')).toBeTruthy();
    const tech = within(table).getByRole('row', { name: 'Theme A.8' });
    expect(within(tech).getByText('Date its audit')).toBeTruthy();
    expect(within(tech).getByRole('link', { name: 'IA-3' })).toBeTruthy();
    expect(within(within(table).getByRole('row', { name: 'Theme A.7' })).queryByText('Gap')).toBeNull();
  });
});
