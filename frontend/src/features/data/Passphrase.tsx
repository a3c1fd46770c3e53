// The passphrase of the data: set, change or remove it (Data & backup page and first run).
import { Alert, Badge, Button, Checkbox, Code, Group, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, normaliseError, type PassphraseStatus } from '../../lib/api';
import { ApiError } from '../../lib/api/errors';
import { plural } from '../../lib/format';

export const passphraseKey = ['system', 'passphrase'] as const;

/** What forgetting the passphrase means, said wherever one is set. */
export const forgetWarning =
  'If the passphrase is forgotten, nobody can read the data, ISMS Desk included: there is no reset. ' +
  'Write it down and keep it somewhere safe, away from this computer.';

/** newPassphraseProblem checks a new passphrase and its confirmation as Go does; null when fine. */
export function newPassphraseProblem(p: string, confirm: string, min: number): { field: 'next' | 'confirm'; message: string } | null {
  if ([...p].length < min || p.trim() === '') return { field: 'next', message: `Use at least ${min} characters` };
  if (p !== confirm) return { field: 'confirm', message: 'The two passphrases differ' };
  return null;
}

export type PassphraseMode = 'set' | 'change' | 'remove';

interface FormProps {
  mode: PassphraseMode;
  minLength: number;
  /** Called with the new status once the data is rewritten. */
  onDone: (s: PassphraseStatus) => void;
  /** The buttons beside the main one (Cancel, Not now). */
  secondary?: React.ReactNode;
}

const submitLabels: Record<PassphraseMode, string> = {
  set: 'Encrypt my data',
  change: 'Change the passphrase',
  remove: 'Remove the passphrase',
};

/** PassphraseForm asks for the current passphrase (change, remove) and a new one twice (set, change). */
export function PassphraseForm({ mode, minLength, onDone, secondary }: FormProps) {
  const qc = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const save = useMutation({
    mutationFn: () => api.passphrase.set(mode === 'set' ? '' : current, mode === 'remove' ? '' : next),
    onSuccess: (s) => {
      void qc.invalidateQueries(); // the store reopened on the rewritten data
      onDone(s);
    },
  });
  const err = save.error ? normaliseError(save.error) : null;
  const fieldErr = (f: string) => (local?.field === f ? local.message : err instanceof ApiError ? err.fields[f === 'next' ? 'passphrase' : f] : undefined);
  const generalError = err && !(err instanceof ApiError && (err.fields.current || err.fields.passphrase)) ? err.message : null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setLocal(null);
    if (mode !== 'remove') {
      const p = newPassphraseProblem(next, confirm, minLength);
      if (p) {
        setLocal(p);
        return;
      }
    }
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {mode !== 'set' && (
          <PasswordInput
            label="Current passphrase"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fieldErr('current')}
            autoComplete="current-password"
            data-autofocus
          />
        )}
        {mode !== 'remove' && (
          <>
            <PasswordInput
              label={mode === 'set' ? 'Passphrase' : 'New passphrase'}
              description={`At least ${minLength} characters; a few unrelated words are easy to remember and hard to guess.`}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={fieldErr('next')}
              autoComplete="new-password"
              data-autofocus={mode === 'set' || undefined}
            />
            <PasswordInput
              label="The same passphrase again"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={fieldErr('confirm')}
              autoComplete="new-password"
            />
            <Alert color="orange" variant="light" icon={<IconAlertTriangle />} p="xs">
              <Text size="sm">{forgetWarning}</Text>
            </Alert>
            <Checkbox
              label="I understand that the data cannot be recovered without the passphrase"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
            />
          </>
        )}
        {mode === 'remove' && (
          <Text size="sm">
            The data is rewritten unencrypted: anyone who can read the files on this computer can read it. Backups made
            from then on are not encrypted either.
          </Text>
        )}
        {generalError && (
          <Alert color="red" icon={<IconAlertTriangle />} title="The passphrase was not changed">
            {generalError}
          </Alert>
        )}
        {save.isPending && (
          <Text size="sm" c="dimmed">
            Rewriting the data and checking every record and the history…
          </Text>
        )}
        <Group justify="flex-end">
          {secondary}
          <Button type="submit" color={mode === 'remove' ? 'red' : undefined} loading={save.isPending} disabled={mode !== 'remove' && !understood}>
            {submitLabels[mode]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const doneMessages: Record<PassphraseMode, string> = {
  set: 'The data is encrypted. The window will ask for the passphrase each time it opens.',
  change: 'The data was rewritten under the new passphrase. Backups made before keep the old one.',
  remove: 'The data is no longer encrypted.',
};

/** PassphrasePanel is the Data & backup page's section on the passphrase. */
export function PassphrasePanel({ backupDir }: { backupDir?: string }) {
  const status = useQuery({ queryKey: passphraseKey, queryFn: api.passphrase.status });
  const [mode, setMode] = useState<PassphraseMode | null>(null);
  const s = status.data;
  const done = (m: PassphraseMode) => () => {
    setMode(null);
    notifications.show({ color: 'green', title: 'Passphrase saved', message: doneMessages[m] });
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={3} size="h4">
            Passphrase
          </Title>
          {s && (
            <Badge color={s.encrypted ? 'green' : 'gray'} variant="light" leftSection={s.encrypted ? <IconLock size={12} /> : <IconLockOpen size={12} />}>
              {s.encrypted ? 'Encrypted' : 'Not encrypted'}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          With a passphrase the data folder, its evidence files and every backup are encrypted (AES-256): someone who
          copies the files cannot read them, and the change history is sealed with a key only the passphrase gives
          {s?.encrypted && s.keyedFrom > 0 ? ` (from entry ${s.keyedFrom.toLocaleString('en-GB')} on)` : ''}, so that it
          cannot be rewritten without it. The window asks for it when it opens.
        </Text>
        {s?.encrypted && s.plainBackups > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle />} title={`${plural(s.plainBackups, 'backup is', 'backups are')} not encrypted`}>
            Made before the passphrase was set, {s.plainBackups === 1 ? 'it is' : 'they are'} readable by anyone with the
            file{s.plainBackups === 1 ? '' : 's'} in <Code>{backupDir ?? 'the backup folder'}</Code>. Keep{' '}
            {s.plainBackups === 1 ? 'it' : 'them'} while you are not yet sure of the passphrase (restoring one is the way
            back if it is forgotten), then delete {s.plainBackups === 1 ? 'it' : 'them'} from that folder.
          </Alert>
        )}
        {status.isError && <Text c="red">{normaliseError(status.error).message}</Text>}
        {s && (
          <Group>
            {s.encrypted ? (
              <>
                <Button variant="default" onClick={() => setMode('change')}>
                  Change the passphrase…
                </Button>
                <Button variant="subtle" color="red" onClick={() => setMode('remove')}>
                  Remove the passphrase…
                </Button>
              </>
            ) : (
              <Button variant="default" leftSection={<IconLock size={16} />} onClick={() => setMode('set')}>
                Set a passphrase…
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <Modal
        opened={mode !== null}
        onClose={() => setMode(null)}
        title={mode ? { set: 'Encrypt the data with a passphrase', change: 'Change the passphrase', remove: 'Remove the passphrase?' }[mode] : ''}
        size="md"
      >
        {mode && s && (
          <PassphraseForm
            key={mode}
            mode={mode}
            minLength={s.minLength}
            onDone={done(mode)}
            secondary={
              <Button variant="default" onClick={() => setMode(null)}>
                Cancel
              </Button>
            }
          />
        )}
      </Modal>
    </Paper>
  );
}
