// Column builders of the record kit: an area's register is a list of these.
import { Text } from '@mantine/core';
import { StatusBadge } from '../StatusBadge';
import { formatDate } from '../../lib/format';
import type { ColumnSpec } from './kit';

type Get<T, V> = (r: T) => V;

export const col = {
  /** ref is the record's reference, bold. */
  ref<T>(get: Get<T, string>, header = 'Reference', width = 'minmax(96px, 0.7fr)'): ColumnSpec<T> {
    return { id: 'ref', header, width, value: get, render: (r) => <Text size="sm" fw={600} truncate>{get(r)}</Text> };
  },
  /** text is a plain text column. */
  text<T>(id: string, header: string, get: Get<T, string>, width = 'minmax(140px, 2fr)'): ColumnSpec<T> {
    return { id, header, width, value: get, render: (r) => <Text size="sm" truncate title={get(r)}>{get(r)}</Text> };
  },
  /** dim is a secondary text column. */
  dim<T>(id: string, header: string, get: Get<T, string>, width = 'minmax(90px, 1fr)'): ColumnSpec<T> {
    return { id, header, width, value: get, render: (r) => <Text size="sm" c="dimmed" truncate title={get(r)}>{get(r)}</Text> };
  },
  /** person shows a person's name. */
  person<T>(id: string, header: string, get: Get<T, string>, width = 'minmax(100px, 1fr)'): ColumnSpec<T> {
    return {
      id, header, width,
      value: (r, l) => l.person(get(r)),
      render: (r, l) => <Text size="sm" truncate>{l.person(get(r))}</Text>,
    };
  },
  /** status shows an enum value as a coloured badge. */
  status<T>(id: string, header: string, enumName: string, get: Get<T, string>, width = '132px'): ColumnSpec<T> {
    return {
      id, header, width,
      value: (r, l) => l.enumLabel(enumName, get(r)),
      render: (r, l) => <StatusBadge status={get(r)} label={l.enumLabel(enumName, get(r))} />,
    };
  },
  /** label shows an enum value in words. */
  label<T>(id: string, header: string, enumName: string, get: Get<T, string>, width = '120px'): ColumnSpec<T> {
    return {
      id, header, width,
      value: (r, l) => l.enumLabel(enumName, get(r)),
      render: (r, l) => <Text size="sm" truncate>{l.enumLabel(enumName, get(r))}</Text>,
    };
  },
  /** date shows a date as YYYY-MM-DD; overdue, when given, shows it red. */
  date<T>(id: string, header: string, get: Get<T, string>, overdue?: (r: T) => boolean, width = '96px'): ColumnSpec<T> {
    return {
      id, header, width,
      value: (r) => formatDate(get(r)),
      render: (r) => (
        <Text size="sm" c={overdue?.(r) ? 'red' : undefined} fw={overdue?.(r) ? 600 : undefined} title={overdue?.(r) ? 'Overdue' : undefined}>
          {formatDate(get(r))}
        </Text>
      ),
    };
  },
  /** number is a right-aligned number; 0 shows as blank when blankZero. */
  number<T>(id: string, header: string, get: Get<T, number>, blankZero = true, width = '72px'): ColumnSpec<T> {
    return {
      id, header, width,
      value: get,
      render: (r) => <Text size="sm" ta="right">{blankZero && !get(r) ? '' : get(r)}</Text>,
    };
  },
};

/** today is the local date as YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
