import { Alert, Button, Code, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDatabaseExport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, normaliseError } from '../../lib/api';
import { QueryError } from '../../components/QueryError';

/** DataPage tells where the data lives and backs the database up to a file. */
export function DataPage() {
  const info = useQuery({ queryKey: ['system', 'info'], queryFn: api.system.info });
  const backup = useMutation({
    mutationFn: api.system.backup,
    onSuccess: (path) => {
      if (path) notifications.show({ color: 'green', title: 'Backup written', message: path });
    },
  });
  const error = backup.error ? normaliseError(backup.error) : null;
  const qc = useQueryClient();
  const prefs = useQuery({ queryKey: ['system', 'preferences'], queryFn: api.system.preferences });
  const savePrefs = useMutation({
    mutationFn: api.system.setPreferences,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['system', 'preferences'] }),
    onError: (err) => notifications.show({ color: 'red', title: 'Preference not saved', message: normaliseError(err).message }),
  });
  return (
    <Stack p="xl" gap="lg" maw={900}>
      <div>
        <Title order={2}>Data &amp; backup</Title>
        <Text c="dimmed">Everything ISMS Desk knows is in one folder on this computer. Back it up before big imports and at least monthly.</Text>
      </div>
      {info.isError && <QueryError error={info.error} onRetry={() => void info.refetch()} />}
      <Paper withBorder p="md" radius="md">
        <Table variant="vertical" layout="fixed" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>Data folder</Table.Th>
              <Table.Td><Code>{info.data?.dataDir ?? '…'}</Code></Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Td>{info.data ? `${info.data.name} ${info.data.version}, data schema ${info.data.schemaVersion}` : '…'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} size="h4">Preferences</Title>
          <Switch
            label="Dates in spreadsheets are day-first (31/01/2024)"
            description="How imports read a date such as 03/04/2024 when its column does not tell: on, 3 April; off, March 4."
            checked={prefs.data?.dayFirst ?? false}
            disabled={!prefs.data || savePrefs.isPending}
            onChange={(e) => savePrefs.mutate({ dayFirst: e.currentTarget.checked })}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} size="h4">Back up</Title>
          <Text size="sm">
            A backup is one file holding every record and its full change history. To restore it, close the window and run{' '}
            <Code>ismsdesk restore FILE</Code> (into an empty data folder, or with <Code>--force</Code> to replace this one).
          </Text>
          <Group>
            <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => backup.mutate()} loading={backup.isPending}>
              Back up…
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
        </Stack>
      </Paper>
    </Stack>
  );
}
