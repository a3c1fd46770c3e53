// Monitoring and measurement (9.1): the KPIs with their standing today (latest value and
// RAG, trend, whether a measurement is due, all worked out by Go), and the measurements.
import { useFormContext } from 'react-hook-form';
import { Badge, Group, Paper, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconRobot } from '@tabler/icons-react';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type FieldInputProps, type TopProps } from '../../components/record/kit';
import { EnumSelect } from '../../components/record/pickers';
import { formatDate } from '../../lib/format';
import { MeasurementsPanel } from './KpiPanels';
import { formatValue, rag, targetText, type Trend } from './logic';
import { DueFlag, RagBadge, TrendArrow, trendLabel } from './parts';
import { isAutomated, metricOf, useMetrics } from './metrics';
import { kpiService, measurementService, type KpiRow, type MeasurementRow } from './rows';
import { sourceLabel } from './TrendChart';

/** SourceInput chooses what a KPI is measured from; choosing an automated measure fills
 * in its unit, direction, target and amber threshold (and a name and description when
 * blank), which Go then holds the KPI to. */
function SourceInput({ value, onChange, ...rest }: FieldInputProps) {
  const metrics = useMetrics();
  const { setValue, getValues } = useFormContext();
  const metric = metricOf(metrics.data, value as string);
  const choose = (v: string) => {
    onChange(v);
    const m = metricOf(metrics.data, v);
    if (!m) return;
    const set = (name: string, val: unknown) => setValue(name, val, { shouldDirty: true });
    set('unit', m.unit);
    set('direction', m.direction);
    set('target', m.target);
    set('amber', m.amber);
    if (!String(getValues('name') ?? '').trim()) set('name', m.label);
    if (!String(getValues('description') ?? '').trim()) set('description', m.method);
  };
  return (
    <EnumSelect
      {...rest}
      enumName="kpiSources"
      value={(value as string) || 'manual'}
      onChange={choose}
      description={metric ? `Measured automatically: ${metric.method}` : rest.description}
    />
  );
}

/** SourceShown says on the KPI's page where its values come from. */
function SourceShown({ record: k }: { record: KpiRow }) {
  const metrics = useMetrics();
  const m = metricOf(metrics.data, k.source);
  if (!isAutomated(k.source)) return <Text size="sm">Entered by hand or imported</Text>;
  return <Text size="sm">Measured automatically from {m ? m.label.toLowerCase() : 'the records'}</Text>;
}

/** MethodShown says how a KPI is measured: for an automated one, how Go works it out. */
function MethodShown({ record: k }: { record: KpiRow }) {
  const metrics = useMetrics();
  const m = metricOf(metrics.data, k.source);
  const text = m ? m.method : k.method;
  return text ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{text}</Text> : <Text size="sm" c="dimmed">—</Text>;
}

/** Standing sums the register up: how many KPIs are green, amber, red, never measured or
 * due; a click shows only those. */
function Standing({ rows, setFilter }: TopProps<KpiRow>) {
  const active = rows.filter((k) => k.active);
  const groups: { label: string; colour: string; keep: (k: KpiRow) => boolean }[] = [
    { label: 'Green', colour: 'green', keep: (k) => k.status?.rag === 'green' },
    { label: 'Amber', colour: 'yellow', keep: (k) => k.status?.rag === 'amber' },
    { label: 'Red', colour: 'red', keep: (k) => k.status?.rag === 'red' },
    { label: 'Never measured', colour: 'gray', keep: (k) => !k.status?.latestOn },
    { label: 'Measurement due', colour: 'orange', keep: (k) => !!k.status?.due },
  ];
  return (
    <Paper withBorder p="sm" radius="md">
      <Group gap="lg" wrap="wrap">
        <Text size="sm" fw={600}>{active.length} active KPI{active.length === 1 ? '' : 's'}</Text>
        {groups.map((g) => {
          const n = rows.filter(g.keep).length;
          return (
            <UnstyledButton key={g.label} onClick={() => setFilter(n ? { label: g.label, keep: g.keep } : null)} aria-label={`${g.label}: ${n}`} disabled={!n}>
              <Group gap={6} wrap="nowrap">
                <Badge color={g.colour} variant={n ? 'filled' : 'light'} radius="sm" tt="none" miw={28}>{n}</Badge>
                <Text size="sm" c={n ? undefined : 'dimmed'}>{g.label}</Text>
              </Group>
            </UnstyledButton>
          );
        })}
      </Group>
    </Paper>
  );
}

