// The KPI's page: its standing, the trend of its measurements against the target and
// amber lines, the measurements as a table to correct or delete, and the quick entry of a
// new value (a date, today by default, and a value: Record). An automated KPI is measured
// from the records instead (Measure now); a value may still be entered by hand.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Grid, Group, Modal, NumberInput, Paper, ScrollArea, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconRefresh, IconRobot, IconTrash } from '@tabler/icons-react';
import { api, normaliseError, type Measurement } from '../../lib/api';
import { today } from '../../components/record/columns';
import type { PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { fieldMessage } from '../../components/record/RecordForm';
import { useAreaMutation } from '../../components/record/queries';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/format';
import { formatValue, nextDue, rag, targetText, trend, type Trend } from './logic';
import { DueFlag, RagBadge, TrendArrow } from './parts';
import { isAutomated, metricOf, useMetrics } from './metrics';
import type { KpiRow } from './rows';
import { sourceLabel, TrendChart } from './TrendChart';

/** measurementKeys keeps a KPI's measurements under the kit's 'area' keys, so that every
 * change the kit refreshes refreshes them too. */
export const measurementKeys = { ofKpi: (kpiId: string) => ['area', 'measurements', 'of', kpiId] as const };

/** MeasurementsPanel is the KPI page's trend, measurements and quick entry. */
export function MeasurementsPanel({ record: k, lookups: l }: PanelProps<KpiRow>) {
  const ms = useQuery({ queryKey: measurementKeys.ofKpi(k.id), queryFn: () => api.measurements.ofKpi(k.id) });
  const [editing, setEditing] = useState<Measurement | null>(null);
  const list = ms.data ?? [];
  const st = k.status;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={4}>Measurements</Title>
          <Group gap="lg">
            <Stat label="Latest">
              {st?.latestOn ? (
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>{formatValue(st.latest, k.unit)}</Text>
                  <RagBadge rag={st.rag} label={l.enumLabel('rags', st.rag)} />
                  <Text size="xs" c="dimmed">{formatDate(st.latestOn)}</Text>
                </Group>
              ) : <Text size="sm" c="dimmed">Never measured</Text>}
            </Stat>
            <Stat label="Trend">
              <Group gap={4} wrap="nowrap">
                <TrendArrow trend={(st?.trend ?? '') as Trend} direction={k.direction} />
                {st?.previousOn ? <Text size="xs" c="dimmed">from {formatValue(st.previous, k.unit)}</Text> : null}
              </Group>
            </Stat>
            <Stat label="Target"><Text size="sm">{targetText(k)}</Text></Stat>
            <Stat label="Next measurement"><DueFlag due={!!st?.due} nextDue={st?.nextDue ?? ''} active={k.active} /></Stat>
          </Group>
        </Group>
        {isAutomated(k.source) ? <Automatic kpi={k} /> : <QuickEntry kpi={k} />}
        {ms.isError ? (
          <QueryError error={ms.error} onRetry={() => void ms.refetch()} />
        ) : (
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <TrendChart kpi={k} measurements={list} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <MeasurementTable kpi={k} list={list} onEdit={setEditing} />
            </Grid.Col>
          </Grid>
        )}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Edit the measurement">
        {editing && <EditMeasurement kpi={k} m={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Paper>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts="0.03em">{label}</Text>
      {children}
    </div>
  );
}

/** Automatic says what an automated KPI is measured from, measures it now on request,
 * and offers the quick entry of a value by hand behind a button. */
function Automatic({ kpi: k }: { kpi: KpiRow }) {
  const metrics = useMetrics();
  const metric = metricOf(metrics.data, k.source);
  const [byHand, setByHand] = useState(false);
  const now = useAreaMutation(() => api.kpis.measureNow(k.id));
  const measure = () =>
    now.mutate(undefined, {
      onSuccess: (m) =>
        notifications.show({ color: 'green', title: 'Measured', message: `${k.name}: ${formatValue(m.value, k.unit)} on ${formatDate(m.date)}${m.note ? ` (${m.note})` : ''}` }),
    });
  return (
    <Stack gap="xs">
      <Alert color="blue" variant="light" icon={<IconRobot size={18} />} p="sm"
        title={`Measured automatically from ${metric ? metric.label.toLowerCase() : 'the records'}`}>
        <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
          <Text size="sm">
            {metric?.method} A value is recorded when one is due ({k.active ? 'by the frequency' : 'not while the KPI is inactive'}), on opening the data folder and every hour while the window is open.
          </Text>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button variant="default" size="xs" onClick={() => setByHand((v) => !v)}>{byHand ? 'Hide entry by hand' : 'Enter a value by hand'}</Button>
            <Button size="xs" leftSection={<IconRefresh size={14} />} loading={now.isPending} onClick={measure}>Measure now</Button>
          </Group>
        </Group>
      </Alert>
      <PanelError error={now.error} />
      {byHand && <QuickEntry kpi={k} />}
    </Stack>
  );
}

/** QuickEntry records one value: the date is today unless changed, so a value and Record do it. */
function QuickEntry({ kpi: k }: { kpi: KpiRow }) {
  const [date, setDate] = useState(today());
  const [value, setValue] = useState<number | ''>('');
  const [note, setNote] = useState('');
  const rec = useAreaMutation((a: { date: string; value: number; note: string }) => api.measurements.record(k.id, a.date, a.value, a.note));
  const latest = k.status?.latestOn ?? '';
  const after = nextDue(k, date > latest ? date : latest);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value === '') return;
    rec.mutate(
      { date, value, note },
      {
        onSuccess: (m) => {
          setValue('');
          setNote('');
          notifications.show({ color: 'green', title: 'Measurement recorded', message: `${k.name}: ${formatValue(m.value, k.unit)} on ${formatDate(m.date)}` });
        },
      },
    );
  };
  const err = rec.error ? normaliseError(rec.error) : null;
  return (
    <form onSubmit={submit} aria-label="Record a measurement">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput type="date" label="Measured on" value={date} onChange={(e) => setDate(e.currentTarget.value)} w={160} error={fieldError(err, 'date', 'Date')} />
        <NumberInput
          label="Value"
          value={value}
          onChange={(v) => setValue(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
          decimalScale={4}
          rightSection={k.unit ? <Text size="xs" c="dimmed">{k.unit}</Text> : undefined}
          w={150}
          error={fieldError(err, 'value', 'Value')}
        />
        <TextInput label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1, minWidth: 160 }} />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={rec.isPending} disabled={value === '' || !date}>Record</Button>
      </Group>
      {value !== '' && (
        <Text size="xs" c="dimmed" mt={4}>
          {formatValue(value, k.unit)} would be <RagWord rag={rag(k, value)} />
          {after ? <>; the next value would then be due on {formatDate(after)}.</> : '.'}
        </Text>
      )}
      {err && !err.fields.date && !err.fields.value && <PanelError error={rec.error} />}
    </form>
  );
}

