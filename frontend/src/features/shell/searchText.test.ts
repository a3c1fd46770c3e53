import { describe, expect, it } from 'vitest';
import { fold, groupByKind, highlight, matches, queryWords } from './searchText';

const marked = (text: string, query: string) =>
  highlight(text, query).filter((p) => p.match).map((p) => p.text);

describe('fold and queryWords', () => {
  it('folds case and accents as Go does', () => {
    expect(fold('Évaluation Straße ØRE')).toBe('evaluation strasse ore');
  });
  it('keeps compounds whole and knows when the last word is a prefix', () => {
    expect(queryWords('A.5.1 backu')).toEqual({ words: ['a.5.1', 'backu'], prefix: true });
    expect(queryWords('backup ')).toEqual({ words: ['backup'], prefix: false });
    expect(queryWords('risk s')).toEqual({ words: ['risk', 's'], prefix: false });
    expect(queryWords('  ')).toEqual({ words: [], prefix: false });
  });
});

describe('highlight', () => {
  it('marks whole words and the prefix of the last word', () => {
    expect(highlight('Restore the backups weekly', 'restore back')).toEqual([
      { text: 'Restore', match: true },
      { text: ' the ', match: false },
      { text: 'back', match: true },
      { text: 'ups weekly', match: false },
    ]);
  });
  it('does not mark an earlier word inside a longer word', () => {
    expect(marked('backups and backup', 'backup policy')).toEqual(['backup']);
  });
  it('marks only at the start of a word', () => {
    expect(marked('feedback about backup', 'back')).toEqual(['back']);
  });
  it('matches across accents and case, marking the original characters', () => {
    expect(marked('Die Prüfung der Lieferanten', 'PRUFUNG lief')).toEqual(['Prüfung', 'Lief']);
    expect(marked('Die Straße', 'strasse ')).toEqual(['Straße']);
  });
  it('marks the parts of a compound', () => {
    expect(marked('See REQ-001 and A.5.1', '001 a.5.1 ')).toEqual(['001', 'A.5.1']);
  });
  it('returns the text unmarked when nothing matches, and nothing for no text', () => {
    expect(highlight('Nothing here', 'zebra')).toEqual([{ text: 'Nothing here', match: false }]);
    expect(highlight('', 'zebra')).toEqual([]);
  });
  it('keeps every character, in order', () => {
    const text = 'Évaluation des fournisseurs – résumé 2025';
    expect(highlight(text, 'evaluation resu').map((p) => p.text).join('')).toBe(text);
  });
});

describe('matches and groupByKind', () => {
  it('needs every word in the label or description', () => {
    expect(matches('new risk', 'New: Risks', 'Open the risks register')).toBe(true);
    expect(matches('new audit', 'New: Risks', 'Open the risks register')).toBe(false);
    expect(matches('thème', 'Switch theme')).toBe(true);
  });
  it('groups by kind in the order of the first result', () => {
    const r = (kind: string, id: string) => ({ kind, kindLabel: kind.toUpperCase(), id });
    const groups = groupByKind([r('policy', '1'), r('risk', '2'), r('policy', '3')]);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([['POLICY', ['1', '3']], ['RISK', ['2']]]);
  });
});
