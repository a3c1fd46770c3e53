// Traceability (the auditor's favourite question): the chain from a legal requirement
// through its risks, controls, policies and KPIs to the evidence, audits and
// nonconformities, around one record, with its gaps in words.
import { useState } from 'react';
import { Anchor, Badge, Box, Button, Group, List, Loader, Paper, ScrollArea, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { traceApi, traceVia, type TraceColumn, type TraceItem, type TraceView } from '../../lib/api/trace';
import { recordPath } from '../../lib/areas';
import { QueryError } from '../QueryError';
import { StatusBadge } from '../StatusBadge';

/** traceKey is the query key of one record's chain. */
export const traceKey = (kind: string, id: string) => ['area', 'trace', kind, id] as const;

/** largeChain is the number of linked records above which the chain starts collapsed. */
export const largeChain = 12;

/** columnWidth keeps eight columns readable side by side; the row scrolls on a laptop. */
const columnWidth = 212;

/** TraceItemCard is one record of the chain: a link to it, its status and why it is there. */
function TraceItemCard({ item, mixed }: { item: TraceItem; mixed: boolean }) {
  const start = item.via === traceVia.start;
  const named = item.via === traceVia.named;
  const label = item.ref || item.title || item.id;
  const reasons = item.reasons.join('; ');
  return (
    <Paper
      withBorder
      p={6}
      radius="sm"
      component="li"
      aria-current={start ? 'true' : undefined}
      style={{ listStyle: 'none', ...(start ? { background: 'var(--mantine-color-blue-light)' } : {}), ...(named ? { borderStyle: 'dashed' } : {}) }}
    >
      {start ? (
        <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
          {label}
        </Text>
      ) : (
        <Anchor component={Link} to={recordPath(item.kind, item.id)} size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
          {label}
        </Anchor>
      )}
      {item.ref && item.title && (
        <Text size="xs" lineClamp={2} title={item.title}>
          {item.title}
        </Text>
      )}
      <Group gap={4} mt={4}>
        {mixed && (
          <Text size="xs" c="dimmed">
            {item.kindLabel}
          </Text>
        )}
        <StatusBadge status={item.status} label={item.statusLabel || undefined} />
        {start && (
          <Badge size="xs" variant="light" radius="sm" tt="none">
            This record
          </Badge>
        )}
        {named && (
          <Tooltip label="Named only in its text (a checklist item, a clause or a description), not linked" multiline w={240}>
            <Badge size="xs" variant="outline" color="grape" radius="sm" tt="none">
              Named in the text
            </Badge>
          </Tooltip>
        )}
      </Group>
      {reasons && (
        <Text size="xs" c="dimmed" mt={2} lineClamp={3} title={reasons}>
          {reasons}
        </Text>
      )}
    </Paper>
  );
}

/** TraceColumnView is one column of the chain, e.g. Controls. */
function TraceColumnView({ column }: { column: TraceColumn }) {
  const kinds = new Set(column.items.map((i) => i.kind));
  const mixed = column.key === 'audits' || kinds.size > 1;
  return (
    <Stack gap={6} w={columnWidth} miw={columnWidth} component="section" aria-label={column.label}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={700}>
          {column.label}
        </Text>
        {column.items.length > 0 && (
          <Badge size="xs" variant="light" color="gray">
            {column.items.length}
          </Badge>
        )}
      </Group>
      {column.items.length === 0 ? (
        <Text size="xs" c="dimmed">
          None
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0}>
          {column.items.map((item) => (
            <TraceItemCard key={`${item.kind}/${item.id}`} item={item} mixed={mixed} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** TraceGaps puts the chain's gaps in words: "A.8.24 has no evidence". */
function TraceGaps({ view }: { view: TraceView }) {
  if (view.gaps.length === 0) {
    return (
      <Group gap={6} mt="sm">
        <IconCircleCheck size={16} color="var(--mantine-color-green-6)" aria-hidden />
        <Text size="sm" c="dimmed">
          No gaps in this chain.
        </Text>
      </Group>
    );
  }
  return (
    <Box mt="sm" component="section" aria-label="Gaps">
      <Text size="sm" fw={700} mb={4}>
        Gaps
      </Text>
      <List
        size="sm"
        spacing={2}
        icon={
          <ThemeIcon color="orange" variant="light" size={18} radius="xl">
            <IconAlertTriangle size={12} />
          </ThemeIcon>
        }
      >
        {view.gaps.map((g) => (
          <List.Item key={`${g.kind}/${g.itemKind}/${g.id}`}>{g.message}</List.Item>
        ))}
      </List>
    </Box>
  );
}

/** TracePanel shows the chain of one record as columns, each item a link to its record. */
export function TracePanel({ kind, id }: { kind: string; id: string }) {
  const trace = useQuery({ queryKey: traceKey(kind, id), queryFn: () => traceApi.of(kind, id), enabled: id !== '' });
  const [toggled, setToggled] = useState<boolean | null>(null);
  const view = trace.data;
  const large = (view?.size ?? 0) > largeChain;
  const open = toggled ?? !large;
  const gaps = view?.gaps.length ?? 0;

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs">
          <Title order={4}>Traceability</Title>
          {view && view.size > 0 && (
            <Badge variant="light" color="gray" size="sm" tt="none">
              {view.size === 1 ? '1 linked record' : `${view.size} linked records`}
            </Badge>
          )}
          {gaps > 0 && (
            <Badge variant="light" color="orange" size="sm" tt="none">
              {gaps === 1 ? '1 gap' : `${gaps} gaps`}
            </Badge>
          )}
        </Group>
        {view && view.size > 0 && (
          <Button
            size="xs"
            variant="default"
            aria-expanded={open}
            leftSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
            onClick={() => setToggled(!open)}
          >
            {open ? 'Hide the chain' : 'Show the chain'}
          </Button>
        )}
      </Group>
      {trace.isPending && id !== '' ? (
        <Loader size="sm" />
      ) : trace.isError ? (
        <QueryError error={trace.error} onRetry={() => void trace.refetch()} />
      ) : !view ? null : view.size === 0 ? (
        <>
          <Text size="sm" c="dimmed">
            Nothing links this record to a requirement, risk, control, policy, KPI, evidence or audit yet. Link it to see the chain
            from the requirement to the evidence.
          </Text>
          {gaps > 0 && <TraceGaps view={view} />}
        </>
      ) : (
        <>
          {open ? (
            <ScrollArea type="auto" offsetScrollbars scrollbars="x">
              <Group align="flex-start" gap="sm" wrap="nowrap" pb={4}>
                {view.columns.map((c) => (
                  <TraceColumnView key={c.key} column={c} />
                ))}
              </Group>
            </ScrollArea>
          ) : (
            <Text size="sm" c="dimmed">
              {view.columns
                .filter((c) => c.items.length > 0)
                .map((c) => `${c.label} ${c.items.length}`)
                .join(' · ')}
            </Text>
          )}
          {view.clauses.length > 0 && (
            <Text size="xs" c="dimmed" mt="xs">
              Clauses followed: {view.clauses.map((c) => `${c.ref} ${c.title}`).join('; ')}
            </Text>
          )}
          <TraceGaps view={view} />
        </>
      )}
    </Paper>
  );
}
