import { describe, expect, it } from 'vitest';
import { ApiError, normaliseError } from './errors';

describe('normaliseError', () => {
  const cases: { name: string; input: unknown; code: string; message: string; fields?: Record<string, string> }[] = [
    {
      name: 'formatter object with fields',
      input: { code: 'invalid', message: 'the requirement is not valid', fields: { title: 'is required' } },
      code: 'invalid',
      message: 'the requirement is not valid',
      fields: { title: 'is required' },
    },
    {
      name: 'JSON string',
      input: '{"code":"conflict","message":"the requirement changed"}',
      code: 'conflict',
      message: 'the requirement changed',
      fields: {},
    },
    {
      name: 'Error wrapping JSON',
      input: new Error('{"code":"not_found","message":"no such requirement"}'),
      code: 'not_found',
      message: 'no such requirement',
    },
    { name: 'plain Error', input: new Error('boom'), code: 'internal', message: 'boom' },
    { name: 'plain string', input: 'the data folder is locked', code: 'internal', message: 'the data folder is locked' },
    { name: 'unknown code', input: { code: 'weird', message: 'odd' }, code: 'internal', message: 'odd' },
    { name: 'null', input: null, code: 'internal', message: 'Something went wrong' },
    { name: 'number', input: 42, code: 'internal', message: 'Something went wrong' },
    { name: 'broken JSON', input: '{"code":', code: 'internal', message: '{"code":' },
    {
      name: 'non-string field values are dropped',
      input: { code: 'invalid', message: 'bad', fields: { ref: 'is required', n: 3 } },
      code: 'invalid',
      message: 'bad',
      fields: { ref: 'is required' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = normaliseError(c.input);
      expect(e).toBeInstanceOf(ApiError);
      expect(e.code).toBe(c.code);
      expect(e.message).toBe(c.message);
      if (c.fields) expect(e.fields).toEqual(c.fields);
    });
  }

  it('returns an ApiError unchanged', () => {
    const e = new ApiError('locked', 'held by another window');
    expect(normaliseError(e)).toBe(e);
  });
});
