import { plural } from '../../lib/format';
import { describe, expect, it } from 'vitest';
import { ApiError, type ReportInfo } from '../../lib/api';
import {
  exportBlocker, exportErrorHint, exportErrorTitle, ragColour, ragWord, sentence, targetLabel, targetPlaceholder, versionLine,
} from './view';

const review: ReportInfo = { name: 'management-review', title: 'Management review pack', about: '', needsId: false, idKind: 'review' };
const audit: ReportInfo = { name: 'audit', title: 'Internal audit report', about: '', needsId: true, idKind: 'audit' };
const soa: ReportInfo = { name: 'soa', title: 'Statement of Applicability', about: '', needsId: false, idKind: '' };

describe('reports view', () => {
  it('labels the record picker', () => {
    expect(targetLabel('review')).toBe('Management review');
    expect(targetLabel('audit')).toBe('Internal audit');
    expect(targetPlaceholder(review)).toBe('Latest review, planned or held');
    expect(targetPlaceholder(audit)).toBe('Choose the internal audit');
  });

  it('an audit report needs an audit; the review pack defaults to the latest', () => {
    expect(exportBlocker(audit, null)).toMatch(/internal audit/);
    expect(exportBlocker(audit, 'a1')).toBeNull();
    expect(exportBlocker(review, null)).toBeNull();
    expect(exportBlocker(soa, null)).toBeNull();
    expect(exportBlocker(undefined, null)).toBe('Choose a report.');
  });

  it('explains a missing review', () => {
    const e = new ApiError('not_found', 'there is no held management review');
    expect(exportErrorTitle(e, review)).toBe('No management review to report on');
    expect(exportErrorHint(e, review)).toMatch(/Plan a management review/);
    expect(exportErrorTitle(new ApiError('internal', 'disk full'), soa)).toBe('The export failed');
    expect(exportErrorHint(new ApiError('internal', 'disk full'), soa)).toBe('');
  });
});

describe('sentence', () => {
  it('capitalises and ends a message', () => {
    expect(sentence('no management review has been held yet')).toBe('No management review has been held yet.');
    expect(sentence('Done!')).toBe('Done!');
    expect(sentence('  ')).toBe('');
  });
});

describe('preview', () => {
  it('colours and names the statuses', () => {
    expect(ragColour('amber')).toBe('yellow');
    expect(ragColour('red')).toBe('red');
    expect(ragColour('')).toBe('gray');
    expect(ragWord('green')).toBe('Green');
    expect(ragWord('')).toBe('No status');
  });

  it('states the document control', () => {
    expect(versionLine({ edition: 1, approval: 'Owner: Priya Shah (ISMS Manager)', classification: '', previous: '' }))
      .toBe('Version 1 when saved · Owner: Priya Shah (ISMS Manager) · first export of this report');
    expect(versionLine({ edition: 3, approval: 'Owner: Olivia Carter (chair)', classification: 'Confidential – Board', previous: '2025-06-01 10:00' }))
      .toBe('Version 3 when saved · Owner: Olivia Carter (chair) · Confidential – Board · changes since the export of 2025-06-01 10:00');
    expect(plural(1, 'record', 'records')).toBe('1 record');
    expect(plural(2, 'record', 'records')).toBe('2 records');
  });
});