export const kpiArea: AreaConfig<KpiRow> = {
  kind: 'kpi',
  plural: 'kpis',
  title: 'KPIs',
  noun: 'KPI',
  about: 'What the ISMS measures, how and how often, against which target and amber threshold; each KPI\'s latest value, trend and whether a measurement is due.',
  clause: '9.1',
  service: kpiService,
  blank: () => ({
    ...unsaved, ref: '', name: '', description: '', method: '', frequency: 'monthly', unit: '', target: 0, direction: 'higher_is_better',
    amber: 0, ownerId: '', objectiveId: '', controlId: '', active: true, source: 'manual', status: null,
  }),
  refOf: (k) => k.ref,
  titleOf: (k) => k.name,
  status: (k) => (k.status?.rag ? { value: k.status.rag, enum: 'rags' } : null),
  defaultSort: { id: 'ref', desc: false },
  top: Standing,
  columns: [
    col.ref((k) => k.ref),
    {
      id: 'name', header: 'KPI', width: 'minmax(200px, 3fr)',
      value: (k) => k.name,
      render: (k) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" truncate title={k.name}>{k.name}</Text>
          {isAutomated(k.source) && (
            <Tooltip label="Measured automatically from the records">
              <span role="img" aria-label="Measured automatically" style={{ display: 'inline-flex', flexShrink: 0 }}><IconRobot size={15} color="var(--mantine-color-blue-6)" /></span>
            </Tooltip>
          )}
        </Group>
      ),
    },
    col.person('owner', 'Owner', (k) => k.ownerId),
    { id: 'target', header: 'Target', width: '110px', value: (k) => targetText(k), render: (k) => <Text size="sm">{targetText(k)}</Text> },
    {
      id: 'latest', header: 'Latest', width: 'minmax(150px, 1fr)',
      value: (k, l) => (k.status?.latestOn ? `${formatValue(k.status.latest, k.unit)} ${l.enumLabel('rags', k.status.rag)} ${formatDate(k.status.latestOn)}` : 'Never measured'),
      render: (k, l) =>
        k.status?.latestOn ? (
          <Group gap={6} wrap="nowrap" title={`Measured on ${formatDate(k.status.latestOn)}`}>
            <Text size="sm" fw={600}>{formatValue(k.status.latest, k.unit)}</Text>
            <RagBadge rag={k.status.rag} label={l.enumLabel('rags', k.status.rag)} />
          </Group>
        ) : <Text size="sm" c="dimmed">Never measured</Text>,
    },
    {
      id: 'trend', header: 'Trend', width: '64px',
      value: (k) => trendLabel(k.direction, (k.status?.trend ?? '') as Trend),
      render: (k) => <TrendArrow trend={(k.status?.trend ?? '') as Trend} direction={k.direction} />,
    },
    col.label('frequency', 'Frequency', 'frequencies', (k) => k.frequency, '104px'),
    {
      id: 'due', header: 'Measurement due', width: '150px',
      value: (k) => (!k.active ? 'Inactive' : k.status?.due ? `Due ${k.status.nextDue}` : (k.status?.nextDue ?? '')),
      render: (k) => <DueFlag due={!!k.status?.due} nextDue={k.status?.nextDue ?? ''} active={k.active} />,
    },
  ],
  filters: [
    { label: 'RAG', enum: 'rags', value: (k) => k.status?.rag ?? '' },
    { label: 'Frequency', enum: 'frequencies', value: (k) => k.frequency },
    { label: 'Measured from', enum: 'kpiSources', value: (k) => k.source || 'manual' },
  ],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'KPI-01' },
    { name: 'name', label: 'Name', type: 'text', span: 8, placeholder: 'Phishing simulation click rate' },
    { name: 'source', label: 'Measured from', type: 'enum', enum: 'kpiSources', input: SourceInput, display: SourceShown,
      description: 'Entered by hand, or worked out from the ISMS\'s own records when due' },
    { name: 'description', label: 'What is measured', type: 'textarea' },
    { name: 'method', label: 'How it is measured', type: 'textarea', placeholder: 'Source, formula, who counts', when: (k) => !isAutomated(k.source), display: MethodShown },
    { name: 'frequency', label: 'Frequency', type: 'enum', enum: 'frequencies', span: 4, description: 'How often a value is due' },
    { name: 'unit', label: 'Unit', type: 'text', span: 4, placeholder: '%, days, count', when: (k) => !isAutomated(k.source) },
    { name: 'direction', label: 'Direction', type: 'enum', enum: 'directions', span: 4, when: (k) => !isAutomated(k.source) },
    { name: 'target', label: 'Target', type: 'number', span: 6, description: 'Green when the value meets it' },
    { name: 'amber', label: 'Amber threshold', type: 'number', span: 6, description: 'Amber up to it; beyond it the KPI is red' },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6, description: 'Who measures it' },
    { name: 'active', label: 'Still measured', type: 'bool', span: 6, description: 'An inactive KPI is never due' },
    { name: 'objectiveId', label: 'Objective', type: 'record', kind: 'objective', span: 6, description: 'The objective it shows progress on' },
    { name: 'controlId', label: 'Control', type: 'record', kind: 'control', span: 6, description: 'The control it measures' },
  ],
  panels: [MeasurementsPanel],
};

