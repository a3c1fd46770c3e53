import { describe, expect, it } from 'vitest';
import type { ImportCounts, ImportPlan, SheetPreview } from '../../lib/api';
import {
  buildRequest, chooseFile, matchOptions, chooseHeader, chooseKind, chooseSheet, columnLabel, columnLetter, columnOptions, countsSummary,
  effectiveHeader, fileName, importBlocker, importedPath, initialState, progressPercent, setFieldColumn, sheetOptions, surveyMissing, auditMissing,
  confidenceOf, dateWarningText, unmappedText, sectionsTitle, setFixed, fixableFields, toggleFix, importLabel, newPeopleText, repeatedTitlesText,
  problemsTitle, guessedText, type WizardState,
} from './wizard';

const base: WizardState = { ...initialState, file: '/tmp/reg.xlsx', kind: 'requirements' };

const counts = (c: Partial<ImportCounts>): ImportCounts => ({
  rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, invalid: 0, sections: 0, ...c,
});

function plan(p: Partial<ImportPlan>): ImportPlan {
  return {
    request: buildRequest(base), fileName: 'reg.xlsx', sha256: '', sheet: 'Sheet1', sheets: [],
    header: { row: 3, rows: 1, firstColumn: 0, columns: [] },
    mapping: { kind: 'requirements', layoutKey: '', columns: {}, fillDown: [], skipSections: true, locale: { dayFirst: false } },
    fields: [], rows: [], newPeople: [], counts: counts({ rows: 3, created: 3 }), errors: [], mappingProblems: [], ...p,
  };
}

describe('buildRequest', () => {
  it('detects the header and skips sections by default', () => {
    expect(buildRequest(base)).toEqual({
      kind: 'requirements', file: '/tmp/reg.xlsx', sheet: '', headerRow: 0, headerRows: 0, map: {}, unmap: [],
      fillDown: [], keepSections: false, dayFirst: false, dateOrder: '', skipInvalid: false, matchBy: '', survey: '',
      audit: '', from2013: false, scale: '', fixed: {}, fixes: [], noFillDown: false, mergeBy: '', sheets: [], allSheets: false,
    });
  });

  it('sends the chosen header, mapping and options', () => {
    let s = chooseHeader(base, 4, 2);
    s = setFieldColumn(s, 'owner', 'E');
    s = setFieldColumn(s, 'notes', null);
    s = { ...s, fillDown: ['A'], skipSections: false, dateOrder: 'day', skipInvalid: true };
    const r = buildRequest(s);
    expect(r.headerRow).toBe(4);
    expect(r.headerRows).toBe(2);
    expect(r.map).toEqual({ owner: 'E' });
    expect(r.unmap).toEqual(['notes']);
    expect(r.fillDown).toEqual(['A']);
    expect(r.keepSections).toBe(true);
    expect(r.dateOrder).toBe('day');
    expect(r.skipInvalid).toBe(true);
  });

  it('does not share arrays with the state', () => {
    const s = setFieldColumn(base, 'notes', null);
    const r = buildRequest(s);
    r.unmap.push('x');
    expect(s.unmap).toEqual(['notes']);
  });
});

describe('state changes', () => {
  it('a column feeds one field', () => {
    let s = setFieldColumn(base, 'title', 'B');
    s = setFieldColumn(s, 'text', 'B');
    expect(s.map).toEqual({ text: 'B' });
  });

  it('mapping a cleared field again takes it out of unmap', () => {
    let s = setFieldColumn(base, 'owner', null);
    expect(s.unmap).toEqual(['owner']);
    s = setFieldColumn(s, 'owner', 'C');
    expect(s.unmap).toEqual([]);
    expect(s.map).toEqual({ owner: 'C' });
  });

  it('a new sheet, kind, header or file resets the mapping overrides', () => {
    const mapped = { ...setFieldColumn(base, 'owner', 'C'), fillDown: ['A'] };
    for (const s of [chooseSheet(mapped, 'Two'), chooseKind(mapped, 'risks'), chooseHeader(mapped, 5, 1), chooseFile(mapped, '/x.csv')]) {
      expect(s.map).toEqual({});
      expect(s.unmap).toEqual([]);
      expect(s.fillDown).toBeNull();
    }
    expect(chooseSheet({ ...mapped, headerRow: 4, headerRows: 1 }, 'Two').headerRow).toBe(0);
    expect(chooseFile(mapped, '/x.csv').kind).toBe('requirements');
  });

  it('header row 0 means detect', () => {
    expect(chooseHeader(base, 0, 2)).toMatchObject({ headerRow: 0, headerRows: 0 });
  });
});

