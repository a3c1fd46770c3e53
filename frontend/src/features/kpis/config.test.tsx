import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import { RecordFormBody } from '../../components/record/RecordForm';
import { kpiArea } from './config';

const mocks = vi.hoisted(() => ({ enums: vi.fn(), choices: vi.fn(), people: vi.fn(), metrics: vi.fn(), create: vi.fn() }));

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    api: {
      ...actual.api,
      kpis: { ...actual.api.kpis, metrics: mocks.metrics, create: mocks.create },
      options: { enums: mocks.enums, choices: mocks.choices },
      people: { ...actual.api.people, list: mocks.people },
    },
  };
});

const input = (label: string) => screen.queryAllByLabelText(label).find((e) => e.tagName === 'INPUT') as HTMLInputElement | undefined;

describe('the KPI form', () => {
  beforeEach(() => {
    for (const m of Object.values(mocks)) m.mockReset();
    mocks.enums.mockResolvedValue({
      kpiSources: [{ value: 'manual', label: 'Entered by hand' }, { value: 'overdue_actions', label: 'Overdue actions' }],
      frequencies: [{ value: 'monthly', label: 'Monthly' }],
      directions: [{ value: 'higher_is_better', label: 'Higher is better' }, { value: 'lower_is_better', label: 'Lower is better' }],
    });
    mocks.choices.mockResolvedValue([]);
    mocks.people.mockResolvedValue([]);
    mocks.metrics.mockResolvedValue([
      { source: 'overdue_actions', label: 'Overdue actions', method: 'Number of actions past their due date.', unit: '', direction: 'lower_is_better', target: 0, amber: 3 },
    ]);
    mocks.create.mockImplementation((k) => Promise.resolve({ ...k, id: 'k1', version: 1 }));
  });

  it('fills an automated measure\'s defaults and hides what Go works out', async () => {
    const user = userEvent.setup();
    renderWithProviders(<RecordFormBody config={kpiArea} opened onClose={() => {}} />);
    expect(input('Unit')).toBeDefined();
    expect(screen.getByRole('textbox', { name: 'How it is measured' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Reference' }), 'KPI-08');
    await user.click(input('Measured from')!);
    await user.click(await screen.findByRole('option', { name: 'Overdue actions' }));

    await waitFor(() => expect(input('Unit')).toBeUndefined());
    expect(input('Direction')).toBeUndefined();
    expect(screen.queryByRole('textbox', { name: 'How it is measured' })).not.toBeInTheDocument();
    expect(screen.getByText('Measured automatically: Number of actions past their due date.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Overdue actions');
    expect(input('Amber threshold')).toHaveValue('3');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mocks.create).toHaveBeenCalled());
    expect(mocks.create.mock.calls[0]![0]).toMatchObject({
      ref: 'KPI-08', name: 'Overdue actions', source: 'overdue_actions', unit: '', direction: 'lower_is_better', target: 0, amber: 3,
      description: 'Number of actions past their due date.',
    });
  }, 30_000);
});