const kpiName = (m: MeasurementRow) => (m.kpi ? [m.kpi.ref, m.kpi.name].filter(Boolean).join(' ') : 'Deleted KPI');
const ragOf = (m: MeasurementRow) => (m.kpi ? rag(m.kpi, m.value) : '');

export const measurementArea: AreaConfig<MeasurementRow> = {
  kind: 'measurement',
  plural: 'measurements',
  title: 'Measurements',
  noun: 'measurement',
  about: 'The dated values of the KPIs: each one is red, amber or green against its KPI\'s target and amber threshold. Record new values from a KPI\'s page, or import them from Excel.',
  clause: '9.1',
  service: measurementService,
  blank: () => ({ ...unsaved, kpiId: '', date: today(), value: 0, note: '', source: 'manual', kpi: null }),
  refOf: (m) => m.kpi?.ref ?? '',
  titleOf: (m) => `${m.kpi?.name ?? 'Measurement'} on ${formatDate(m.date)}`,
  status: (m) => (ragOf(m) ? { value: ragOf(m), enum: 'rags' } : null),
  defaultSort: { id: 'date', desc: true },
  importKind: 'measurements',
  columns: [
    col.text('kpi', 'KPI', kpiName, 'minmax(220px, 3fr)'),
    col.date('date', 'Date', (m) => m.date, undefined, '110px'),
    {
      id: 'value', header: 'Value', width: '120px',
      value: (m) => m.value,
      render: (m) => <Text size="sm" ta="right" fw={600}>{formatValue(m.value, m.kpi?.unit ?? '')}</Text>,
    },
    {
      id: 'rag', header: 'RAG', width: '96px',
      value: (m, l) => l.enumLabel('rags', ragOf(m)),
      render: (m, l) => <RagBadge rag={ragOf(m)} label={l.enumLabel('rags', ragOf(m))} />,
    },
    { id: 'source', header: 'Source', width: '170px', value: (m) => sourceLabel(m.source), render: (m) => <Text size="sm" truncate>{sourceLabel(m.source)}</Text> },
    col.dim('note', 'Note', (m) => m.note, 'minmax(140px, 2fr)'),
  ],
  filters: [
    { label: 'RAG', enum: 'rags', value: ragOf },
    { label: 'Source', enum: 'measurementSources', value: (m) => m.source || 'manual' },
  ],
  fields: [
    { name: 'kpiId', label: 'KPI', type: 'record', kind: 'kpi' },
    { name: 'date', label: 'Measured on', type: 'date', span: 6 },
    { name: 'value', label: 'Value', type: 'number', span: 6, description: 'In the KPI\'s unit' },
    { name: 'note', label: 'Note', type: 'textarea' },
    { name: 'source', label: 'Source', type: 'enum', enum: 'measurementSources', form: false, display: ({ record: m }) => <Text size="sm">{sourceLabel(m.source)}</Text> },
  ],
};
