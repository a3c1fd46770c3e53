import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDatabaseExport,
  IconDatabaseImport,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, normaliseError, type BackupSummary } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { QueryError } from '../../components/QueryError';
import { RestoreDialog } from './RestoreDialog';
import { PassphrasePanel } from './Passphrase';
import { fileSize, historyVerdict, statusLabel } from './restore';
import { plural } from '../../lib/format';

const backupsKey = ['system', 'backups'] as const;

/**
 * DataPage tells where the data lives, backs it up, restores it from a checked backup,
 * lists the automatic backups and verifies the change history.
 */
export function DataPage() {
  const qc = useQueryClient();
  const info = useQuery({ queryKey: ['system', 'info'], queryFn: api.system.info });
  const backup = useMutation({
    mutationFn: api.system.backup,
    onSuccess: (path) => {
      if (path) notifications.show({ color: 'green', title: 'Backup written', message: path });
    },
  });
  const error = backup.error ? normaliseError(backup.error) : null;
  const prefs = useQuery({ queryKey: ['system', 'preferences'], queryFn: api.system.preferences });
  const folder = useQuery({ queryKey: backupsKey, queryFn: api.backups.list });
  const savePrefs = useMutation({
    mutationFn: api.system.setPreferences,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['system', 'preferences'] });
      void qc.invalidateQueries({ queryKey: backupsKey });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Preference not saved', message: normaliseError(err).message }),
  });

  // Restore: choose (or take a listed backup), check, confirm, restore.
  const [checked, setChecked] = useState<BackupSummary | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const pick = useMutation({
    mutationFn: async (path?: string) => {
      const file = path ?? (await api.backups.choose());
      return file ? api.backups.inspect(file) : null;
    },
    onMutate: () => setPickError(null),
    onSuccess: (s) => s && setChecked(s),
    onError: (err) => setPickError(normaliseError(err).message),
  });
  const restored = (s: BackupSummary) => {
    setChecked(null);
    void qc.invalidateQueries(); // every screen reads the restored data
    notifications.show({
      color: 'green',
      title: 'Data restored',
      message: `${plural(s.total, 'record', 'records')} from ${s.name}${s.createdAt ? `, made ${formatDateTime(s.createdAt)}` : ''}.`,
    });
  };

  return (
    <Stack p="xl" gap="lg" maw={980}>
      <div>
        <Title order={2}>Data &amp; backup</Title>
        <Text c="dimmed">
          Everything ISMS Desk knows is in one folder on this computer, readable only by you. It is backed up
          automatically; keep a copy of a backup somewhere else too.
        </Text>
      </div>
      {info.isError && <QueryError error={info.error} onRetry={() => void info.refetch()} />}
      <Paper withBorder p="md" radius="md">
        <Table variant="vertical" layout="fixed" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>Data folder</Table.Th>
              <Table.Td>
                <Code>{info.data?.dataDir ?? '…'}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Td>
                {info.data ? `${info.data.name} ${info.data.version}, data schema ${info.data.schemaVersion}` : '…'}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Back up and restore
          </Title>
          <Text size="sm">
            A backup is one file holding every record, its full change history and the settings, with checksums so that
            a damaged or incomplete copy is never restored.
          </Text>
          <Group>
            <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => backup.mutate()} loading={backup.isPending}>
              Back up…
            </Button>
            <Button
              variant="default"
              leftSection={<IconDatabaseImport size={16} />}
              onClick={() => pick.mutate(undefined)}
              loading={pick.isPending}
            >
              Restore from a backup…
            </Button>
          </Group>
          {backup.data && (
            <Alert color="green" icon={<IconCircleCheck />} title="Backup written">
              <Code>{backup.data}</Code>
            </Alert>
          )}
          {error && (
            <Alert color="red" icon={<IconAlertTriangle />} title="The backup was not written">
              {error.message}
            </Alert>
          )}
          {pickError && (
            <Alert color="red" icon={<IconAlertTriangle />} title="This backup cannot be restored" withCloseButton onClose={() => setPickError(null)}>
              {pickError} Your data was not changed.
            </Alert>
          )}
        </Stack>
      </Paper>

      <AutomaticBackups
        keep={prefs.data?.keepBackups}
        saving={savePrefs.isPending}
        onKeep={(n) => prefs.data && savePrefs.mutate({ ...prefs.data, keepBackups: n })}
        onRestore={(path) => pick.mutate(path)}
        checking={pick.isPending}
      />

      <PassphrasePanel backupDir={folder.data?.dir} />

      <HistoryPanel />

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Preferences
          </Title>
          <Switch
            label="Dates in spreadsheets are day-first (31/01/2024)"
            description="How imports read a date such as 03/04/2024 when its column does not tell: on, 3 April; off, March 4."
            checked={prefs.data?.dayFirst ?? false}
            disabled={!prefs.data || savePrefs.isPending}
            onChange={(e) => prefs.data && savePrefs.mutate({ ...prefs.data, dayFirst: e.currentTarget.checked })}
          />
        </Stack>
      </Paper>

      <RestoreDialog backup={checked} dataDir={info.data?.dataDir ?? ''} onClose={() => setChecked(null)} onRestored={restored} />
    </Stack>
  );
}

