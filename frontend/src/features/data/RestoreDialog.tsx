import { Alert, Button, Code, Group, Modal, PasswordInput, Progress, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, normaliseError, type BackupSummary, type RestoreProgress } from '../../lib/api';
import { ApiError } from '../../lib/api/errors';
import { formatDateTime } from '../../lib/format';
import { fileSize, restorePercent, stepLabel } from './restore';
import { plural } from '../../lib/format';

interface Props {
  /** The checked backup to restore; null closes the dialog. */
  backup: BackupSummary | null;
  dataDir: string;
  onClose: () => void;
  onRestored: (s: BackupSummary) => void;
  /** The window is locked (the passphrase forgotten): the encrypted data is kept aside, not backed up. */
  locked?: boolean;
}

/**
 * RestoreDialog shows what a checked backup holds and what it will replace, asks for
 * confirmation, then restores it with progress and a cancel button (until the swap).
 */
export function RestoreDialog({ backup, dataDir, onClose, onRestored, locked }: Props) {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [passError, setPassError] = useState<string | undefined>();

  useEffect(() => {
    if (!running) return;
    setProgress(null);
    return api.events.on('restore:progress', (p) => setProgress(p as unknown as RestoreProgress));
  }, [running]);
  useEffect(() => {
    setError(null);
    setPassphrase('');
    setPassError(undefined);
  }, [backup]);

  const start = () => {
    if (!backup) return;
    if (backup.encrypted && passphrase === '') {
      setPassError('Enter the passphrase of this backup');
      return;
    }
    setRunning(true);
    setError(null);
    setPassError(undefined);
    api.backups
      .restore(backup.path, backup.encrypted ? passphrase : '')
      .then(onRestored)
      .catch((err) => {
        const e = normaliseError(err);
        if (e instanceof ApiError && e.fields.passphrase) setPassError(e.fields.passphrase);
        else setError(e.message);
      })
      .finally(() => setRunning(false));
  };

  return (
    <Modal
      opened={backup !== null}
      onClose={() => !running && onClose()}
      title="Restore from this backup?"
      size="lg"
      closeOnClickOutside={!running}
      withCloseButton={!running}
    >
      {backup && (
        <Stack gap="sm">
          <Table variant="vertical" layout="fixed" withRowBorders={false} fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={150}>File</Table.Th>
                <Table.Td>
                  {backup.name} ({fileSize(backup.size)})
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Made</Table.Th>
                <Table.Td>
                  {backup.createdAt ? `${formatDateTime(backup.createdAt)} by ${backup.app}` : 'The file does not say'}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Holds</Table.Th>
                <Table.Td>
                  {plural(backup.total, 'record', 'records')}
                  {backup.files > 0 && `, ${plural(backup.files, 'evidence file', 'evidence files')}`},{' '}
                  {plural(backup.historyEntries, 'history entry', 'history entries')}
                  {backup.schema > 0 && `, data schema ${backup.schema}`}
                </Table.Td>
              </Table.Tr>
              {backup.historyHead && (
                <Table.Tr>
                  <Table.Th>History head</Table.Th>
                  <Table.Td>
                    <Code style={{ wordBreak: 'break-all' }}>{backup.historyHead}</Code>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          {backup.records.length > 0 && (
            <ScrollArea.Autosize mah={150} type="auto">
              <SimpleGrid cols={3} spacing={4} verticalSpacing={2}>
                {backup.records.map((k) => (
                  <Text key={k.kind} size="xs">
                    {k.label}: <b>{k.count.toLocaleString('en-GB')}</b>
                  </Text>
                ))}
              </SimpleGrid>
            </ScrollArea.Autosize>
          )}
          {backup.verified ? (
            <Text size="sm" c="green.8">
              Every checksum in the file was checked: it is complete and undamaged.
            </Text>
          ) : (
            <Alert color="yellow" icon={<IconAlertTriangle />} title="This backup cannot be checked beforehand">
              {backup.warning}
            </Alert>
          )}
          {backup.encrypted && (
            <PasswordInput
              label="Passphrase of this backup"
              description="The passphrase the data had when this backup was made. The restored data keeps it."
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={passError}
              disabled={running}
              data-autofocus
            />
          )}
          <Alert color="orange" variant="light" title="What will be replaced">
            Every record, its change history and the settings in this window's data folder (<Code>{dataDir}</Code>) are
            replaced by the backup's.{' '}
            {locked
              ? 'The encrypted data, which cannot be read without its passphrase, is kept as it is in the backup folder, in case the passphrase comes back.'
              : 'A backup of the current data is made first and listed under Automatic backups, so this can be undone.'}
            {!backup.encrypted && ' This backup is not encrypted, so the restored data has no passphrase.'}
          </Alert>
          {running && (
            <Stack gap={4}>
              <Text size="sm">{stepLabel(progress)}</Text>
              <Progress value={restorePercent(progress)} animated size="lg" aria-label="Restore progress" />
            </Stack>
          )}
          {error && (
            <Alert color="red" icon={<IconAlertTriangle />} title="Nothing was restored">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            {running ? (
              <Button
                variant="default"
                onClick={() => void api.backups.cancelRestore()}
                disabled={progress?.step === 'swap'}
              >
                Cancel the restore
              </Button>
            ) : (
              <>
                <Button variant="default" onClick={onClose}>
                  Keep my data
                </Button>
                <Button color="red" onClick={start}>
                  Replace my data with this backup
                </Button>
              </>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
