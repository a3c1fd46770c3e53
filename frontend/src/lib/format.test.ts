import { describe, expect, it } from 'vitest';
import { displayValue, fieldLabel, formatDate, formatStatus, statusColour } from './format';

describe('formatStatus', () => {
  it.each([
    ['not_assessed', 'Not assessed'],
    ['compliant', 'Compliant'],
    ['non_compliant', 'Non-compliant'],
    ['partial', 'Partially compliant'],
    ['in_progress', 'In progress'],
    ['not_applicable', 'Not applicable'],
    ['', ''],
  ])('%s -> %s', (v, want) => expect(formatStatus(v)).toBe(want));
  it('handles null', () => expect(formatStatus(null)).toBe(''));
});

describe('formatDate', () => {
  it.each([
    ['2025-03-04', '2025-03-04'],
    ['2025-03-04T10:11:12Z', '2025-03-04'],
    ['0001-01-01T00:00:00Z', ''],
    ['', ''],
  ])('%s -> %s', (v, want) => expect(formatDate(v)).toBe(want));
});

describe('statusColour', () => {
  it.each([
    ['compliant', 'green'],
    ['implemented', 'green'],
    ['partial', 'yellow'],
    ['non_compliant', 'red'],
    ['not_assessed', 'gray'],
    ['something_else', 'blue'],
  ])('%s -> %s', (v, want) => expect(statusColour(v)).toBe(want));
});

describe('fieldLabel', () => {
  it.each([
    ['dueDate', 'Due date'],
    ['controlIds', 'Controls'],
    ['ownerId', 'Owner'],
    ['ref', 'Ref'],
  ])('%s -> %s', (v, want) => expect(fieldLabel(v)).toBe(want));
});

describe('displayValue', () => {
  it.each([
    ['status', 'not_started', 'Not started'],
    ['theme', 'organizational', 'Organizational'],
    ['applicability', 'not_assessed', 'Not assessed'],
    ['custom', 'no', 'No'],
    ['title', 'plain words', 'plain words'],
    ['title', 'lowercase', 'lowercase'],
  ])('%s=%s -> %s', (f, v, want) => expect(displayValue(f, v)).toBe(want));
});