interface AutomaticProps {
  keep: number | undefined;
  saving: boolean;
  onKeep: (n: number) => void;
  onRestore: (path: string) => void;
  checking: boolean;
}

/** AutomaticBackups lists the rolling backups with their check, and sets how many are kept. */
function AutomaticBackups({ keep, saving, onKeep, onRestore, checking }: AutomaticProps) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: backupsKey, queryFn: api.backups.list });
  const [draft, setDraft] = useState<number | string>('');
  const now = useMutation({
    mutationFn: api.backups.now,
    onSuccess: () => qc.invalidateQueries({ queryKey: backupsKey }),
    onError: (err) => notifications.show({ color: 'red', title: 'The backup was not made', message: normaliseError(err).message }),
  });
  const value = draft === '' ? (keep ?? '') : draft;
  const commit = () => {
    const n = typeof draft === 'number' ? draft : Number(draft);
    if (draft !== '' && Number.isInteger(n) && n !== keep) onKeep(n);
    setDraft('');
  };
  const backups = list.data?.backups ?? [];
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div style={{ flex: 1 }}>
            <Title order={3} size="h4">
              Automatic backups
            </Title>
            <Text size="sm">
              Made once a day when the window opens, and before every import, restore and upgrade, into{' '}
              <Code>{list.data?.dir ?? '…'}</Code>. Each is checked when listed.
            </Text>
          </div>
          <NumberInput
            label="Backups to keep"
            w={150}
            min={1}
            max={100}
            clampBehavior="none"
            allowDecimal={false}
            value={value}
            disabled={keep === undefined || saving}
            onChange={setDraft}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
            error={draft !== '' && (Number(draft) < 1 || Number(draft) > 100) ? 'Enter a number from 1 to 100' : undefined}
          />
        </Group>
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && backups.length === 0 && (
          <Text size="sm" c="dimmed">
            No automatic backup yet.
          </Text>
        )}
        {backups.length > 0 && (
          <ScrollArea.Autosize mah={250} type="auto">
            <Table striped highlightOnHover fz="sm" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Made</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th ta="right">Size</Table.Th>
                  <Table.Th ta="right">Records</Table.Th>
                  <Table.Th>Check</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {backups.map((b) => {
                  const s = statusLabel(b);
                  return (
                    <Table.Tr key={b.path}>
                      <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                      <Table.Td>{b.reason || b.name}</Table.Td>
                      <Table.Td ta="right">{fileSize(b.size)}</Table.Td>
                      <Table.Td ta="right">{b.status === 'verified' ? b.total.toLocaleString('en-GB') : ''}</Table.Td>
                      <Table.Td>
                        <Tooltip label={b.problem} disabled={!b.problem} multiline w={320}>
                          <Badge color={s.colour} variant="light">
                            {s.label}
                          </Badge>
                        </Tooltip>
                        {b.encrypted && (
                          <Badge color="blue" variant="light" ml={4}>
                            Encrypted
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={b.status === 'damaged' || checking}
                          onClick={() => onRestore(b.path)}
                        >
                          Restore…
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group>
          <Button variant="default" size="xs" onClick={() => now.mutate()} loading={now.isPending}>
            Back up now
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** HistoryPanel walks the change history and says where it breaks, if it does. */
function HistoryPanel() {
  const verify = useMutation({ mutationFn: api.history.verify });
  const verdict = verify.data ? historyVerdict(verify.data) : null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Change history
        </Title>
        <Text size="sm">
          Every change is an entry chained to the one before it by a hash, so that an entry edited, removed or added
          outside ISMS Desk shows. With a passphrase the hashes are keyed with it, so that nobody without it can
          rewrite the chain and recompute them. Verifying walks the whole chain; the head printed on every report&apos;s
          &ldquo;About this report&rdquo; sheet anchors it.
        </Text>
        <Group>
          <Button
            variant="default"
            leftSection={<IconShieldCheck size={16} />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
          >
            Verify history
          </Button>
        </Group>
        {verify.error && (
          <Alert color="red" icon={<IconAlertTriangle />} title="The history could not be read">
            {normaliseError(verify.error).message}
          </Alert>
        )}
        {verify.data && verdict && (
          <Alert
            color={verify.data.ok ? 'green' : 'red'}
            icon={verify.data.ok ? <IconCircleCheck /> : <IconAlertTriangle />}
            title={verdict.title}
          >
            <Stack gap={4}>
              <Text size="sm">{verdict.body}</Text>
              {verify.data.keyedFrom > 0 && (
                <Text size="sm">Keyed with the passphrase from entry {verify.data.keyedFrom.toLocaleString('en-GB')} on.</Text>
              )}
              <Text size="sm">
                Head: entry {verify.data.headSeq.toLocaleString('en-GB')},{' '}
                <Code style={{ wordBreak: 'break-all' }}>{verify.data.head || 'none yet'}</Code>
              </Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
