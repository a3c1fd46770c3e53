import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../lib/api';
import { auditorName, closeMissing, isNC, itemRef, itemTitle, needsFinding, refOptions, refTitle, reportMissing, resultCounts, resultWord, resultsSummary, severityOf, titlesOf } from './results';
import { followUp } from './findingConfig';

const item = (ref: string, result: string, over: Partial<ChecklistItem> = {}): ChecklistItem => ({ ref, title: '', question: 'Q', result, evidence: '', ...over });

describe('checklist results in words', () => {
  it('summarises a checklist as the register shows it', () => {
    const items = [
      ...Array.from({ length: 12 }, (_, i) => item(`A.5.${i + 1}`, 'conforming')),
      item('7.2', 'minor_nc'), item('A.5.15', 'minor_nc'), item('6.1.2', 'observation'),
    ];
    expect(resultsSummary(items)).toBe('12 conforming · 2 minor · 1 observation');
    expect(resultsSummary([item('9.1', 'major_nc'), item('9.2', 'opportunity'), item('9.3', 'opportunity'), item('10.1', ''), item('10.2', 'observation'), item('4.1', 'observation')]))
      .toBe('1 major · 2 observations · 2 opportunities · 1 not checked');
    expect(resultsSummary([])).toBe('');
    expect(resultsSummary([item('A.7.4', 'not_sampled'), item('A.7.5', 'not_sampled'), item('7.2', 'conforming')])).toBe('1 conforming · 2 not sampled');
  });

  it('counts a blank result as not checked and keeps unknown results', () => {
    expect(resultCounts([item('', ''), item('', 'not_checked')]).get('not_checked')).toBe(2);
    expect(resultsSummary([item('4.1', 'waived')])).toBe('1 waived');
  });

  it('labels results briefly, singular and plural', () => {
    expect(resultWord('minor_nc')).toBe('minor');
    expect(resultWord('major_nc', 3)).toBe('major');
    expect(resultWord('observation', 2)).toBe('observations');
    expect(resultWord('opportunity', 1)).toBe('opportunity');
    expect(resultWord('opportunity', 2)).toBe('opportunities');
    expect(resultWord('')).toBe('not checked');
    expect(isNC('major_nc') && isNC('minor_nc') && !isNC('observation')).toBe(true);
    expect([severityOf('minor_nc'), severityOf('major_nc'), severityOf('conforming')]).toEqual(['minor', 'major', '']);
  });
});

describe('references and their titles', () => {
  const titles = titlesOf(
    [{ value: '7.2', label: 'Competence' }, { value: '9.2', label: 'Internal audit' }],
    [{ value: 'id-1', label: 'A.5.15 Access control' }, { value: 'id-2', label: 'A.7.2 Physical entry' }],
  );

  it('writes references as Go does', () => {
    expect(itemRef(' clause 7.2 ')).toBe('7.2');
    expect(itemRef('a.05.15')).toBe('A.5.15');
    expect(itemRef('A 5.15')).toBe('A.5.15');
    expect(itemRef('7.2')).toBe('7.2'); // a clause, never control A.7.2
    expect(itemRef('C-01')).toBe('C-01');
    expect(itemRef('Annex A 5.15')).toBe('A.5.15');
    expect(itemRef('control 8.24')).toBe('A.8.24');
    expect(itemRef('Controls A.8.24')).toBe('A.8.24');
  });

  it('finds clause and control titles', () => {
    expect(refTitle('7.2', titles)).toBe('Competence');
    expect(refTitle('A.7.2', titles)).toBe('Physical entry');
    expect(refTitle('a.5.15', titles)).toBe('Access control');
    expect(refTitle('11.1', titles)).toBe('');
    // Go's title first; the reference's title for items saved before titles were recorded
    expect(itemTitle({ ref: '7.2', title: 'Competence' }, titles)).toBe('Competence');
    expect(itemTitle({ ref: 'A.7.2', title: '' }, titles)).toBe('Physical entry');
    expect(itemTitle({ ref: '', title: '' }, titles)).toBe('');
    expect(refOptions(titles).map((o) => o.label)).toEqual(['7.2 Competence', '9.2 Internal audit', 'A.5.15 Access control', 'A.7.2 Physical entry']);
  });
});

describe('the Report and Close mirrors', () => {
  it('names what keeps the audit from being reported', () => {
    expect(reportMissing([], [])).toEqual(['a checklist']);
    const items = [item('7.2', 'minor_nc'), item('A.5.15', 'major_nc'), item('9.2', 'not_checked'), item('4.1', 'conforming'), item('A.7.4', 'not_sampled')];
    expect(reportMissing(items, [{ severity: 'observation', clause: '7.2' }])).toEqual([
      '1 item to assess', 'the reason why an item was not sampled', 'a finding for the nonconformity at 7.2', 'a finding for the nonconformity at A.5.15',
    ]);
    expect(reportMissing(items.slice(0, 2), [{ severity: 'minor', clause: 'clause 7.2' }, { severity: 'major', clause: 'a.5.15' }])).toEqual([]);
    // not sampled with its reason is assessed
    expect(reportMissing([item('A.7.4', 'not_sampled', { evidence: 'Alarm contract being renewed' })], [])).toEqual([]);
  });

  it('names the nonconformities to raise before closing', () => {
    expect(closeMissing([
      { ref: 'IA-1-F1', title: 'Records missing', severity: 'minor', nonconformityId: '' },
      { ref: 'IA-1-F2', title: 'Leavers keep access', severity: 'major', nonconformityId: 'n1' },
      { ref: 'IA-1-F3', title: 'Plan informal', severity: 'observation', nonconformityId: '' },
    ])).toEqual(['IA-1-F1 Records missing']);
    expect(closeMissing([])).toEqual([]);
  });

  it('offers a finding only for a nonconformity with a reference and no finding', () => {
    expect(needsFinding(item('7.2', 'minor_nc'), [])).toBe(true);
    expect(needsFinding(item('', 'minor_nc'), [])).toBe(false);
    expect(needsFinding(item('7.2', 'observation'), [])).toBe(false);
    expect(needsFinding(item('7.2', 'minor_nc'), [{ severity: 'major', clause: '7.2' }])).toBe(false);
  });

  it('names the auditor and the follow-up of a finding', () => {
    expect(auditorName({ auditorId: 'p1', auditorName: '' }, () => 'Sophie Turner')).toBe('Sophie Turner');
    expect(auditorName({ auditorId: '', auditorName: 'Audit Skills Ltd' }, () => '')).toBe('Audit Skills Ltd (external)');
    expect(followUp({ severity: 'minor', nonconformityId: '' })).toBe('to_raise');
    expect(followUp({ severity: 'major', nonconformityId: 'n1' })).toBe('raised');
    expect(followUp({ severity: 'observation', nonconformityId: '' })).toBe('none');
  });
});
