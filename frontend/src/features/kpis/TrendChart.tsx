// A small SVG line chart of a KPI's measurements with its target and amber lines. The
// project has no chart library yet (@mantine/charts would be the natural one); this keeps
// to what a trend needs: dated points on a time axis, two threshold lines, a legend.
import { Group, Text } from '@mantine/core';
import type { KPI, Measurement } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { domain, formatValue, rag, targetText } from './logic';

const W = 640;
const H = 220;
const M = { top: 12, right: 16, bottom: 28, left: 52 };

const ragFill: Record<string, string> = {
  green: 'var(--mantine-color-green-6)',
  amber: 'var(--mantine-color-yellow-6)',
  red: 'var(--mantine-color-red-6)',
};

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** TrendChart draws a KPI's measurements (any order) against its target and amber threshold. */
export function TrendChart({ kpi, measurements }: { kpi: KPI; measurements: Measurement[] }) {
  const points = [...measurements].filter((m) => Number.isFinite(day(m.date))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (points.length === 0) {
    return <Text size="sm" c="dimmed">No measurements yet: record the first value below and the trend starts here.</Text>;
  }
  const [lo, hi] = domain([...points.map((m) => m.value), kpi.target, kpi.amber]);
  const t0 = day(points[0]!.date);
  const t1 = day(points[points.length - 1]!.date);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = (d: string) => M.left + (t1 === t0 ? iw / 2 : ((day(d) - t0) / (t1 - t0)) * iw);
  const y = (v: number) => M.top + ih - ((v - lo) / (hi - lo)) * ih;
  const ticks = Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);
  const xLabels = points.length === 1 ? [points[0]!] : points.length === 2 ? [points[0]!, points[1]!] : [points[0]!, points[Math.floor((points.length - 1) / 2)]!, points[points.length - 1]!];
  const path = points.map((m, i) => `${i === 0 ? 'M' : 'L'}${x(m.date).toFixed(1)},${y(m.value).toFixed(1)}`).join(' ');
  const last = points[points.length - 1]!;
  const label = `Trend of ${kpi.name}: ${points.length} measurement${points.length === 1 ? '' : 's'} from ${formatDate(points[0]!.date)} to ${formatDate(last.date)}; latest ${formatValue(last.value, kpi.unit)}; target ${targetText(kpi)}, amber threshold ${formatValue(kpi.amber, kpi.unit)}.`;
  const tick = (v: number) => {
    const r = Math.abs(hi - lo) >= 10 ? Math.round(v) : Math.round(v * 100) / 100;
    return String(r);
  };
  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ display: 'block', maxHeight: 260 }}>
        <title>{label}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-2)" />
            <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="var(--mantine-color-dimmed)">{tick(v)}</text>
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={y(kpi.amber)} y2={y(kpi.amber)} stroke={ragFill.amber} strokeWidth={1.5} strokeDasharray="4 4" />
        <line x1={M.left} x2={W - M.right} y1={y(kpi.target)} y2={y(kpi.target)} stroke={ragFill.green} strokeWidth={1.5} strokeDasharray="6 3" />
        <path d={path} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2} strokeLinejoin="round" />
        {points.map((m) => (
          <circle key={m.id} cx={x(m.date)} cy={y(m.value)} r={4.5} fill={ragFill[rag(kpi, m.value)]} stroke="white" strokeWidth={1.5}>
            <title>{`${formatDate(m.date)}: ${formatValue(m.value, kpi.unit)}${m.note ? ` (${m.note})` : ''}`}</title>
          </circle>
        ))}
        {xLabels.map((m, i) => (
          <text key={m.id} x={x(m.date)} y={H - 8} fontSize={11} fill="var(--mantine-color-dimmed)"
            textAnchor={points.length === 1 ? 'middle' : i === 0 ? 'start' : i === xLabels.length - 1 ? 'end' : 'middle'}>
            {formatDate(m.date)}
          </text>
        ))}
      </svg>
      <Group gap="md" mt={4}>
        <Legend colour="var(--mantine-color-blue-6)" label={`Value${kpi.unit ? ` (${kpi.unit})` : ''}`} />
        <Legend colour={ragFill.green} dashed label={`Target ${targetText(kpi)}`} />
        <Legend colour={ragFill.amber} dashed label={`Amber threshold ${formatValue(kpi.amber, kpi.unit)}`} />
      </Group>
    </div>
  );
}

function Legend({ colour, label, dashed }: { colour: string; label: string; dashed?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={22} height={8} aria-hidden>
        <line x1={0} x2={22} y1={4} y2={4} stroke={colour} strokeWidth={2} strokeDasharray={dashed ? '4 3' : undefined} />
      </svg>
      <Text size="xs" c="dimmed">{label}</Text>
    </Group>
  );
}
