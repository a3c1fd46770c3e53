// A side-by-side comparison of two versions of a policy's text, line by line.
import { useMemo, useState } from 'react';
import { diffLines } from 'diff';
import { Group, Paper, Select, Text } from '@mantine/core';
import type { PolicyVersion } from '../../lib/api';

export interface DiffRow {
  left: string | null;
  right: string | null;
  kind: 'same' | 'removed' | 'added' | 'changed';
}

/** sideBySide pairs the lines of two texts: removed lines on the left, added ones on the right. */
export function sideBySide(a: string, b: string): DiffRow[] {
  const rows: DiffRow[] = [];
  const parts = diffLines(a ?? '', b ?? '');
  const lines = (s: string) => s.replace(/\n$/, '').split('\n');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (!p.added && !p.removed) {
      for (const l of lines(p.value)) rows.push({ left: l, right: l, kind: 'same' });
    } else if (p.removed && parts[i + 1]?.added) {
      const left = lines(p.value);
      const right = lines(parts[i + 1]!.value);
      for (let j = 0; j < Math.max(left.length, right.length); j++) {
        rows.push({ left: left[j] ?? null, right: right[j] ?? null, kind: 'changed' });
      }
      i++;
    } else if (p.removed) {
      for (const l of lines(p.value)) rows.push({ left: l, right: null, kind: 'removed' });
    } else {
      for (const l of lines(p.value)) rows.push({ left: null, right: l, kind: 'added' });
    }
  }
  return rows;
}

const bg = { same: undefined, removed: 'var(--mantine-color-red-0)', added: 'var(--mantine-color-green-0)', changed: 'var(--mantine-color-yellow-0)' };

/** VersionDiff compares two versions chosen by the officer. */
export function VersionDiff({ versions }: { versions: PolicyVersion[] }) {
  const numbers = versions.map((v) => ({ value: v.number, label: `Version ${v.number}` }));
  const [a, setA] = useState<string | null>(versions.length > 1 ? versions[versions.length - 2]!.number : null);
  const [b, setB] = useState<string | null>(versions[versions.length - 1]?.number ?? null);
  const va = versions.find((v) => v.number === a);
  const vb = versions.find((v) => v.number === b);
  const rows = useMemo(() => (va && vb ? sideBySide(va.text, vb.text) : []), [va, vb]);
  const changed = rows.filter((r) => r.kind !== 'same').length;
  return (
    <div>
      <Group mb="xs">
        <Select aria-label="Older version" data={numbers} value={a} onChange={setA} w={150} allowDeselect={false} />
        <Text size="sm">compared with</Text>
        <Select aria-label="Newer version" data={numbers} value={b} onChange={setB} w={150} allowDeselect={false} />
        <Text size="sm" c="dimmed">{va && vb ? (changed ? `${changed} line${changed === 1 ? '' : 's'} differ` : 'The texts are the same') : ''}</Text>
      </Group>
      <Paper withBorder radius="sm" style={{ maxHeight: 420, overflow: 'auto' }}>
        <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: 12, fontFamily: 'var(--mantine-font-family-monospace)' }} aria-label="Differences">
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td style={{ background: r.kind === 'same' ? undefined : r.left === null ? undefined : bg[r.kind === 'added' ? 'same' : r.kind], padding: '1px 6px', verticalAlign: 'top', whiteSpace: 'pre-wrap', wordBreak: 'break-word', borderRight: '1px solid var(--mantine-color-gray-3)' }}>
                  {r.left ?? ''}
                </td>
                <td style={{ background: r.kind === 'same' ? undefined : r.right === null ? undefined : bg[r.kind === 'removed' ? 'same' : r.kind === 'changed' ? 'changed' : 'added'], padding: '1px 6px', verticalAlign: 'top', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {r.right ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Paper>
    </div>
  );
}
