import { describe, expect, it } from 'vitest';
import type { Row } from '../../lib/api';
import { rowView } from './view';

const row = (p: Partial<Row>): Row => ({ kind: 'control', id: p.ref ?? '', ref: '', title: '', status: '', ownerId: '', ownerName: '', due: '', updatedAt: '', ...p });

const rows = [
  row({ ref: 'A.5.10', title: 'Acceptable use', status: 'implemented', ownerName: 'Ann' }),
  row({ ref: 'A.5.2', title: 'Roles and responsibilities', status: 'not_started' }),
  row({ ref: 'A.8.1', title: 'User endpoint devices', status: 'in_progress', ownerName: 'Bob', due: '2025-05-01' }),
];

describe('rowView', () => {
  it('searches ref, title, status words and owner', () => {
    expect(rowView(rows, 'a.5', null).map((r) => r.ref)).toEqual(['A.5.10', 'A.5.2']);
    expect(rowView(rows, 'in progress', null).map((r) => r.ref)).toEqual(['A.8.1']);
    expect(rowView(rows, 'bob', null).map((r) => r.ref)).toEqual(['A.8.1']);
  });
  it('sorts refs naturally', () => {
    expect(rowView(rows, '', { id: 'ref', desc: false }).map((r) => r.ref)).toEqual(['A.5.2', 'A.5.10', 'A.8.1']);
  });
  it('sorts by owner with blanks last', () => {
    expect(rowView(rows, '', { id: 'ownerName', desc: true }).map((r) => r.ref)).toEqual(['A.8.1', 'A.5.10', 'A.5.2']);
  });
});
