import { Link } from 'react-router';
import { Alert, Badge, Button, Group, Paper, Progress as ProgressBar, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconList, IconPlayerStop } from '@tabler/icons-react';
import { normaliseError, type ImportLog, type ImportResult, type Progress } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { confirmRevert } from './revert';
import { ProblemsTable } from './tables';
import { plural } from '../../lib/format';
import { importedPath, newPeopleText, progressPercent } from './wizard';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fz={24} fw={700}>{value.toLocaleString()}</Text>
    </Paper>
  );
}

/** RunStep follows a running import and then sums it up, with links to its records and to revert it. */
export function RunStep({
  kind,
  pending,
  error,
  result,
  reverted,
  onReverted,
  progress,
  cancelRequested,
  onCancel,
  onRevert,
  onAgain,
  onBack,
}: {
  kind: string;
  pending: boolean;
  error: unknown;
  result: ImportResult | undefined;
  reverted: ImportLog | null;
  onReverted: (log: ImportLog) => void;
  progress: Progress | null;
  cancelRequested: boolean;
  onCancel: () => void;
  onRevert: (id: string) => Promise<ImportLog>;
  onAgain: () => void;
  onBack: () => void;
}) {
  if (pending) {
    const pct = progressPercent(progress);
    return (
      <Stack gap="md" maw={640}>
        <Title order={3} size="h4">Importing…</Title>
        <ProgressBar value={progress ? pct : 100} animated striped={!progress} size="lg" aria-label="Import progress" />
        <Text size="sm" c="dimmed" aria-live="polite">
          {progress ? `${progress.done.toLocaleString()} of ${plural(progress.total, 'record', 'records')} written` : 'Reading the file…'}
        </Text>
        <Group>
          <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={onCancel} disabled={cancelRequested}>
            {cancelRequested ? 'Cancelling…' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    );
  }
  if (error) {
    const e = normaliseError(error);
    const cancelled = e.code === 'cancelled';
    return (
      <Stack gap="md" maw={720}>
        <Alert color={cancelled ? 'yellow' : 'red'} title={cancelled ? 'Import cancelled' : 'The import failed'}>
          {e.message}
          {/nothing was (imported|written)/i.test(e.message) ? '' : ' Nothing was written.'}
        </Alert>
        <Group>
          <Button variant="default" onClick={onBack}>Back to the preview</Button>
        </Group>
      </Stack>
    );
  }
  if (!result) return null;
  const { log } = result;
  const c = log.counts;
  const skipped = result.errors ?? log.skipped ?? [];
  const newPeople = result.newPeople ?? [];
  const newControls = result.newControls ?? [];
  return (
    <Stack gap="md">
      <Alert color={reverted ? 'gray' : 'green'} icon={<IconCircleCheck />} title={reverted ? 'Import reverted' : 'Import complete'}>
        {reverted
          ? `The import of ${log.file} was undone at ${formatDateTime(reverted.revertedAt)}.`
          : `${log.file}${log.sheet ? ` (sheet ${log.sheet})` : ''} was imported in one transaction.`}
        {!reverted && log.newPeople > 0 ? ` ${newPeopleText(log.newPeople, true)}.` : ''}
        {!reverted && newControls.length > 0 ? ` ${plural(newControls.length, 'custom control was', 'custom controls were')} added.` : ''}
      </Alert>
      <SimpleGrid cols={4} spacing="sm" maw={720} aria-label="Import summary">
        <Count label="Created" value={c.created} />
        <Count label="Updated" value={c.updated} />
        <Count label="Unchanged" value={c.unchanged} />
        <Count label="Skipped" value={c.skipped} />
      </SimpleGrid>
      {!reverted && newPeople.length > 0 && (
        <Stack gap={4} aria-label="New people">
          <Title order={4} size="h5">New people ({newPeople.length.toLocaleString()})</Title>
          <Group gap={6} mah={96} style={{ overflowY: 'auto' }}>
            {newPeople.map((p) => <Badge key={p} variant="outline" color="blue" tt="none">{p}</Badge>)}
          </Group>
        </Stack>
      )}
      {!reverted && newControls.length > 0 && (
        <Stack gap={4} aria-label="New custom controls">
          <Title order={4} size="h5">New custom controls ({newControls.length.toLocaleString()})</Title>
          <Group gap={6} mah={96} style={{ overflowY: 'auto' }}>
            {newControls.map((c) => <Badge key={c} variant="outline" color="blue" tt="none">{c}</Badge>)}
          </Group>
        </Stack>
      )}
      {skipped.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h5">Skipped rows</Title>
          <ProblemsTable problems={skipped} label="Skipped rows" />
        </Stack>
      )}
      <Group>
        <Button component={Link} to={importedPath(kind)} leftSection={<IconList size={16} />} disabled={reverted !== null}>
          Show imported records
        </Button>
        {reverted ? (
          <Badge color="gray" variant="light" size="lg" tt="none">Reverted</Badge>
        ) : (
          <Button
            variant="light"
            color="red"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => confirmRevert(log, onRevert, onReverted)}
          >
            Revert this import
          </Button>
        )}
        <Button variant="default" onClick={onAgain}>Import another file</Button>
      </Group>
    </Stack>
  );
}
