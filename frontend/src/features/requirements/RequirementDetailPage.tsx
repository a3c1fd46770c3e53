import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Anchor, Badge, Breadcrumbs, Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { HistoryList } from '../../components/History';
import type { Resolve } from '../../components/FieldValue';
import { LinkList, linkLabel } from '../../components/Links';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import { normaliseError, type Option } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useDeleteRequirement, useRequirement, useRequirementOptions } from './queries';
import { RequirementForm } from './RequirementForm';
import { EvidencePanel } from '../../components/record/EvidencePanel';
import { TracePanel } from '../../components/record/TracePanel';

function labelOf(options: Option[] | undefined, v: string): string {
  return options?.find((o) => o.value === v)?.label ?? v;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts="0.03em">{label}</Text>
      {empty ? <Text size="sm" c="dimmed">—</Text> : typeof children === 'string' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{children}</Text>
      ) : children}
    </div>
  );
}

/** RequirementDetailPage shows one requirement with its history and links, and edits or deletes it. */
export function RequirementDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useRequirement(id);
  const options = useRequirementOptions();
  const del = useDeleteRequirement();
  const [editing, setEditing] = useState(false);

  if (detail.isPending) return <Group justify="center" p="xl"><Loader /></Group>;
  if (detail.isError) {
    return (
      <div className="page-scroll">
        <Stack>
          <Anchor component={Link} to="/requirements">← Requirements</Anchor>
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        </Stack>
      </div>
    );
  }
  const { requirement: r, history, links, backlinks } = detail.data;
  const o = options.data;
  const name = [r.ref, r.title].filter(Boolean).join(' · ');
  const resolve: Resolve = (ref) => {
    const l = [...(links ?? []), ...(backlinks ?? [])].find((x) => x.id === ref && !x.missing);
    if (l) return { kind: l.kind, label: linkLabel(l) };
    const p = o?.people.find((x) => x.value === ref);
    return p ? { kind: 'person', label: p.label } : undefined;
  };

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete requirement',
      children: (
        <Text size="sm">
          Delete <b>{name}</b>? Its links to controls and policies go with it. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete requirement', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        del.mutate(
          { id: r.id, version: r.version },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Requirement deleted', message: name });
              navigate('/requirements');
            },
            onError: (err) => {
              const e = normaliseError(err);
              notifications.show({
                color: 'red',
                title: 'Not deleted',
                message: e.code === 'conflict' ? 'The requirement changed since you opened it. It has been reloaded; check it and try again.' : e.message,
              });
              void detail.refetch();
            },
          },
        );
      },
    });

  return (
    <div className="page-scroll">
      <Stack gap="md" maw={1200}>
        <Breadcrumbs>
          <Anchor component={Link} to="/requirements" size="sm">Requirements</Anchor>
          <Text size="sm">{r.ref || r.id}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="sm">
              <Badge variant="filled" color="dark" radius="sm" size="lg" tt="none">{r.ref}</Badge>
              <StatusBadge status={r.status} label={labelOf(o?.statuses, r.status)} />
              {!r.applicable && <Badge color="gray" variant="outline">Not applicable</Badge>}
            </Group>
            <Title order={2}>{r.title}</Title>
            <Text size="xs" c="dimmed">
              Version {r.version} · created {formatDateTime(r.createdAt)} · updated {formatDateTime(r.updatedAt)}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button leftSection={<IconPencil size={16} />} variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button leftSection={<IconTrash size={16} />} color="red" variant="light" onClick={confirmDelete} loading={del.isPending}>
              Delete
            </Button>
          </Group>
        </Group>
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <Paper withBorder p="md" radius="md">
                <Stack gap="md">
                  <Field label="Text">{r.text}</Field>
                  <SimpleGrid cols={3} spacing="md" verticalSpacing="md">
                    <Field label="Source type">{labelOf(o?.sources, r.sourceType)}</Field>
                    <Field label="Source">{r.source}</Field>
                    <Field label="Owner">{r.ownerId ? labelOf(o?.people, r.ownerId) : ''}</Field>
                    <Field label="Applicable">{r.applicable ? 'Yes' : 'No'}</Field>
                    <Field label="Status">{labelOf(o?.statuses, r.status)}</Field>
                    <Field label="Due date">{formatDate(r.dueDate)}</Field>
                  </SimpleGrid>
                  <Field label="Evidence">{r.evidence}</Field>
                  <Field label="Notes">{r.notes}</Field>
                </Stack>
              </Paper>
              <EvidencePanel targetKind="requirement" targetId={r.id} />
              <Paper withBorder p="md" radius="md">
                <Title order={4} mb="sm">History</Title>
                <HistoryList history={history} resolve={resolve} />
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <Paper withBorder p="md" radius="md">
                <Title order={4} mb="sm">Links</Title>
                <LinkList links={links} empty="Not linked to any control or policy yet: this requirement has no coverage." />
              </Paper>
              <Paper withBorder p="md" radius="md">
                <Title order={4} mb="sm">Linked from</Title>
                <LinkList links={backlinks} empty="No other record links to this requirement." />
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
        <TracePanel kind="requirement" id={r.id} />
      </Stack>
      <RequirementForm
        opened={editing}
        onClose={() => setEditing(false)}
        requirement={r}
        onReload={async () => (await detail.refetch()).data?.requirement}
        onSaved={() => setEditing(false)}
      />
    </div>
  );
}
