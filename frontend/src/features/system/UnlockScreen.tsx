import { Alert, Button, Center, Code, Divider, Group, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, normaliseError, type BackupSummary, type LockInfo } from '../../lib/api';
import { ApiError } from '../../lib/api/errors';
import { RestoreDialog } from '../data/RestoreDialog';
import { systemKeys } from './queries';

/**
 * UnlockScreen replaces the whole window while the data is encrypted and not yet opened:
 * it asks for the passphrase. A wrong one is refused and nothing is touched; a forgotten
 * one leaves restoring a backup.
 */
export function UnlockScreen({ info }: { info: LockInfo }) {
  const qc = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const unlock = useMutation({
    mutationFn: () => api.passphrase.unlock(passphrase),
    onSuccess: (next) => {
      qc.setQueryData(systemKeys.info, next);
      void qc.invalidateQueries();
    },
  });
  const err = unlock.error ? normaliseError(unlock.error) : null;
  const wrong = err instanceof ApiError && err.fields.passphrase ? err.fields.passphrase : undefined;

  const [checked, setChecked] = useState<BackupSummary | null>(null);
  const pick = useMutation({
    mutationFn: async () => {
      const file = await api.backups.choose();
      return file ? api.backups.inspect(file) : null;
    },
    onSuccess: (s) => s && setChecked(s),
  });
  const restored = () => {
    setChecked(null);
    void qc.invalidateQueries(); // the window opens on the restored data
  };

  return (
    <Center h="100vh" bg="var(--app-muted)" p="xl">
      <Paper withBorder shadow="sm" radius="md" p="xl" w={560}>
        <Stack gap="md">
          <Group gap="sm">
            <ThemeIcon size={48} radius="xl" variant="light">
              <IconLock size={26} />
            </ThemeIcon>
            <div>
              <Title order={2}>The data is encrypted</Title>
              <Text size="sm" c="dimmed">
                Enter the passphrase to open it.
              </Text>
            </div>
          </Group>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (passphrase !== '') unlock.mutate();
            }}
          >
            <Stack gap="sm">
              <PasswordInput
                label="Passphrase"
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                error={wrong ? 'Wrong passphrase (check Caps Lock and the keyboard layout). Nothing was opened or changed.' : undefined}
                autoFocus
                autoComplete="current-password"
              />
              {err && !wrong && (
                <Alert color="red" icon={<IconAlertTriangle />} title="The data could not be opened">
                  {err.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button type="submit" loading={unlock.isPending} disabled={passphrase === ''}>
                  Unlock
                </Button>
              </Group>
            </Stack>
          </form>
          <Divider />
          <Stack gap={6}>
            <Text fw={600} size="sm">
              Forgotten the passphrase?
            </Text>
            <Text size="sm" c="dimmed">
              Without it nobody can read this data, ISMS Desk included, and there is no reset. What you can do is restore a
              backup made before the passphrase was set (it is not encrypted), or one whose passphrase you know. The
              encrypted data is not deleted: it is kept in the backup folder in case the passphrase comes back.
            </Text>
            <Group>
              <Button variant="default" size="xs" onClick={() => pick.mutate()} loading={pick.isPending}>
                Restore a backup…
              </Button>
            </Group>
            {pick.error && (
              <Alert color="red" icon={<IconAlertTriangle />} title="This backup cannot be restored">
                {normaliseError(pick.error).message} Nothing was changed.
              </Alert>
            )}
          </Stack>
          <Text size="xs" c="dimmed">
            Data folder: <Code>{info.dataDir}</Code>
          </Text>
        </Stack>
      </Paper>
      <RestoreDialog backup={checked} dataDir={info.dataDir} onClose={() => setChecked(null)} onRestored={restored} locked />
    </Center>
  );
}