/** fieldError is Go's message on a field, as a sentence naming it. */
function fieldError(err: ReturnType<typeof normaliseError> | null, field: string, label: string): string | undefined {
  const m = err?.fields[field];
  return m ? fieldMessage(label, m) : undefined;
}

function RagWord({ rag: r }: { rag: string }) {
  const c = r === 'green' ? 'green' : r === 'amber' ? 'yellow.8' : 'red';
  return <Text span size="xs" c={c} fw={700}>{r}</Text>;
}

/** MeasurementTable lists the values newest first, each with its RAG and change. */
function MeasurementTable({ kpi: k, list, onEdit }: { kpi: KpiRow; list: Measurement[]; onEdit: (m: Measurement) => void }) {
  const del = useAreaMutation((m: Measurement) => api.measurements.remove(m.id, m.version));
  if (list.length === 0) return <Text size="sm" c="dimmed">No values recorded yet.</Text>;
  const oldest = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const prev = new Map(oldest.map((m, i) => [m.id, i > 0 ? oldest[i - 1]!.value : undefined]));
  const rows = [...oldest].reverse();
  const confirm = (m: Measurement) =>
    modals.openConfirmModal({
      title: 'Delete measurement',
      children: <Text size="sm">Delete the value <b>{formatValue(m.value, k.unit)}</b> measured on <b>{formatDate(m.date)}</b>? Its history is kept.</Text>,
      labels: { confirm: 'Delete measurement', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(m, {
          onSuccess: () => notifications.show({ color: 'green', title: 'Measurement deleted', message: `${formatDate(m.date)}: ${formatValue(m.value, k.unit)}` }),
        }),
    });
  return (
    <Stack gap="xs">
      <ScrollArea.Autosize mah={300}>
        <Table striped highlightOnHover stickyHeader aria-label={`Measurements of ${k.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th>RAG</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th w={72}><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td><Text size="sm">{formatDate(m.date)}</Text></Table.Td>
                <Table.Td ta="right"><Text size="sm" fw={600}>{formatValue(m.value, k.unit)}</Text></Table.Td>
                <Table.Td><RagBadge rag={rag(k, m.value)} /></Table.Td>
                <Table.Td><TrendArrow trend={trend(prev.get(m.id), m.value)} direction={k.direction} size={16} /></Table.Td>
                <Table.Td>
                  {m.source === 'automatic' || m.source === 'import' ? (
                    <Badge size="xs" variant="light" color={m.source === 'automatic' ? 'blue' : 'gray'} radius="sm" tt="none">{sourceLabel(m.source)}</Badge>
                  ) : null}
                  <Text size="sm" c="dimmed" lineClamp={2}>{m.note}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label="Edit">
                      <ActionIcon variant="subtle" aria-label={`Edit the value of ${formatDate(m.date)}`} onClick={() => onEdit(m)}><IconPencil size={16} /></ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete the value of ${formatDate(m.date)}`} onClick={() => confirm(m)}><IconTrash size={16} /></ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <PanelError error={del.error} />
    </Stack>
  );
}

/** EditMeasurement corrects one value's date, value or note. */
function EditMeasurement({ kpi: k, m, onDone }: { kpi: KpiRow; m: Measurement; onDone: () => void }) {
  const [date, setDate] = useState(m.date);
  const [value, setValue] = useState<number | ''>(m.value);
  const [note, setNote] = useState(m.note);
  const save = useAreaMutation((x: Measurement) => api.measurements.update(x));
  const err = save.error ? normaliseError(save.error) : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (value === '') return;
        save.mutate({ ...m, date, value, note }, {
          onSuccess: () => {
            notifications.show({ color: 'green', title: 'Measurement saved', message: `${formatDate(date)}: ${formatValue(value, k.unit)}` });
            onDone();
          },
        });
      }}
    >
      <Stack>
        <TextInput type="date" label="Measured on" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(err, 'date', 'Date')} />
        <NumberInput label="Value" value={value} decimalScale={4} onChange={(v) => setValue(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
          rightSection={k.unit ? <Text size="xs" c="dimmed">{k.unit}</Text> : undefined} error={fieldError(err, 'value', 'Value')} />
        <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {err && !err.fields.date && !err.fields.value && <PanelError error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={value === '' || !date}>Save</Button>
        </Group>
      </Stack>
    </form>
  );
}
