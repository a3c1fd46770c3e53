// Small pieces the KPI screens share: the RAG badge, the trend arrow and the due flag.
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { formatDate } from '../../lib/format';
import { improving, type Trend } from './logic';

const ragColour: Record<string, string> = { green: 'green', amber: 'yellow', red: 'red' };
const ragWords: Record<string, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** RagBadge shows a red/amber/green status; nothing when there is none. */
export function RagBadge({ rag, label }: { rag: string; label?: string }) {
  if (!rag) return null;
  return <Badge color={ragColour[rag] ?? 'gray'} variant="light" radius="sm" tt="none" fw={600}>{label || ragWords[rag] || rag}</Badge>;
}

const trendWords: Record<string, string> = { up: 'Up', down: 'Down', flat: 'Flat' };

/** trendLabel says a trend in words with whether it is good news: "Up, improving". */
export function trendLabel(direction: string, t: Trend): string {
  if (!t) return '';
  const good = improving(direction, t);
  return `${trendWords[t]}${good === null ? '' : good ? ', improving' : ', worsening'}`;
}

/** TrendArrow shows a trend as an arrow, green when it is good news and red when bad. */
export function TrendArrow({ trend: t, direction, size = 18 }: { trend: Trend; direction: string; size?: number }) {
  if (!t) return <Text size="sm" c="dimmed">—</Text>;
  const good = improving(direction, t);
  const colour = good === null ? 'var(--mantine-color-gray-6)' : good ? 'var(--mantine-color-green-7)' : 'var(--mantine-color-red-7)';
  const Icon = t === 'up' ? IconArrowUpRight : t === 'down' ? IconArrowDownRight : IconArrowRight;
  const label = trendLabel(direction, t);
  return (
    <Tooltip label={label}>
      <span role="img" aria-label={label} style={{ display: 'inline-flex' }}><Icon size={size} color={colour} stroke={2.2} /></span>
    </Tooltip>
  );
}

/** DueFlag says whether a measurement is due, and from when. */
export function DueFlag({ due, nextDue, active }: { due: boolean; nextDue: string; active: boolean }) {
  if (!active) return <Text size="sm" c="dimmed">Not measured any more</Text>;
  if (due) return <Badge color="orange" variant="light" radius="sm" tt="none" fw={600} title={`Due since ${formatDate(nextDue)}`}>Due since {formatDate(nextDue)}</Badge>;
  if (!nextDue) return <Text size="sm" c="dimmed">No frequency</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" c="dimmed">Next {formatDate(nextDue)}</Text>
    </Group>
  );
}
