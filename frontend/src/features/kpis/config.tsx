// Monitoring and measurement (9.1): the KPIs with their standing today (latest value and
// RAG, trend, whether a measurement is due, all worked out by Go), and the measurements.
import { Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type TopProps } from '../../components/record/kit';
import { formatDate } from '../../lib/format';
import { MeasurementsPanel } from './KpiPanels';
import { formatValue, rag, targetText, type Trend } from './logic';
import { DueFlag, RagBadge, TrendArrow, trendLabel } from './parts';
import { kpiService, measurementService, type KpiRow, type MeasurementRow } from './rows';

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
    amber: 0, ownerId: '', objectiveId: '', controlId: '', active: true, status: null,
  }),
  refOf: (k) => k.ref,
  titleOf: (k) => k.name,
  status: (k) => (k.status?.rag ? { value: k.status.rag, enum: 'rags' } : null),
  defaultSort: { id: 'ref', desc: false },
  top: Standing,
  columns: [
    col.ref((k) => k.ref),
    col.text('name', 'KPI', (k) => k.name, 'minmax(200px, 3fr)'),
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
  ],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'KPI-01' },
    { name: 'name', label: 'Name', type: 'text', span: 8, placeholder: 'Phishing simulation click rate' },
    { name: 'description', label: 'What is measured', type: 'textarea' },
    { name: 'method', label: 'How it is measured', type: 'textarea', placeholder: 'Source, formula, who counts' },
    { name: 'frequency', label: 'Frequency', type: 'enum', enum: 'frequencies', span: 4, description: 'How often a value is due' },
    { name: 'unit', label: 'Unit', type: 'text', span: 4, placeholder: '%, days, count' },
    { name: 'direction', label: 'Direction', type: 'enum', enum: 'directions', span: 4 },
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
  blank: () => ({ ...unsaved, kpiId: '', date: today(), value: 0, note: '', kpi: null }),
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
    col.dim('note', 'Note', (m) => m.note, 'minmax(140px, 2fr)'),
  ],
  filters: [{ label: 'RAG', enum: 'rags', value: ragOf }],
  fields: [
    { name: 'kpiId', label: 'KPI', type: 'record', kind: 'kpi' },
    { name: 'date', label: 'Measured on', type: 'date', span: 6 },
    { name: 'value', label: 'Value', type: 'number', span: 6, description: 'In the KPI\'s unit' },
    { name: 'note', label: 'Note', type: 'textarea' },
  ],
};
