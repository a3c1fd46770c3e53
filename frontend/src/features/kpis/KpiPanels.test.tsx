import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { Measurement } from '../../lib/api/monitoring';
import { today } from '../../components/record/columns';
import type { Lookups } from '../../components/record/kit';
import { MeasurementsPanel } from './KpiPanels';
import type { KpiRow } from './rows';

const mocks = vi.hoisted(() => ({ ofKpi: vi.fn(), record: vi.fn(), metrics: vi.fn(), measureNow: vi.fn() }));

vi.mock(import('../../lib/api/monitoring'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    monitoring: {
      ...actual.monitoring,
      kpis: { ...actual.monitoring.kpis, metrics: mocks.metrics, measureNow: mocks.measureNow },
      measurements: { ...actual.monitoring.measurements, ofKpi: mocks.ofKpi, record: mocks.record },
    },
  };
});

const { ApiError } = await import('../../lib/api/errors');

const stamp = '2026-01-01T00:00:00Z';
const kpi: KpiRow = {
  id: 'k1', version: 1, createdAt: stamp, updatedAt: stamp, ref: 'KPI-01', name: 'Phishing reports', description: '', method: '',
  frequency: 'monthly', unit: '%', target: 95, direction: 'higher_is_better', amber: 85, ownerId: '', objectiveId: '', controlId: '', active: true, source: 'manual',
  status: { kpiId: 'k1', measurements: 2, latest: 90, latestOn: '2026-02-05', rag: 'amber', previous: 80, previousOn: '2026-01-05', trend: 'up', nextDue: '2026-03-05', due: true },
};
const m = (id: string, date: string, value: number, note = ''): Measurement => ({ id, version: 1, createdAt: stamp, updatedAt: stamp, kpiId: 'k1', date, value, note, source: 'manual' });
const lookups: Lookups = { enumLabel: (_e, v) => (v ? v.charAt(0).toUpperCase() + v.slice(1) : ''), person: () => '', record: (id) => id };

describe('MeasurementsPanel', () => {
  beforeEach(() => {
    mocks.ofKpi.mockReset();
    mocks.record.mockReset();
    mocks.measureNow.mockReset();
    mocks.metrics.mockResolvedValue([
      { source: 'overdue_actions', label: 'Overdue actions', method: 'Number of actions not done or cancelled whose due date has passed.', unit: '', direction: 'lower_is_better', target: 0, amber: 3 },
    ]);
  });

  it('shows the standing, the trend chart and the values newest first with their RAG', async () => {
    mocks.ofKpi.mockResolvedValue([m('m1', '2026-01-05', 80, 'first count'), m('m2', '2026-02-05', 90)]);
    renderWithProviders(<MeasurementsPanel record={kpi} lookups={lookups} />);
    const table = await screen.findByRole('table', { name: 'Measurements of Phishing reports' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['2026-02-05', '2026-01-05']);
    expect(within(rows[0]!).getByText('Amber')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Red')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('img', { name: 'Up, improving' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: /Trend of Phishing reports: 2 measurements from 2026-01-05 to 2026-02-05; latest 90 %; target ≥ 95 %/ })).toBeInTheDocument();
    expect(screen.getByText('Due since 2026-03-05')).toBeInTheDocument();
    expect(mocks.ofKpi).toHaveBeenCalledWith('k1');
  });

  it('records a value for today with one entry and a click', async () => {
    const user = userEvent.setup();
    mocks.ofKpi.mockResolvedValue([]);
    mocks.record.mockResolvedValue(m('m3', today(), 97));
    renderWithProviders(<MeasurementsPanel record={kpi} lookups={lookups} />);
    expect(await screen.findByText(/No measurements yet/)).toBeInTheDocument();
    expect(screen.getByLabelText('Measured on')).toHaveValue(today());
    await user.type(screen.getByRole('textbox', { name: 'Value' }), '97');
    expect(screen.getByText(/would be/)).toHaveTextContent('97 % would be green');
    await user.click(screen.getByRole('button', { name: 'Record' }));
    expect(mocks.record).toHaveBeenCalledWith('k1', today(), 97, '');
    expect(await screen.findByRole('textbox', { name: 'Value' })).toHaveValue('');
  });

  it('puts Go\'s refusal of a second value on a date on the date field', async () => {
    const user = userEvent.setup();
    mocks.ofKpi.mockResolvedValue([m('m2', '2026-02-05', 90)]);
    mocks.record.mockRejectedValue(new ApiError('invalid', 'this KPI already has a value measured on 2026-02-05: edit that measurement instead',
      { date: 'is taken by another measurement of this KPI: edit that one instead' }));
    renderWithProviders(<MeasurementsPanel record={kpi} lookups={lookups} />);
    await screen.findByRole('table');
    await user.clear(screen.getByLabelText('Measured on'));
    await user.type(screen.getByLabelText('Measured on'), '2026-02-05');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), '91');
    await user.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('Date is taken by another measurement of this KPI: edit that one instead')).toBeInTheDocument();
  });

  it('measures an automated KPI on request and keeps the entry by hand behind a button', async () => {
    const user = userEvent.setup();
    const auto: KpiRow = { ...kpi, id: 'k2', name: 'Overdue actions', source: 'overdue_actions', unit: '', direction: 'lower_is_better', target: 0, amber: 3,
      status: { ...kpi.status!, kpiId: 'k2', latest: 2, rag: 'amber', trend: '', previousOn: '', measurements: 1, due: false } };
    mocks.ofKpi.mockResolvedValue([{ ...m('m1', '2026-02-05', 2, '2 overdue actions'), kpiId: 'k2', source: 'automatic' }]);
    mocks.measureNow.mockResolvedValue({ ...m('m2', today(), 1, '1 overdue action'), kpiId: 'k2', source: 'automatic' });
    renderWithProviders(<MeasurementsPanel record={auto} lookups={lookups} />);
    expect(await screen.findByText('Measured automatically from overdue actions')).toBeInTheDocument();
    expect(screen.getByText(/Number of actions not done or cancelled/)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Measurements of Overdue actions' });
    expect(within(table).getByText('Measured automatically')).toBeInTheDocument();
    expect(within(table).getByText('2 overdue actions')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Measure now' }));
    expect(mocks.measureNow).toHaveBeenCalledWith('k2');
    expect(mocks.record).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Enter a value by hand' }));
    expect(screen.getByRole('button', { name: 'Record' })).toBeInTheDocument();
  });
});
