// The kit's detail page: a record's fields by the area's field list, its workflow panels,
// its links both ways and its history with names, with Edit and Delete.
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { HistoryList } from '../History';
import { LinkList, linkLabel } from '../Links';
import { QueryError } from '../QueryError';
import { StatusBadge } from '../StatusBadge';
import type { Named, Resolve } from '../FieldValue';
import { api, normaliseError, type Stored } from '../../lib/api';
import { areaOfPlural, recordPath } from '../../lib/areas';
import { fieldLabel, formatDate, formatDateTime } from '../../lib/format';
import type { AreaConfig, FieldSpec, Lookups } from './kit';
import { kitKeys, optionsOf, useAreaMutation, useAreaRecord, useEnums, useLookups, usePeople } from './queries';
import { fieldMessage, RecordForm } from './RecordForm';
import { EvidencePanel } from './EvidencePanel';
import { TracePanel } from './TracePanel';

/** The kinds evidence can be attached to (isms.EvidenceTargets). */

/** The kinds whose page shows the traceability chain. */
const traceKinds = new Set(['requirement', 'risk', 'control', 'policy', 'asset', 'objective', 'issue', 'party']);

/** Field shows one labelled value of a detail page. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined || (Array.isArray(children) && children.length === 0);
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts="0.03em">{label}</Text>
      {empty ? <Text size="sm" c="dimmed">—</Text> : typeof children === 'string' || typeof children === 'number' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{children}</Text>
      ) : children}
    </div>
  );
}

/** showValue renders a record's field for reading. */
function showValue<T>(f: FieldSpec<T>, r: T, l: Lookups): ReactNode {
  if (f.display) {
    const Display = f.display;
    return <Display record={r} />;
  }
  const v = (r as Record<string, unknown>)[f.name];
  const ids = (x: unknown) => (Array.isArray(x) ? (x as string[]) : []);
  switch (f.type) {
    case 'bool':
      return v ? 'Yes' : 'No';
    case 'number':
      return typeof v === 'number' ? String(v) : '';
    case 'date':
      return formatDate(v as string);
    case 'enum':
      return l.enumLabel(f.enum ?? '', v as string);
    case 'enums':
      return ids(v).map((x) => l.enumLabel(f.enum ?? '', x)).join(', ');
    case 'person':
      return personLink(v as string, l);
    case 'people':
      return ids(v).length ? <Stack gap={2}>{ids(v).map((id) => <span key={id}>{personLink(id, l)}</span>)}</Stack> : '';
    case 'record':
      return v ? recordLink(f.kind ?? '', v as string, l) : '';
    case 'records':
      return ids(v).length ? <Stack gap={2}>{ids(v).map((id) => <span key={id}>{recordLink(f.kind ?? '', id, l)}</span>)}</Stack> : '';
    default:
      return (v as string) ?? '';
  }
}

function personLink(id: string, l: Lookups): ReactNode {
  if (!id) return '';
  return <Anchor component={Link} to={recordPath('person', id)} size="sm">{l.person(id)}</Anchor>;
}

function recordLink(kind: string, id: string, l: Lookups): ReactNode {
  return <Anchor component={Link} to={recordPath(kind, id)} size="sm">{l.record(id)}</Anchor>;
}

