import { describe, expect, it } from 'vitest';
import { averageScore, convertBlock, firstLine } from './rules';

describe('firstLine', () => {
  it('takes the first line, trimmed', () => {
    expect(firstLine('  Resets are slow\nWe wait a day')).toBe('Resets are slow');
    expect(firstLine('one\r\ntwo')).toBe('one');
  });
  it('cuts long lines with an ellipsis', () => {
    expect(firstLine('abcdef', 4)).toBe('abc…');
    expect(firstLine('abcd', 4)).toBe('abcd');
  });
});

describe('convertBlock', () => {
  it('allows new and accepted feedback', () => {
    expect(convertBlock({ status: 'new', improvementId: '' })).toBeNull();
    expect(convertBlock({ status: 'accepted', improvementId: '' })).toBeNull();
  });
  it('refuses converted and rejected feedback', () => {
    expect(convertBlock({ status: 'converted', improvementId: 'x' })).toMatch(/already/);
    expect(convertBlock({ status: 'new', improvementId: 'x' })).toMatch(/already/);
    expect(convertBlock({ status: 'rejected', improvementId: '' })).toMatch(/rejected/);
    expect(convertBlock({ status: 'raised', improvementId: '', nonconformityId: 'n1' })).toMatch(/already raised as a nonconformity/);
    expect(convertBlock({ status: 'accepted', improvementId: '', nonconformityId: 'n1' })).toMatch(/nonconformity/);
  });
});

describe('averageScore', () => {
  const q = (score: number, answers: number) => ({ text: 'q', result: '', score, answers });
  it('is null without scores', () => {
    expect(averageScore([])).toBeNull();
    expect(averageScore([q(0, 10)])).toBeNull();
  });
  it('weights by answers when all scored questions have them', () => {
    expect(averageScore([q(4, 30), q(2, 10)])).toBe(3.5);
  });
  it('is a plain mean otherwise', () => {
    expect(averageScore([q(4, 0), q(2, 10), q(0, 5)])).toBe(3);
  });
});
