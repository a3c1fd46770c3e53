// The tables of the wizard: planned rows and problems, both virtualised.
import { Badge, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '../../components/DataTable';
import type { PlannedRow, Problem, SectionRow } from '../../lib/api';

const actionColour: Record<string, string> = { create: 'green', update: 'blue', unchanged: 'gray', invalid: 'red', section: 'gray' };

export function ActionBadge({ action }: { action: string }) {
  return (
    <Badge color={actionColour[action] ?? 'gray'} variant="light" radius="sm" tt="none" fw={600}>
      {action}
    </Badge>
  );
}

const rowColumns: ColumnDef<PlannedRow>[] = [
  { id: 'row', header: 'Row', enableSorting: false, meta: { width: '64px' }, cell: (c) => <Text size="sm" c="dimmed">{c.row.original.row}</Text> },
  { id: 'action', header: 'Action', enableSorting: false, meta: { width: '110px' }, cell: (c) => <ActionBadge action={c.row.original.action} /> },
  { id: 'ref', header: 'Reference', enableSorting: false, meta: { width: 'minmax(110px, 0.8fr)' },
    cell: (c) => <Text size="sm" fw={600} truncate>{c.row.original.ref}</Text> },
  { id: 'title', header: 'Title', enableSorting: false, meta: { width: 'minmax(200px, 3fr)' },
    cell: (c) => <Text size="sm" truncate title={c.row.original.title}>{c.row.original.title}</Text> },
  { id: 'problems', header: 'Problems', enableSorting: false, meta: { width: 'minmax(120px, 2fr)' },
    cell: (c) => {
      const p = c.row.original.problems ?? [];
      return p.length ? <Text size="xs" c="red" truncate title={p.map((x) => x.message).join('\n')}>{p.map((x) => x.message).join('; ')}</Text> : null;
    } },
];

/** PlannedRowsTable lists what happens to each row. */
export function PlannedRowsTable({ rows, height = 300 }: { rows: PlannedRow[]; height?: number }) {
  return (
    <div style={{ height, display: 'flex', flexDirection: 'column' }}>
      <DataTable<PlannedRow>
        label="Planned rows"
        data={rows}
        columns={rowColumns}
        getRowId={(r) => String(r.row)}
        sort={null}
        onSortChange={() => {}}
        rowHeight={36}
      />
    </div>
  );
}

const problemColumns: ColumnDef<Problem>[] = [
  { id: 'row', header: 'Excel row', enableSorting: false, meta: { width: '90px' }, cell: (c) => <Text size="sm">{c.row.original.row || ''}</Text> },
  { id: 'column', header: 'Column', enableSorting: false, meta: { width: '80px' }, cell: (c) => <Text size="sm" fw={600}>{c.row.original.column}</Text> },
  { id: 'field', header: 'Field', enableSorting: false, meta: { width: 'minmax(100px, 1fr)' }, cell: (c) => <Text size="sm" truncate>{c.row.original.field}</Text> },
  { id: 'message', header: 'Problem', enableSorting: false, meta: { width: 'minmax(240px, 4fr)' },
    cell: (c) => <Text size="sm" truncate title={c.row.original.message}>{c.row.original.message}</Text> },
];

/** ProblemsTable lists every problem by Excel row and column. */
export function ProblemsTable({ problems, label = 'Problems', height = 220 }: { problems: Problem[]; label?: string; height?: number }) {
  return (
    <div style={{ height: Math.min(height, 40 + 36 * Math.max(problems.length, 1) + 2), display: 'flex', flexDirection: 'column' }}>
      <DataTable<Problem>
        label={label}
        data={problems}
        columns={problemColumns}
        getRowId={(p) => `${p.row}:${p.column}:${p.field}:${p.message}`}
        sort={null}
        onSortChange={() => {}}
        rowHeight={36}
      />
    </div>
  );
}

const sectionColumns: ColumnDef<SectionRow>[] = [
  { id: 'row', header: 'Excel row', enableSorting: false, meta: { width: '90px' }, cell: (c) => <Text size="sm">{c.row.original.row}</Text> },
  { id: 'text', header: 'Heading', enableSorting: false, meta: { width: 'minmax(240px, 1fr)' },
    cell: (c) => <Text size="sm" truncate title={c.row.original.text}>{c.row.original.text}</Text> },
];

/** SectionsTable lists the rows skipped as section headings. */
export function SectionsTable({ sections, height = 200 }: { sections: SectionRow[]; height?: number }) {
  return (
    <div style={{ height: Math.min(height, 40 + 36 * Math.max(sections.length, 1) + 2), display: 'flex', flexDirection: 'column' }}>
      <DataTable<SectionRow>
        label="Section rows"
        data={sections}
        columns={sectionColumns}
        getRowId={(s) => String(s.row)}
        sort={null}
        onSortChange={() => {}}
        rowHeight={36}
      />
    </div>
  );
}
