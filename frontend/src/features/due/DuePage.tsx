import { Button, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { api, normaliseError } from '../../lib/api';
import { countLabel, dueFilters, dueKeys, dueWindows, filterDue, groupDue } from './due';
import { DueTable } from './DueTable';

/** DuePage lists everything overdue and due soon, grouped overdue / this week / later,
 * filtered by kind and person, and exports the due dates to a calendar. */
export function DuePage() {
  const [days, setDays] = useState<number>(30);
  const [type, setType] = useState<string | null>(null);
  const [who, setWho] = useState<string | null>(null);
  const q = useQuery({ queryKey: dueKeys.list(days), queryFn: () => api.due.list(days) });
  const filters = useMemo(() => dueFilters(q.data ?? []), [q.data]);
  const shown = useMemo(() => filterDue(q.data ?? [], type ?? '', who ?? ''), [q.data, type, who]);
  const save = useMutation({
    mutationFn: api.due.saveCalendar,
    onSuccess: (path) => {
      if (path) notifications.show({ color: 'green', title: 'Calendar saved', message: `${path}: open it with your calendar application to add the due dates.` });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'The calendar could not be saved', message: normaliseError(err).message }),
  });

  return (
    <div className="page-scroll">
      <Stack gap="md" maw={1400}>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={2}>What is due</Title>
            <Text size="sm" c="dimmed">
              Everything overdue and due soon, from every area: each record decides by its own status whether it is still open.
            </Text>
          </div>
          <Button leftSection={<IconCalendarDown size={16} />} variant="default" loading={save.isPending} onClick={() => save.mutate()}>
            Export to calendar (.ics)
          </Button>
        </Group>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <div>
            <Text size="sm" fw={500} mb={4} id="due-window">Look ahead</Text>
            <SegmentedControl
              aria-labelledby="due-window"
              value={String(days)}
              onChange={(v) => setDays(Number(v))}
              data={dueWindows.map((d) => ({ value: String(d), label: `${d} days` }))}
            />
          </div>
          <Select label="Kind" placeholder="Every kind" data={filters.types} value={type} onChange={setType} clearable searchable w={240} />
          <Select label="Person" placeholder="Everyone" data={filters.people} value={who} onChange={setWho} clearable searchable w={240} />
          {q.data && (
            <Text size="sm" c="dimmed" pb={8}>
              {shown.length === q.data.length ? countLabel(shown.length) : `${shown.length} of ${countLabel(q.data.length)}`}
            </Text>
          )}
        </Group>
        {q.isPending && <Group justify="center" p="xl"><Loader aria-label="Loading what is due" /></Group>}
        {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
        {q.data && shown.length === 0 && (
          <Paper withBorder radius="md">
            <EmptyState title={q.data.length === 0 ? 'Nothing is due' : 'Nothing matches the filters'}>
              {q.data.length === 0
                ? `Nothing is overdue and nothing is due in the next ${days} days.`
                : 'Choose another kind or person, or clear the filters.'}
            </EmptyState>
          </Paper>
        )}
        {groupDue(shown).filter((g) => g.items.length > 0).map((g) => (
          <Paper key={g.id} withBorder p="md" radius="md" component="section" aria-label={g.title}>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5" c={g.id === 'overdue' ? 'red.7' : undefined}>{g.title}</Title>
              <Text size="sm" fw={600} c={g.id === 'overdue' ? 'red.7' : 'dimmed'}>{g.items.length}</Text>
            </Group>
            <DueTable items={g.items} label={g.title} />
          </Paper>
        ))}
      </Stack>
    </div>
  );
}
