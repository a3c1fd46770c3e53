import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { Control } from '../../lib/api';
import type { Lookups } from '../../components/record/kit';

const enums: Record<string, { value: string; label: string }[]> = {
  controlTypes: [{ value: 'preventive', label: 'Preventive' }, { value: 'detective', label: 'Detective' }, { value: 'corrective', label: 'Corrective' }],
  securityProperties: [{ value: 'confidentiality', label: 'Confidentiality' }, { value: 'integrity', label: 'Integrity' }, { value: 'availability', label: 'Availability' }],
  cyberConcepts: [{ value: 'identify', label: 'Identify' }, { value: 'protect', label: 'Protect' }, { value: 'detect', label: 'Detect' }, { value: 'respond', label: 'Respond' }],
  capabilities: [{ value: 'threat_and_vulnerability_management', label: 'Threat and vulnerability management' }, { value: 'asset_management', label: 'Asset management' }],
  securityDomains: [{ value: 'protection', label: 'Protection' }, { value: 'defence', label: 'Defence' }, { value: 'resilience', label: 'Resilience' }],
};

vi.mock(import('../../components/record/queries'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, useEnums: () => ({ data: enums }) as unknown as ReturnType<typeof actual.useEnums> };
});

const { AttributesPanel, AttributesView, matches, wordsOf, attributes } = await import('./attributes');

const l: Lookups = {
  enumLabel: (e, v) => enums[e]?.find((o) => o.value === v)?.label ?? v,
  person: () => '',
  record: () => '',
};

function control(over: Partial<Control>): Control {
  return {
    id: 'c1', version: 1, createdAt: '', updatedAt: '', ref: 'A.5.7', title: 'Threat intelligence', theme: 'organizational', custom: false,
    description: '', applicability: 'not_assessed', justification: '', status: 'not_started', ownerId: '', implementationPlan: '', metric: '',
    evidence: '', dueDate: '', kpiIds: [], notes: '', reasons: [], tasks: [],
    controlTypes: ['preventive', 'detective', 'corrective'], securityProperties: ['confidentiality', 'integrity', 'availability'],
    cybersecurityConcepts: ['identify', 'detect', 'respond'], operationalCapabilities: ['threat_and_vulnerability_management'],
    securityDomains: ['defence', 'resilience'], ...over,
  };
}

const ti = control({});
const am = control({ id: 'c2', ref: 'A.5.9', title: 'Inventory', controlTypes: ['preventive'], cybersecurityConcepts: ['identify'],
  operationalCapabilities: ['asset_management'], securityDomains: ['protection'] });

describe('attribute helpers', () => {
  it('matches a control by one attribute value and words its values for people', () => {
    expect(matches(ti, 'securityDomains:resilience')).toBe(true);
    expect(matches(am, 'securityDomains:resilience')).toBe(false);
    expect(matches(am, null)).toBe(true);
    expect(matches(ti, 'controlTypes:corrective')).toBe(true);
    const capabilities = attributes.find((a) => a.field === 'operationalCapabilities')!;
    expect(wordsOf(ti, capabilities, l)).toBe('Threat and vulnerability management');
    expect(wordsOf(control({ operationalCapabilities: null as unknown as string[] }), capabilities, l)).toBe('');
  });
});

describe('AttributesPanel', () => {
  it('shows an Annex A control’s attributes as badges with their labels', () => {
    renderWithProviders(<AttributesPanel record={ti} lookups={l} />);
    expect(screen.getByText('As ISO/IEC 27002:2022 gives them')).toBeInTheDocument();
    for (const label of ['Preventive', 'Detective', 'Corrective', 'Identify', 'Detect', 'Respond', 'Threat and vulnerability management', 'Defence', 'Resilience']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
    expect(screen.queryByText('threat_and_vulnerability_management')).not.toBeInTheDocument();
  });

  it('says when a custom control has none', () => {
    renderWithProviders(<AttributesPanel record={control({ custom: true, ref: 'ORG-1', controlTypes: [], securityProperties: [], cybersecurityConcepts: [], operationalCapabilities: [], securityDomains: [] })} lookups={l} />);
    expect(screen.getByText(/None set yet/)).toBeInTheDocument();
  });
});

describe('AttributesView', () => {
  it('filters the controls by an attribute value', async () => {
    renderWithProviders(<AttributesView rows={[ti, am]} lookups={l} setFilter={() => {}} />);
    expect(screen.getByText(/choose a value to see the controls that have it/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('textbox', { name: 'Filter by attribute' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Domain: Resilience' }));
    expect(await screen.findByText('1 of 2 controls have this attribute')).toBeInTheDocument();
  });
});
