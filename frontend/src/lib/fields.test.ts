import { describe, expect, it } from 'vitest';
import { idsOf, isIdField, orderedKeys, parseStructured, readableValue, summarise } from './fields';
import { haystackCache, matchesHaystack, searchTerms } from './view';

describe('parseStructured', () => {
  it('reads one JSON object a line', () => {
    const v = '{"ref":"4.3","result":"conforming"}\n{"ref":"5.2","result":"minor_nonconformity"}';
    expect(parseStructured(v)).toEqual([{ ref: '4.3', result: 'conforming' }, { ref: '5.2', result: 'minor_nonconformity' }]);
  });
  it('leaves plain text, lists of ids, arrays and broken JSON alone', () => {
    expect(parseStructured('Whole ISMS')).toBeNull();
    expect(parseStructured('id-1\nid-2')).toBeNull();
    expect(parseStructured('{not json}')).toBeNull();
    expect(parseStructured('{"a":1}\nplain')).toBeNull();
    expect(parseStructured('')).toBeNull();
    expect(parseStructured(null)).toBeNull();
  });
});

describe('fields', () => {
  it('tells id fields', () => {
    expect(isIdField('ownerId')).toBe(true);
    expect(isIdField('controlIds')).toBe(true);
    expect(isIdField('decisions.actionIds')).toBe(true);
    expect(isIdField('id')).toBe(false);
    expect(isIdField('paid')).toBe(false);
    expect(isIdField('title')).toBe(false);
  });
  it('splits ids', () => {
    expect(idsOf('a\n b \n\n')).toEqual(['a', 'b']);
    expect(idsOf(null)).toEqual([]);
  });
  it('orders telling keys first', () => {
    expect(orderedKeys([{ evidence: '', question: '', ref: '', result: '' }])).toEqual(['ref', 'question', 'result', 'evidence']);
  });
  it('summarises nested objects in words', () => {
    expect(summarise({ result: 'minor_nonconformity', ref: '6.1.2', ok: true, score: 4.5, tags: ['x', 'y'], empty: '' })).toBe(
      'Ref: 6.1.2 · Result: Minor nonconformity · Ok: Yes · Score: 4.5 · Tags: x, y',
    );
    expect(readableValue('inputs', '{"topic":"d1","minutes":"Noted."}')).toBe(
      'Topic: 9.3.2 (d)(1) Nonconformities and corrective actions · Minutes: Noted.',
    );
    expect(readableValue('status', 'in_review')).toBe('In review');
  });
});

describe('haystackCache', () => {
  it('computes a row haystack once and finds every term in it', () => {
    let calls = 0;
    const hay = haystackCache<{ a: string; b: string | null }>((r) => {
      calls++;
      return [r.a, r.b];
    });
    const row = { a: 'GDPR Art. 32', b: null };
    expect(matchesHaystack(searchTerms('art gdpr'), hay(row))).toBe(true);
    expect(matchesHaystack(searchTerms('art hipaa'), hay(row))).toBe(false);
    expect(calls).toBe(1);
  });
});