describe('labels', () => {
  it('column letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('column option labels', () => {
    expect(columnLabel({ index: 1, letter: 'B', name: 'Control\nIdentifier' })).toBe('B — Control Identifier');
    expect(columnLabel({ index: 2, letter: 'C', name: '' })).toBe('C — (no name)');
    expect(columnLabel({ index: 3, letter: 'D', name: 'Owner', hidden: true })).toBe('D — Owner (hidden)');
    expect(columnOptions([{ index: 0, letter: 'A', name: 'Ref' }])).toEqual([{ value: 'A', label: 'A — Ref' }]);
    expect(columnOptions(null)).toEqual([]);
  });

  it('sheet options mark hidden sheets', () => {
    const p = { sheets: [{ name: 'Register', hidden: false }, { name: 'Lists', hidden: true }] } as SheetPreview;
    expect(sheetOptions(p)).toEqual([
      { value: 'Register', label: 'Register' },
      { value: 'Lists', label: 'Lists (hidden)' },
    ]);
  });

  it('file names from Windows and Unix paths', () => {
    expect(fileName('C:\\Users\\me\\reg.xlsx')).toBe('reg.xlsx');
    expect(fileName('/home/me/reg.csv')).toBe('reg.csv');
  });

  it('counts summaries', () => {
    expect(countsSummary(counts({ rows: 3, created: 2, invalid: 1 }))).toBe('3 rows: 2 to create, 0 to update, 0 unchanged, 1 invalid');
    expect(countsSummary(counts({ rows: 1, created: 1 }), true)).toBe('1 row: 1 created, 0 updated, 0 unchanged, 0 skipped');
  });

  it('imported records paths', () => {
    expect(importedPath('requirements')).toBe('/requirements');
    expect(importedPath('controls')).toBe('/records/controls');
    expect(importedPath('attendance')).toBe('/records/attendance');
    expect(importedPath('measurements')).toBe('/records/measurements');
  });

  it('progress percent', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ done: 1, total: 0 })).toBe(0);
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 5, total: 3 })).toBe(100);
  });
});

describe('effectiveHeader', () => {
  const p = { headerRow: 3, headerRows: 1 } as SheetPreview;
  it('takes the detected header unless the user chose one', () => {
    expect(effectiveHeader(base, p)).toEqual({ row: 3, rows: 1 });
    expect(effectiveHeader(chooseHeader(base, 5, 2), p)).toEqual({ row: 5, rows: 2 });
    expect(effectiveHeader(base, { headerRow: 0, headerRows: 0 } as SheetPreview)).toEqual({ row: 0, rows: 1 });
    expect(effectiveHeader(base, undefined)).toEqual({ row: 0, rows: 1 });
  });
});

describe('importBlocker', () => {
  it('allows a clean plan', () => {
    expect(importBlocker(plan({}), false)).toBeNull();
  });
  it('blocks on mapping problems', () => {
    expect(importBlocker(plan({ mappingProblems: [{ row: 3, column: '', field: 'title', message: 'Title needs a column' }] }), true)).toMatch(/mapping/);
  });
  it('blocks on invalid rows unless they are skipped', () => {
    const p = plan({ counts: counts({ rows: 3, created: 2, invalid: 1 }) });
    expect(importBlocker(p, false)).toMatch(/1 row is invalid/);
    expect(importBlocker(p, true)).toBeNull();
  });
  it('blocks when nothing would be imported', () => {
    expect(importBlocker(plan({ counts: counts({ rows: 0 }) }), false)).toMatch(/no data rows/);
    expect(importBlocker(plan({ counts: counts({ rows: 2, invalid: 2 }) }), true)).toMatch(/Every row is invalid/);
    expect(importBlocker(undefined, false)).toMatch(/not ready/);
  });
});

