import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Alert, Button, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import type { ImportLog } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { ImportTabs } from './ImportTabs';
import { useImportKinds, useImportLogs, useRevertImport } from './queries';
import { confirmRevert } from './revert';

/** ImportHistoryPage lists every import, newest first, and reverts one as a whole. */
export function ImportHistoryPage() {
  const logs = useImportLogs();
  const kinds = useImportKinds();
  const revert = useRevertImport();
  const [error, setError] = useState<string | null>(null);
  const kindLabel = useMemo(() => {
    const m = new Map((kinds.data ?? []).map((k) => [k.kind, k.label]));
    return (k: string) => m.get(k) ?? k;
  }, [kinds.data]);

  const columns = useMemo<ColumnDef<ImportLog>[]>(
    () => [
      { id: 'at', header: 'When', enableSorting: false, meta: { width: '128px' }, cell: (c) => <Text size="sm">{formatDateTime(c.row.original.at)}</Text> },
      { id: 'file', header: 'File', enableSorting: false, meta: { width: 'minmax(110px, 2fr)' },
        cell: (c) => <Text size="sm" fw={600} truncate title={c.row.original.file}>{c.row.original.file}</Text> },
      { id: 'sheet', header: 'Sheet', enableSorting: false, meta: { width: 'minmax(56px, 1fr)' }, cell: (c) => <Text size="sm" truncate title={c.row.original.sheet}>{c.row.original.sheet}</Text> },
      { id: 'kind', header: 'Kind', enableSorting: false, meta: { width: 'minmax(90px, 1fr)' }, cell: (c) => <Text size="sm" truncate title={kindLabel(c.row.original.kind)}>{kindLabel(c.row.original.kind)}</Text> },
      { id: 'created', header: 'Created', enableSorting: false, meta: { width: '66px' }, cell: (c) => c.row.original.counts.created },
      { id: 'updated', header: 'Updated', enableSorting: false, meta: { width: '66px' }, cell: (c) => c.row.original.counts.updated },
      { id: 'unchanged', header: 'Same', enableSorting: false, meta: { width: '52px' }, cell: (c) => c.row.original.counts.unchanged },
      { id: 'skipped', header: 'Skipped', enableSorting: false, meta: { width: '66px' }, cell: (c) => c.row.original.counts.skipped },
      { id: 'sha', header: 'SHA-256', enableSorting: false, meta: { width: '80px' },
        cell: (c) => <Text size="xs" ff="monospace" c="dimmed" title={c.row.original.sha256}>{c.row.original.sha256.slice(0, 10)}</Text> },
      { id: 'revert', header: 'Reverted', enableSorting: false, meta: { width: 'minmax(112px, 1fr)' },
        cell: (c) => {
          const log = c.row.original;
          const at = formatDateTime(log.revertedAt);
          if (at) return <Text size="xs" c="dimmed" title="Reverted at">{at}</Text>;
          return (
            <Tooltip label={`Undo the import of ${log.file}`} openDelay={400}>
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                leftSection={<IconArrowBackUp size={14} />}
                aria-label={`Revert the import of ${log.file} at ${formatDateTime(log.at)}`}
                onClick={(e) => {
                  e.stopPropagation();
                  setError(null);
                  confirmRevert(log, (id) => revert.mutateAsync(id), undefined, setError);
                }}
              >
                Revert
              </Button>
            </Tooltip>
          );
        } },
    ],
    [kindLabel, revert],
  );

  const all = logs.data ?? [];
  return (
    <div className="page">
      <div>
        <Title order={2}>Import from Excel</Title>
        <Text size="sm" c="dimmed">Every import is logged with its file, SHA-256, sheet, mapping and counts, and can be reverted as a whole.</Text>
      </div>
      <ImportTabs value="history" />
      {error && (
        <Alert color="red" title="The import was not reverted" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {logs.isError ? (
        <QueryError error={logs.error} onRetry={() => void logs.refetch()} />
      ) : logs.isPending ? (
        <Group justify="center" p="xl"><Loader /></Group>
      ) : all.length === 0 ? (
        <EmptyState title="No imports yet">Imports you run with the wizard or the command line are listed here.</EmptyState>
      ) : (
        <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
          <DataTable<ImportLog>
            label="Import history"
            data={all}
            columns={columns}
            getRowId={(l) => l.id}
            sort={null}
            onSortChange={() => {}}
          />
        </Stack>
      )}
    </div>
  );
}
