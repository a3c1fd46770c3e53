// A training's attendance: the people of its audience roles (and anyone already recorded)
// with a tick and a date each; Save attendance sends the whole roster to Go in one call.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { api, type Training } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { today } from '../../components/record/columns';
import { PanelError } from '../../components/record/DetailPage';
import type { PanelProps } from '../../components/record/kit';
import { PeoplePicker } from '../../components/record/pickers';
import { useAreaMutation, usePeople } from '../../components/record/queries';
import { StatusBadge } from '../../components/StatusBadge';
import { attendedSummary, attendeeRows, recordedOn, rosterChanges, rosterOf, tickedOf, type AttendeeRow } from './attendance';

/** attendanceKey is the query of one training's attendance (under 'area', so saves refresh it). */
export const attendanceKey = (id: string) => ['area', 'trainings', 'attendance', id] as const;

export function AttendancePanel({ record: t, lookups: l }: PanelProps<Training>) {
  const people = usePeople();
  const records = useQuery({ queryKey: attendanceKey(t.id), queryFn: () => api.trainings.attendance(t.id) });
  const [extra, setExtra] = useState<string[]>([]);
  const rows = useMemo(() => attendeeRows(t, people.data ?? [], records.data ?? [], extra), [t, people.data, records.data, extra]);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [on, setOn] = useState(t.date);
  /** Dates changed on one line; the others attended on their recorded date, or on `on`. */
  const [dates, setDates] = useState<Map<string, string>>(new Map());
  // A fresh read of the records (after a save, or another window's change) resets the ticks.
  const stamp = (records.data ?? []).map((a) => `${a.id}:${a.version}`).join(',');
  useEffect(() => {
    setTicked(tickedOf(rows));
    setDates(new Map());
  }, [stamp, people.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const dateOf = (r: AttendeeRow) => dates.get(r.person.id) ?? (recordedOn(r, t.date) || on);
  const roster = rosterOf(rows, ticked, dateOf);
  const changed = rosterChanges(rows, roster, t.date);
  const save = useAreaMutation(() => api.trainings.saveAttendance(t.id, roster));
  const toggle = (id: string, v: boolean) =>
    setTicked((s) => {
      const next = new Set(s);
      if (v) next.add(id);
      else next.delete(id);
      return next;
    });
  const cancelled = t.status === 'cancelled';
  const future = !!t.date && t.date > today();
  const allTicked = rows.length > 0 && rows.every((r) => ticked.has(r.person.id));

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs" align="flex-end">
        <Stack gap={0}>
          <Title order={4}>Attendance</Title>
          <Text size="sm" c="dimmed" data-testid="attendance-count">
            {records.isPending ? 'Loading…' : attendedSummary(rows, ticked)}
            {changed > 0 ? ` · ${changed} unsaved change${changed === 1 ? '' : 's'}` : ''}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end">
          <TextInput type="date" label="Newly ticked attended on" value={on} onChange={(e) => setOn(e.currentTarget.value)} w={190} disabled={cancelled} />
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={changed === 0 || cancelled}
            loading={save.isPending}
            onClick={() =>
              save.mutate(undefined, {
                onSuccess: () => {
                  setExtra([]);
                  setDates(new Map());
                  notifications.show({ color: 'green', title: 'Attendance saved', message: [t.ref, t.topic].filter(Boolean).join(' ') });
                },
              })
            }
          >
            Save attendance
          </Button>
        </Group>
      </Group>
      {cancelled && <Text size="sm" c="orange" mb="xs">This training was cancelled: nobody can attend it.</Text>}
      {!cancelled && future && <Text size="sm" c="dimmed" mb="xs">It takes place on {t.date}: record attendance once it has been held.</Text>}
      <PanelError error={save.error ?? records.error} />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" my="xs">
          {t.roleIds.length === 0
            ? 'The training has no audience roles. Add them with Edit, or add the people who attended below.'
            : 'Nobody active holds the audience roles yet. Assign the roles on the people’s pages, or add people below.'}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label="Attendance" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Tick everyone"
                  checked={allTicked}
                  indeterminate={!allTicked && ticked.size > 0}
                  disabled={cancelled}
                  onChange={(e) => setTicked(e.currentTarget.checked ? new Set(rows.map((r) => r.person.id)) : new Set())}
                />
              </Table.Th>
              <Table.Th>Person</Table.Th>
              <Table.Th>Department</Table.Th>
              <Table.Th>Audience roles</Table.Th>
              <Table.Th w={130}>Recorded</Table.Th>
              <Table.Th w={150}>Attended on</Table.Th>
              <Table.Th w={70} ta="right">Score</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.person.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`${r.person.name} attended`}
                    checked={ticked.has(r.person.id)}
                    disabled={cancelled}
                    onChange={(e) => toggle(r.person.id, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={recordPath('person', r.person.id)} size="sm">{r.person.name}</Anchor>
                  {!r.person.active && <Text span size="xs" c="dimmed"> (left)</Text>}
                </Table.Td>
                <Table.Td>{r.person.department}</Table.Td>
                <Table.Td>{r.audienceRoles.length ? r.audienceRoles.map((id) => l.record(id)).join(', ') : <Text span size="sm" c="dimmed">not in the audience</Text>}</Table.Td>
                <Table.Td>
                  {r.record ? (
                    <Anchor component={Link} to={recordPath('attendance', r.record.id)} underline="never">
                      <StatusBadge status={r.record.status} label={l.enumLabel('attendanceStatuses', r.record.status)} />
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">No record</Text>
                  )}
                </Table.Td>
                <Table.Td py={2}>
                  {ticked.has(r.person.id) && (
                    <TextInput
                      type="date"
                      size="xs"
                      aria-label={`${r.person.name} attended on`}
                      value={dateOf(r)}
                      disabled={cancelled}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setDates((d) => new Map(d).set(r.person.id, v));
                      }}
                    />
                  )}
                </Table.Td>
                <Table.Td ta="right">{r.record?.score ? r.record.score : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!cancelled && (
        <PeoplePicker
          label="Add people outside the audience"
          placeholder="Choose people who attended although their roles are not in the audience"
          value={extra}
          onChange={(v) => {
            setExtra(v);
            setTicked((s) => new Set([...s, ...v.filter((id) => !extra.includes(id))]));
          }}
          description="They are added to the table ticked; Save attendance records them."
        />
      )}
    </Paper>
  );
}
