import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { normaliseError, type ImportLog } from '../../lib/api';
import { countsSummary } from './wizard';

/**
 * confirmRevert asks before undoing an import as a whole, then reverts it. A conflict
 * (a record changed since the import) is shown with the Go message, which names it.
 */
export function confirmRevert(
  log: ImportLog,
  revert: (id: string) => Promise<ImportLog>,
  onDone?: (reverted: ImportLog) => void,
  onError?: (message: string) => void,
) {
  modals.openConfirmModal({
    title: 'Revert this import',
    children: (
      <Text size="sm">
        Undo the import of <b>{log.file}</b>
        {log.sheet ? <> (sheet {log.sheet})</> : null}? Records it created are deleted and records it updated get back their
        previous values ({countsSummary(log.counts, true)}).
      </Text>
    ),
    labels: { confirm: 'Revert', cancel: 'Keep it' },
    confirmProps: { color: 'red' },
    onConfirm: () => {
      revert(log.id).then(
        (r) => {
          notifications.show({ color: 'green', title: 'Import reverted', message: `${log.file}: the imported records are gone.` });
          onDone?.(r);
        },
        (err: unknown) => {
          const e = normaliseError(err);
          notifications.show({ color: 'red', title: 'Not reverted', message: e.message, autoClose: 10_000 });
          onError?.(e.message);
        },
      );
    },
  });
}