describe('matchOptions', () => {
  it('offers the key first, as the default, then the title', () => {
    const fields = [
      { name: 'title', label: 'Title', required: true, type: 'text' },
      { name: 'ref', label: 'Reference', required: true, type: 'text', key: true },
      { name: 'notes', label: 'Notes', required: false, type: 'multiline' },
    ] as unknown as Parameters<typeof matchOptions>[0];
    expect(matchOptions(fields)).toEqual([
      { value: '', label: 'Reference' },
      { value: 'title', label: 'Title' },
    ]);
    expect(buildRequest({ ...base, matchBy: 'title' }).matchBy).toBe('title');
    // the survey goes with survey results only, and is needed before a preview
    expect(buildRequest({ ...base, survey: 's1' }).survey).toBe('');
    expect(buildRequest({ ...base, kind: 'survey-results', survey: 's1' }).survey).toBe('s1');
    expect(surveyMissing({ kind: 'survey-results', survey: '' })).toBe(true);
    expect(surveyMissing({ kind: 'survey-results', survey: 's1' })).toBe(false);
    expect(surveyMissing({ kind: 'attendance', survey: '' })).toBe(false);
    // the audit goes with audit checklist results only, and is needed before a preview
    expect(buildRequest({ ...base, audit: 'a1' }).audit).toBe('');
    expect(buildRequest({ ...base, kind: 'audit-results', audit: 'a1' }).audit).toBe('a1');
    expect(auditMissing({ kind: 'audit-results', audit: '' })).toBe(true);
    expect(auditMissing({ kind: 'audit-results', audit: 'a1' })).toBe(false);
    expect(auditMissing({ kind: 'requirements', audit: '' })).toBe(false);
    expect(importedPath('audit-results')).toBe('/records/audits');
    expect(importedPath('nonconformities')).toBe('/records/nonconformities');
  });
});

describe('a 2013 Statement of Applicability', () => {
  const iso = (applied: boolean) => ({
    rows: 3, headings: 0, applied, message: 'soa.xlsx is a Statement of Applicability of ISO/IEC 27001:2013',
    targets: [{ ref: 'A.5.15', title: 'Access control', from: ['A.9.1.1', 'A.9.1.2'], note: '' }], split: [], unmapped: [], new: [],
  });
  it('is imported only once the user chose to bring it onto the 2022 controls', () => {
    const controls: WizardState = { ...base, kind: 'controls' };
    expect(buildRequest(controls).from2013).toBe(false);
    expect(buildRequest({ ...controls, from2013: true }).from2013).toBe(true);
    expect(buildRequest({ ...base, from2013: true }).from2013).toBe(false); // controls only
    expect(importBlocker(plan({ iso2013: iso(false) }), false)).toMatch(/2013 Statement of Applicability/);
    expect(importBlocker(plan({ iso2013: iso(true) }), false)).toBeNull();
  });
  it('is chosen again for another file', () => {
    expect(chooseFile({ ...base, kind: 'controls', from2013: true }, '/tmp/other.xlsx').from2013).toBe(false);
  });
});

describe('reading: confidence, sections, dates and the scale', () => {
  it('says how each mapped column was found', () => {
    const m = { columns: { ref: 'A', status: 'D', owner: 'E' }, confidence: { ref: 'exact', status: 'guess', owner: 'chosen' } };
    expect(confidenceOf(m, 'ref')?.label).toBe('Exact');
    expect(confidenceOf(m, 'status')).toMatchObject({ label: 'Guess', colour: 'orange' });
    expect(confidenceOf(m, 'owner')?.label).toBe('Chosen');
    expect(confidenceOf(m, 'title')).toBeNull();
    expect(confidenceOf({ columns: { ref: 'A' } }, 'ref')).toBeNull();
  });

  it('counts section rows with the right plural', () => {
    expect(sectionsTitle(1)).toBe('1 row skipped as section headings');
    expect(sectionsTitle(41)).toBe('41 rows skipped as section headings');
  });

  it('explains an ambiguous date column without a command line', () => {
    const w = { message: '3 dates such as 03/04/2024 (column C, Due date) read as 3 April 2024', dayFirst: true };
    const text = dateWarningText(w, 'the file separates its values with semicolons');
    expect(text).toContain('read as 3 April 2024 (day first, as the file separates its values with semicolons)');
    expect(text).toContain('date order');
    expect(text).not.toMatch(/--/);
    expect(dateWarningText({ ...w, dayFirst: false }, 'x')).not.toContain('day first');
  });

  it('names a column left out by its letter, header and count of values', () => {
    expect(unmappedText({ column: 'J', name: "Plan d'action", values: 12 })).toBe("J “Plan d'action” (12 values)");
    expect(unmappedText({ column: 'F', name: ' ', values: 1, hidden: true })).toBe('F (no header) (1 value, hidden)');
  });

  it('explains dates without a day as read on the first day, not as a date order', () => {
    const w = { message: '2 dates such as 2015 (column J, Acquired on) give no day and are read as the first day: 1 January 2015 for 2015', dayFirst: true, partial: true };
    const text = dateWarningText(w, 'the header is in German');
    expect(text).toContain('1 January 2015');
    expect(text).not.toContain('date order');
    expect(text).not.toContain('day first');
  });

  it('sends the scale for risks only, and a new kind forgets it', () => {
    const risks = { ...base, kind: 'risks', scale: ' 1-10 ' };
    expect(buildRequest(risks).scale).toBe('1-10');
    expect(buildRequest({ ...risks, kind: 'requirements' }).scale).toBe('');
    expect(chooseKind(risks, 'requirements').scale).toBe('');
  });
});