/** DetailPage shows one record of an area. */
export function DetailPage<T extends Stored>({ config, id }: { config: AreaConfig<T>; id: string }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const rec = useAreaRecord(config.plural, config.service, id);
  const detail = useQuery({ queryKey: ['records', 'detail', config.plural, id], queryFn: () => api.records.get(config.plural, id) });
  const people = usePeople();
  const l = useLookups(config.fields.filter((f) => f.kind).map((f) => f.kind ?? ''));
  // The kinds evidence can support, as Go lists them (isms.EvidenceTargets).
  const enums = useEnums();
  const evidenceTargets = optionsOf(enums.data, 'evidenceTargets').map((o) => o.value);
  const [editing, setEditing] = useState(false);
  const del = useAreaMutation(({ id, version }: { id: string; version: number }) => config.service.remove(id, version));
  const found = areaOfPlural(config.plural);

  const resolve: Resolve = useMemo(() => {
    const m = new Map<string, Named>();
    for (const p of people.data ?? []) m.set(p.id, { kind: 'person', label: p.name });
    for (const x of [...(detail.data?.links ?? []), ...(detail.data?.backlinks ?? [])]) if (!x.missing) m.set(x.id, { kind: x.kind, label: linkLabel(x) });
    return (rid) => m.get(rid);
  }, [people.data, detail.data]);

  const back = (
    <Anchor component={Link} to={`/records/${config.plural}`} size="sm">{found?.kind.label ?? config.title}</Anchor>
  );
  if (rec.isPending) return <Group justify="center" p="xl"><Loader /></Group>;
  if (rec.isError) {
    return (
      <div className="page-scroll">
        <Stack>
          <Breadcrumbs>{back}</Breadcrumbs>
          <QueryError error={rec.error} onRetry={() => void rec.refetch()} />
        </Stack>
      </div>
    );
  }
  const r = rec.data;
  const ref = config.refOf(r);
  const title = config.titleOf(r);
  const name = [ref, title].filter(Boolean).join(' · ') || config.noun;
  const st = config.status?.(r);
  const undeletable = config.undeletable?.(r) ?? null;
  const uneditable = config.uneditable?.(r) ?? null;
  const shown = config.fields.filter((f) => f.detail !== false);
  const long = shown.filter((f) => f.type === 'textarea');
  const short = shown.filter((f) => f.type !== 'textarea');

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete ${config.noun}`,
      children: <Text size="sm">Delete <b>{name}</b>? The history of its changes is kept, but the record itself cannot be brought back.</Text>,
      labels: { confirm: `Delete ${config.noun}`, cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(
          { id: r.id, version: r.version },
          {
            onSuccess: () => {
              qc.removeQueries({ queryKey: kitKeys.one(config.plural, r.id) });
              notifications.show({ color: 'green', title: `${capital(config.noun)} deleted`, message: name });
              navigate(`/records/${config.plural}`);
            },
            onError: (err) => {
              const e = normaliseError(err);
              notifications.show({
                color: 'red',
                title: 'Not deleted',
                autoClose: 10_000,
                message: e.code === 'conflict' ? `The ${config.noun} changed since you opened it. It has been reloaded; check it and try again.` : e.message,
              });
              void rec.refetch();
            },
          },
        ),
    });

  const Panels = config.panels ?? [];
  return (
    <div className="page-scroll">
      <Stack gap="md" maw={1240}>
        <Breadcrumbs>
          {back}
          <Text size="sm">{ref || title}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="sm">
              {ref && <Badge variant="filled" color="dark" radius="sm" size="lg" tt="none">{ref}</Badge>}
              {st && <StatusBadge status={st.value} label={l.enumLabel(st.enum, st.value)} />}
            </Group>
            <Title order={2}>{title || ref}</Title>
            <Text size="xs" c="dimmed">
              Saved {r.version} {r.version === 1 ? 'time' : 'times'} · created {formatDateTime(r.createdAt)} · updated {formatDateTime(r.updatedAt)}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={uneditable ?? ''} disabled={!uneditable}>
              <Button leftSection={<IconPencil size={16} />} variant="default" onClick={() => setEditing(true)} disabled={!!uneditable}>
                Edit
              </Button>
            </Tooltip>
            <Tooltip label={undeletable ?? ''} disabled={!undeletable} multiline w={260}>
              <Button leftSection={<IconTrash size={16} />} color="red" variant="light" onClick={confirmDelete} loading={del.isPending} disabled={!!undeletable}>
                Delete
              </Button>
            </Tooltip>
          </Group>
        </Group>
        {Panels.map((P, i) => (
          <P key={i} record={r} lookups={l} />
        ))}
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <Paper withBorder p="md" radius="md">
                <Stack gap="md">
                  <SimpleGrid cols={3} spacing="md" verticalSpacing="md">
                    {short.map((f) => (
                      <Field key={f.name} label={f.label}>{showValue(f, r, l)}</Field>
                    ))}
                  </SimpleGrid>
                  {long.map((f) => (
                    <Field key={f.name} label={f.label}>{showValue(f, r, l)}</Field>
                  ))}
                </Stack>
              </Paper>
              {evidenceTargets.includes(config.kind) && <EvidencePanel targetKind={config.kind} targetId={r.id} />}
              <Paper withBorder p="md" radius="md">
                <Title order={4} mb="sm">History</Title>
                {detail.isError ? <QueryError error={detail.error} /> : <HistoryList history={detail.data?.history ?? []} resolve={resolve} labels={Object.fromEntries(config.fields.map((f) => [f.name, f.label]))} />}
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <Paper withBorder p="md" radius="md">
                <Title order={4} mb="sm">Links</Title>
                <LinkList links={detail.data?.links ?? []} empty="Not linked to other records." />
              </Paper>
              <Paper withBorder p="md" radius="md">
                <Title order={4} mb="sm">Linked from</Title>
                <LinkList links={detail.data?.backlinks ?? []} empty={`No other record links to this ${config.noun}.`} />
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
        {traceKinds.has(config.kind) && <TracePanel kind={config.kind} id={r.id} />}
      </Stack>
      <RecordForm
        config={config}
        opened={editing}
        onClose={() => setEditing(false)}
        record={r}
        onReload={async () => (await rec.refetch()).data}
        onSaved={() => setEditing(false)}
      />
    </div>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** PanelError shows why a workflow action was refused, naming the fields Go named. */
export function PanelError({ error }: { error: unknown }) {
  if (!error) return null;
  const e = normaliseError(error);
  // Each field's message names the field in words ("Correction on must not be before ...").
  const extra = Object.entries(e.fields)
    .filter(([, m]) => !e.message.includes(m))
    .map(([name, m]) => fieldMessage(fieldLabel(name.replace(/\[\d+\]/g, '').split('.').pop() ?? name), m));
  const head = e.message.charAt(0).toUpperCase() + e.message.slice(1);
  return (
    <Alert color="red" title="Not done" role="alert">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{[head, ...extra].join('\n')}</Text>
    </Alert>
  );
}
