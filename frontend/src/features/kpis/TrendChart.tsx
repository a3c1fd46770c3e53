// The trend of a KPI: its measurements over time as a Mantine line chart, the target
// (green) and amber threshold as labelled reference lines, each point coloured by its
// red/amber/green, and the KPI's current standing beside the chart.
import { LineChart } from '@mantine/charts';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { KPI, Measurement } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { dateOf, dateTicks, dayOf, timeDomain, valueAxis } from './chart';
import { formatValue, rag, targetText } from './logic';
import { RagBadge } from './parts';

const ragFill: Record<string, string> = {
  green: 'var(--mantine-color-green-6)',
  amber: 'var(--mantine-color-yellow-6)',
  red: 'var(--mantine-color-red-6)',
};

const sourceWords: Record<string, string> = { automatic: 'Measured automatically', import: 'Imported', manual: 'Entered by hand' };

/** sourceLabel says where a measurement came from; older values without one were entered by hand. */
export function sourceLabel(source: string | undefined): string {
  return sourceWords[source || 'manual'] ?? source ?? '';
}

interface Point {
  t: number;
  date: string;
  value: number;
  note: string;
  source: string;
  rag: string;
}

/** TrendChart draws a KPI's measurements (any order) against its target and amber threshold. */
export function TrendChart({ kpi, measurements }: { kpi: KPI; measurements: Measurement[] }) {
  const points: Point[] = measurements
    .filter((m) => Number.isFinite(dayOf(m.date)))
    .map((m) => ({ t: dayOf(m.date), date: m.date, value: m.value, note: m.note, source: m.source, rag: rag(kpi, m.value) }))
    .sort((a, b) => a.t - b.t);
  if (points.length === 0) {
    return <Text size="sm" c="dimmed">No measurements yet: the trend starts with the first value.</Text>;
  }
  const last = points[points.length - 1]!;
  const axis = valueAxis(points.map((p) => p.value), kpi);
  const value = (v: number) => formatValue(v, kpi.unit);
  // Each threshold's label sits on the side away from the other line, so that they never overlap.
  const lower = kpi.direction === 'lower_is_better';
  const label = `Trend of ${kpi.name}: ${points.length} measurement${points.length === 1 ? '' : 's'} from ${formatDate(points[0]!.date)} to ${formatDate(last.date)}; latest ${value(last.value)}; target ${targetText(kpi)}, amber threshold ${value(kpi.amber)}.`;
  return (
    <Group align="stretch" gap="md" wrap="nowrap" role="figure" aria-label={label}>
      <Stack gap={6} w={118} style={{ flexShrink: 0 }} aria-label="Now">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts="0.03em">Now</Text>
        <RagBadge rag={last.rag} />
        <Text size="lg" fw={700} lh={1.1}>{value(last.value)}</Text>
        <Text size="xs" c="dimmed">on {formatDate(last.date)}</Text>
        <Text size="xs" c="green.8">Target {targetText(kpi)}</Text>
        <Text size="xs" c="yellow.9">Amber {lower ? 'up to' : 'from'} {value(kpi.amber)}</Text>
      </Stack>
      <div style={{ flex: 1, minWidth: 0 }}>
        <LineChart
          h={230}
          data={points}
          dataKey="t"
          series={[{ name: 'value', label: 'Value', color: 'blue.6' }]}
          curveType="linear"
          gridAxis="xy"
          strokeWidth={2}
          valueFormatter={(v) => (axis.integer ? String(v) : formatValue(Math.round(v * 100) / 100, kpi.unit))}
          xAxisProps={{
            type: 'number',
            scale: 'time',
            domain: timeDomain(points.map((p) => p.t)),
            ticks: dateTicks(points.map((p) => p.date), 4).map(dayOf),
            tickFormatter: (t: number) => formatDate(dateOf(t)),
          }}
          yAxisProps={{ domain: axis.domain, ticks: axis.ticks, allowDecimals: !axis.integer, width: 64, interval: 0 }}
          referenceLines={[
            { y: kpi.target, color: 'green.7', label: `Target ${value(kpi.target)}`, labelPosition: lower ? 'insideBottomRight' : 'insideTopRight', strokeDasharray: '6 3' },
            { y: kpi.amber, color: 'yellow.8', label: `Amber threshold ${value(kpi.amber)}`, labelPosition: lower ? 'insideTopRight' : 'insideBottomRight', strokeDasharray: '4 4' },
          ]}
          lineProps={{
            isAnimationActive: false,
            dot: (p: { cx?: number; cy?: number; payload?: Point; index?: number }) => (
              <circle key={p.index} cx={p.cx} cy={p.cy} r={4.5} fill={ragFill[p.payload?.rag ?? ''] ?? ragFill.green} stroke="white" strokeWidth={1.5} />
            ),
          }}
          tooltipProps={{ content: ({ payload }) => <PointTooltip point={payload?.[0]?.payload as Point | undefined} unit={kpi.unit} /> }}
        />
      </div>
    </Group>
  );
}

/** PointTooltip is a measurement under the pointer: its value and RAG, date, source and note. */
function PointTooltip({ point: p, unit }: { point?: Point; unit: string }) {
  if (!p) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm" maw={260}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={700}>{formatValue(p.value, unit)}</Text>
        <RagBadge rag={p.rag} />
      </Group>
      <Text size="xs">{formatDate(p.date)}</Text>
      <Badge size="xs" variant="light" color="gray" radius="sm" tt="none" mt={4}>{sourceLabel(p.source)}</Badge>
      {p.note && <Text size="xs" c="dimmed" mt={4}>{p.note}</Text>}
    </Paper>
  );
}
