import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { RiskMethodChange } from '../../lib/api';
import { changeSummary, sameMethod } from './method';

vi.mock(import('../../components/record/queries'), async (importOriginal) => {
  const actual = await importOriginal();
  const riskLevels = [{ value: 'low', label: 'Low' }, { value: 'medium', label: 'Medium' }, { value: 'high', label: 'High' }, { value: 'critical', label: 'Critical' }];
  return { ...actual, useEnums: () => ({ data: { riskLevels } }) as unknown as ReturnType<typeof actual.useEnums> };
});

const { MethodChangeModal } = await import('./OrganisationPage');

const m = { likelihood: ['Rare', 'Possible', 'Likely'], impact: ['Minor', 'Major', 'Severe'], threshold: 3 };
const change: RiskMethodChange = {
  relevel: 2, withdrawn: 1,
  risks: [
    { riskId: 'r1', ref: 'R-1', title: 'Lost laptop', status: 'accepted', score: 3, level: 'medium', newLevel: 'low', residualScore: 0, residualLevel: '', newResidualLevel: '', withdrawn: true },
    { riskId: 'r3', ref: 'R-3', title: 'Flood', status: 'accepted', score: 9, level: 'critical', newLevel: 'medium', residualScore: 0, residualLevel: '', newResidualLevel: '', withdrawn: false },
  ],
};

describe('risk method change', () => {
  it('tells a changed method from the stored one', () => {
    expect(sameMethod(m, { ...m })).toBe(true);
    expect(sameMethod(m, { ...m, threshold: 2 })).toBe(false);
    expect(sameMethod(m, { ...m, impact: ['Minor', 'Major', 'Grave'] })).toBe(false);
  });

  it('says what saving does, with plurals right', () => {
    expect(changeSummary(change)).toBe(
      'Saving this risk method changes the level of 2 risks and withdraws the acceptance of 1 risk, which would sit above the new acceptance threshold: it goes back to its owner to accept again.',
    );
    expect(changeSummary({ relevel: 1, withdrawn: 0, risks: [] })).toBe('Saving this risk method changes the level of 1 risk.');
  });

  it('lists the risks and asks before saving', async () => {
    const onConfirm = vi.fn();
    renderWithProviders(<MethodChangeModal change={change} threshold={2} onCancel={() => {}} onConfirm={onConfirm} />);
    expect(screen.getByText('Lost laptop')).toBeInTheDocument();
    expect(screen.getByText('Withdrawn: above the threshold')).toBeInTheDocument();
    expect(screen.getByText("Kept: accepted with the owner's reason")).toBeInTheDocument();
    expect(screen.getAllByText('Critical')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Save and withdraw the acceptances' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
