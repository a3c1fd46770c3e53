// Pure helpers of the search box: folding text as Go's search does (lower case, accents
// removed), splitting a snippet into its matching and other parts, filtering the palette's
// own entries and grouping the records found by kind.

/** Letters that do not decompose into a base letter and accents, spelled out as Go does. */
const special: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o',
  ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i',
};

/** foldChar folds one character: "É" -> "e", "ß" -> "ss". */
function foldChar(c: string): string {
  return special[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** fold returns s in lower case without accents. */
export function fold(s: string): string {
  let out = '';
  for (const c of s) out += foldChar(c);
  return out;
}

const wordChar = /[\p{L}\p{N}]/u;

/** queryWords are the folded words of a query and whether the last also matches as a prefix (as in Go: it is still being typed and has two characters or more). */
export function queryWords(query: string): { words: string[]; prefix: boolean } {
  const words = fold(query).split(/[^\p{L}\p{N}.\-_/'’]+/u)
    .map((w) => w.replace(/^[.\-_/'’]+|[.\-_/'’]+$/gu, ''))
    .filter((w) => w !== '');
  const last = words[words.length - 1] ?? '';
  const prefix = words.length > 0 && !/\s$/u.test(query) && [...last].length >= 2;
  return { words, prefix };
}

/** A part of a text: matching the query or not. */
export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * highlight splits text into the parts that match the query's words and the rest. A word
 * matches where a word of the text starts (so "001" marks the end of "REQ-001"); the
 * query's earlier words match whole words only, its last one also the start of a word.
 */
export function highlight(text: string, query: string): TextPart[] {
  const { words, prefix } = queryWords(query);
  if (words.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  // The folded text, with each folded character's span in text.
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + c.length);
    }
    folded += f;
    i += c.length;
  }
  const marked = new Array<boolean>(text.length).fill(false);
  words.forEach((w, wi) => {
    const asPrefix = prefix && wi === words.length - 1;
    for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + 1)) {
      const end = at + w.length;
      if (at > 0 && wordChar.test(folded[at - 1])) continue;
      if (!asPrefix && end < folded.length && wordChar.test(folded[end])) continue;
      for (let k = from[at]; k < to[end - 1]; k++) marked[k] = true;
    }
  });
  const parts: TextPart[] = [];
  for (let k = 0; k < text.length;) {
    const m = marked[k];
    let e = k;
    while (e < text.length && marked[e] === m) e++;
    parts.push({ text: text.slice(k, e), match: m });
    k = e;
  }
  return parts;
}

/** matches reports whether every word of the query occurs in one of the texts (the palette's own entries). */
export function matches(query: string, ...texts: (string | undefined)[]): boolean {
  const { words } = queryWords(query);
  const hay = fold(texts.filter(Boolean).join(' '));
  return words.every((w) => hay.includes(w));
}

/** A kind's records found, in Go's order. */
export interface Group<T> {
  kind: string;
  label: string;
  items: T[];
}

/** groupByKind groups results by kind, the groups in the order of their first result. */
export function groupByKind<T extends { kind: string; kindLabel: string }>(results: T[]): Group<T>[] {
  const groups: Group<T>[] = [];
  const byKind = new Map<string, Group<T>>();
  for (const r of results) {
    let g = byKind.get(r.kind);
    if (!g) {
      g = { kind: r.kind, label: r.kindLabel, items: [] };
      byKind.set(r.kind, g);
      groups.push(g);
    }
    g.items.push(r);
  }
  return groups;
}