describe('same value for every row, fixes and labels', () => {
  it('sends the values for every row trimmed, without the blank ones, and forgets them with a new kind', () => {
    let s = setFixed(base, 'sourceType', 'legal');
    s = setFixed(s, 'source', ' NIS2 ');
    s = setFixed(s, 'notes', '   ');
    expect(buildRequest(s).fixed).toEqual({ sourceType: 'legal', source: 'NIS2' });
    expect(setFixed(s, 'source', '').fixed).toEqual({ sourceType: 'legal', notes: '   ' });
    expect(chooseKind(s, 'risks').fixed).toEqual({});
    expect(fixableFields([
      { name: 'ref', label: 'Reference', required: true, type: 'text', key: true },
      { name: 'source', label: 'Source', required: false, type: 'text' },
    ]).map((f) => f.name)).toEqual(['source']);
  });

  it('ticks and unticks a fix; a new file forgets the fixes', () => {
    let s = toggleFix(base, 'requirement-not-applicable-status', true);
    s = toggleFix(s, 'excluded-control-status', true);
    expect(buildRequest(s).fixes).toEqual(['requirement-not-applicable-status', 'excluded-control-status']);
    s = toggleFix(s, 'requirement-not-applicable-status', false);
    expect(s.fixes).toEqual(['excluded-control-status']);
    expect(chooseFile(s, '/tmp/other.xlsx').fixes).toEqual([]);
  });

  it('names the rows to import with the right plural', () => {
    expect(importLabel(plan({ counts: counts({ rows: 1, created: 1 }) }), false)).toBe('Import 1 row');
    expect(importLabel(plan({ counts: counts({ rows: 2, created: 2 }) }), false)).toBe('Import 2 rows');
    expect(importLabel(plan({ counts: counts({ rows: 8013, invalid: 8012 }) }), true)).toBe('Import 1 row');
    expect(importLabel(plan({ counts: counts({ rows: 100000 }) }), false)).toBe('Import 100,000 rows');
    expect(importLabel(undefined, false)).toBe('Import');
    expect(newPeopleText(1)).toBe('1 new person will be added');
    expect(newPeopleText(3, true)).toBe('3 new people were added');
    expect(repeatedTitlesText(1)).toBe('1 title appears on several rows');
    expect(repeatedTitlesText(4)).toBe('4 titles appear on several rows');
    expect(problemsTitle(1)).toBe('1 problem');
    expect(problemsTitle(8012)).toBe('8,012 problems');
  });

  it('says why a guessed person column adds nobody, and how to add them', () => {
    const g = { field: 'owner', column: 'E', header: 'Owner of the process', names: ['Bob'], count: 3, rows: 1 };
    const text = guessedText(g, 'Owner');
    expect(text).toContain('column E “Owner of the process” by a guess');
    expect(text).toContain('3 names match no one (Bob and 2 others)');
    expect(text).toContain('1 row is left without owner');
    expect(text).not.toMatch(/--/);
  });

  it('offers the fixes when invalid rows block the import', () => {
    const fix = { id: 'x', field: 'status', problem: 'p', description: 'd', rows: 2, examples: [3, 4], applied: false };
    expect(importBlocker(plan({ counts: counts({ rows: 3, invalid: 2 }), fixes: [fix] }), false)).toBe(
      '2 rows are invalid: apply the fixes offered, fix the file, or skip invalid rows and import the rest.');
    expect(importBlocker(plan({ counts: counts({ rows: 3, invalid: 1 }), fixes: [{ ...fix, applied: true }] }), false)).toBe(
      '1 row is invalid: fix the file, or skip invalid rows and import the rest.');
  });
});
