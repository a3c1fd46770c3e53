import { describe, expect, it } from 'vitest';
import { rewriteCallback } from './callback';
import { normaliseError } from './errors';

describe('rewriteCallback', () => {
  it('turns an object error into JSON text that normaliseError reads back', () => {
    const msg = JSON.stringify({ callbackid: 'x-1', error: { code: 'invalid', message: 'bad', fields: { title: 'is required' } } });
    const out = JSON.parse(rewriteCallback(msg)) as { callbackid: string; error: string };
    expect(out.callbackid).toBe('x-1');
    expect(typeof out.error).toBe('string');
    // What the Wails runtime then does with it:
    const e = normaliseError(new Error(out.error));
    expect(e.code).toBe('invalid');
    expect(e.fields).toEqual({ title: 'is required' });
  });
  it('leaves results, string errors and bad JSON alone', () => {
    const ok = JSON.stringify({ callbackid: 'x', result: { a: 1 } });
    expect(rewriteCallback(ok)).toBe(ok);
    const s = JSON.stringify({ callbackid: 'x', error: 'plain' });
    expect(rewriteCallback(s)).toBe(s);
    expect(rewriteCallback('not json')).toBe('not json');
  });
});
