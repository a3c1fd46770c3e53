import { describe, expect, it } from 'vitest';
import { idsLink, kpiValue, ncCell, ncLabel, ncLink, requirementLink, share, themeLink, themeParts, withQuery } from './dashboard';
import { viewFromAddress } from '../../components/record/address';

describe('dashboard links', () => {
  it('open the registers at the filter the figure counts, in the form the registers read', () => {
    const filters = [{ label: 'Theme' }, { label: 'Applicability' }, { label: 'Implementation' }];
    const link = themeLink('people', 'in_progress');
    expect(link).toBe('/records/controls?theme=people&applicability=applicable&implementation=in_progress');
    const view = viewFromAddress(link.split('?')[1]!, filters);
    expect(view?.filters).toEqual({ Theme: 'people', Applicability: 'applicable', Implementation: 'in_progress' });
    expect(themeLink('physical')).toBe('/records/controls?theme=physical&applicability=applicable');
    expect(requirementLink('non_compliant')).toBe('/requirements?status=non_compliant');
    expect(requirementLink('')).toBe('/requirements');
    expect(withQuery('/x', { a: '', b: 'c d' })).toBe('/x?b=c+d');
  });

  it('list the records of a figure that no filter expresses, under the label the register shows', () => {
    const cells = [{ age: '0-30', grade: 'major', count: 2, ids: ['n1', 'n2'] }, { age: '0-30', grade: 'minor', count: 1, ids: ['n3'] }];
    const link = ncLink(cells, ncLabel('0-30'));
    const view = viewFromAddress(link.split('?')[1]!, [{ label: 'Stage' }]);
    expect(view?.ids).toEqual(['n1', 'n2', 'n3']);
    expect(view?.label).toBe('Open, 0–30 days');
    expect(ncLabel('31-90', 'major')).toBe('Open, 31–90 days, major');
    expect(ncCell(cells, '90+', 'minor')).toEqual({ age: '90+', grade: 'minor', count: 0, ids: [] });
    expect(idsLink('milestones', [], 'None')).toBe('/records/milestones?label=None');
  });
});

describe('dashboard words', () => {
  it('splits a theme into its implementation statuses and shows values with units', () => {
    const parts = themeParts({ theme: 'people', label: 'People', applicable: 8, implemented: 3, inProgress: 2, planned: 1, notStarted: 2 });
    expect(parts.map((p) => p.count)).toEqual([3, 2, 1, 2]);
    expect(share(3, 8)).toBe(38);
    expect(share(1, 0)).toBe(0);
    expect(kpiValue(95, '%')).toBe('95%');
    expect(kpiValue(12.345, 'days')).toBe('12.35 days');
    expect(kpiValue(4, '')).toBe('4');
  });
});
