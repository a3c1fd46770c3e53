// The evidence of one record (documented information, 7.5): attached files kept in the
// data folder and links to where evidence lives, with their expiry.
import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, TextInput, Textarea, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink, IconFile, IconLink, IconPaperclip, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { normaliseError, type ApiError } from '../../lib/api/errors';
import { evidenceApi, type Evidence } from '../../lib/api/evidence';
import { formatDate } from '../../lib/format';
import { QueryError } from '../QueryError';
import { PersonPicker } from './pickers';
import { usePeople } from './queries';

/** evidenceKey is the query key of one record's evidence. */
export const evidenceKey = (targetKind: string, targetId: string) => ['area', 'evidence', targetKind, targetId] as const;

/** soonDays is how many days before its expiry evidence is shown as expiring soon. */
const soonDays = 30;

/** localDate is a date as YYYY-MM-DD in local time. */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** expiry tells whether evidence has expired (its last valid day is before today) or soon will. */
export function expiry(expiresOn: string, today: Date = new Date()): 'expired' | 'soon' | null {
  const on = formatDate(expiresOn);
  if (!on) return null;
  const t = localDate(today);
  if (on < t) return 'expired';
  const soon = new Date(today);
  soon.setDate(soon.getDate() + soonDays);
  return on <= localDate(soon) ? 'soon' : null;
}

/** humanSize writes a file size for people, e.g. "2.5 MB". */
function humanSize(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** Draft is what the modal is for: attaching a chosen file, adding a link, or editing. */
type Draft = { mode: 'file'; path: string } | { mode: 'link' } | { mode: 'edit'; evidence: Evidence };

interface Values {
  url: string;
  title: string;
  addedById: string;
  expiresOn: string;
  notes: string;
}

/** labels name the fields in Go's field messages ("Title is required"). */
const labels = { url: 'Address', title: 'Title', addedById: 'Added by', expiresOn: 'Expires on', notes: 'Notes' } as const;

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** EvidencePanel lists, attaches, opens, exports and deletes the evidence of one record. */
export function EvidencePanel({ targetKind, targetId }: { targetKind: string; targetId: string }) {
  const qc = useQueryClient();
  const key = evidenceKey(targetKind, targetId);
  const list = useQuery({ queryKey: key, queryFn: () => evidenceApi.list(targetKind, targetId), enabled: targetId !== '' });
  const people = usePeople();
  const names = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.active ? p.name : `${p.name} (left)`])), [people.data]);
  const [draft, setDraft] = useState<Draft | null>(null);

  const refresh = () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['area'] }), qc.invalidateQueries({ queryKey: ['records'] })]);
  const failed = (title: string) => (err: unknown) =>
    notifications.show({ color: 'red', title, message: normaliseError(err).message, autoClose: 10_000 });

  const choose = useMutation({
    mutationFn: evidenceApi.chooseFile,
    onSuccess: (path) => {
      if (path) setDraft({ mode: 'file', path });
    },
    onError: failed('Could not choose a file'),
  });
  const open = useMutation({ mutationFn: evidenceApi.open, onError: failed('Could not open the evidence') });
  const save = useMutation({
    mutationFn: evidenceApi.saveCopy,
    onSuccess: (path) => {
      if (path) notifications.show({ color: 'green', title: 'Copy saved', message: path });
    },
    onError: failed('No copy saved'),
  });
  const del = useMutation({
    mutationFn: (e: Evidence) => evidenceApi.remove(e.id, e.version),
    onSuccess: (_, e) => {
      notifications.show({ color: 'green', title: 'Evidence deleted', message: e.title });
      return refresh();
    },
    onError: (err) => {
      failed('Not deleted')(err);
      void refresh();
    },
  });

  const confirmDelete = (e: Evidence) =>
    modals.openConfirmModal({
      title: 'Delete evidence',
      children: (
        <Text size="sm">
          Delete <b>{e.title}</b>?{' '}
          {e.sha256 ? 'The stored copy of the file is removed too unless other evidence uses it.' : 'Only the link is removed, not what it points to.'}
        </Text>
      ),
      labels: { confirm: 'Delete evidence', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => del.mutate(e),
    });

  const rows = list.data ?? [];
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs">
          <Title order={4}>Evidence</Title>
          {rows.length > 0 && (
            <Badge variant="light" color="gray" size="sm">
              {rows.length}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={choose.isPending} onClick={() => choose.mutate()}>
            Attach file
          </Button>
          <Button size="xs" variant="default" leftSection={<IconLink size={14} />} onClick={() => setDraft({ mode: 'link' })}>
            Add link
          </Button>
        </Group>
      </Group>
      {list.isPending && targetId !== '' ? (
        <Loader size="sm" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No evidence yet. Attach a file (PDF, image, spreadsheet, document) or add a link to where the evidence lives.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing={4} fz="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={160}>Title</Table.Th>
                <Table.Th>File or link</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th w={1}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => {
                const ex = expiry(e.expiresOn);
                const by = e.addedById ? (names.get(e.addedById) ?? 'Unknown person') : '';
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ wordBreak: 'break-word' }}>
                      {e.title}
                      {e.notes && (
                        <Text size="xs" c="dimmed" lineClamp={2} title={e.notes}>
                          {e.notes}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Group gap={6} wrap="nowrap">
                        {e.sha256 ? <IconFile size={14} aria-label="File" /> : <IconLink size={14} aria-label="Link" />}
                        <Text size="sm" truncate title={e.sha256 ? e.fileName : e.url}>
                          {e.sha256 ? e.fileName : e.url}
                        </Text>
                        {e.sha256 && (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {humanSize(e.size)}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(e.addedOn)}
                      {by && (
                        <Text size="xs" c="dimmed">
                          by {by}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(e.expiresOn) || <Text span size="sm" c="dimmed">Does not expire</Text>}
                      {ex === 'expired' && (
                        <Badge color="red" size="xs" ml={6}>
                          Expired
                        </Badge>
                      )}
                      {ex === 'soon' && (
                        <Badge color="orange" size="xs" ml={6}>
                          Expires soon
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label="Open">
                          <ActionIcon variant="subtle" aria-label={`Open ${e.title}`} onClick={() => open.mutate(e.id)} loading={open.isPending && open.variables === e.id}>
                            <IconExternalLink size={16} />
                          </ActionIcon>
                        </Tooltip>
                        {e.sha256 && (
                          <Tooltip label="Save a copy">
                            <ActionIcon variant="subtle" aria-label={`Save a copy of ${e.title}`} onClick={() => save.mutate(e.id)} loading={save.isPending && save.variables === e.id}>
                              <IconDownload size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        <Tooltip label="Edit">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${e.title}`} onClick={() => setDraft({ mode: 'edit', evidence: e })}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Delete">
                          <ActionIcon variant="subtle" color="red" aria-label={`Delete ${e.title}`} onClick={() => confirmDelete(e)} loading={del.isPending && del.variables?.id === e.id}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {draft && (
        <EvidenceModal
          key={draft.mode === 'edit' ? draft.evidence.id : draft.mode}
          draft={draft}
          targetKind={targetKind}
          targetId={targetId}
          onClose={() => setDraft(null)}
          onDone={(e, verb) => {
            setDraft(null);
            notifications.show({ color: 'green', title: `Evidence ${verb}`, message: e.title });
            void refresh();
          }}
        />
      )}
    </Paper>
  );
}

/** EvidenceModal confirms the details of a file to attach or a link to add, or edits them. */
function EvidenceModal({
  draft,
  targetKind,
  targetId,
  onClose,
  onDone,
}: {
  draft: Draft;
  targetKind: string;
  targetId: string;
  onClose: () => void;
  onDone: (e: Evidence, verb: 'attached' | 'added' | 'saved') => void;
}) {
  const initial: Values =
    draft.mode === 'edit'
      ? { url: draft.evidence.url, title: draft.evidence.title, addedById: draft.evidence.addedById, expiresOn: formatDate(draft.evidence.expiresOn), notes: draft.evidence.notes }
      : { url: '', title: '', addedById: '', expiresOn: '', notes: '' };
  const [v, setV] = useState<Values>(initial);
  const set = (k: keyof Values) => (value: string) => setV((old) => ({ ...old, [k]: value }));

  const submit = useMutation({
    mutationFn: (x: Values): Promise<Evidence> => {
      switch (draft.mode) {
        case 'file':
          return evidenceApi.attachFile(targetKind, targetId, draft.path, x.title, x.addedById, x.expiresOn);
        case 'link':
          return evidenceApi.addLink(targetKind, targetId, x.url, x.title, x.addedById, x.expiresOn);
        case 'edit':
          return evidenceApi.update({ ...draft.evidence, title: x.title, expiresOn: x.expiresOn, notes: x.notes });
      }
    },
    onSuccess: (e) => onDone(e, draft.mode === 'file' ? 'attached' : draft.mode === 'link' ? 'added' : 'saved'),
  });
  const err: ApiError | null = submit.error ? normaliseError(submit.error) : null;
  const fieldErr = (name: keyof typeof labels) => {
    const m = err?.fields[name];
    return m ? `${labels[name]} ${m.replace('addedOn', 'the day it was added')}` : undefined;
  };
  const unshown = err && !Object.keys(labels).some((f) => err.fields[f]);

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    submit.mutate(v);
  };
  const heading = draft.mode === 'file' ? 'Attach a file' : draft.mode === 'link' ? 'Add a link' : 'Edit evidence';
  const placeholder =
    draft.mode === 'file' ? fileName(draft.path) : draft.mode === 'link' ? 'Defaults to the last part of the address' : undefined;

  return (
    <Modal opened onClose={onClose} title={heading} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {draft.mode === 'file' && (
            <Group gap={6} wrap="nowrap">
              <IconFile size={16} />
              <Text size="sm" truncate title={draft.path}>
                {draft.path}
              </Text>
            </Group>
          )}
          {draft.mode === 'link' && (
            <TextInput
              label="Address or file path"
              description="An https:// address (intranet, SharePoint, ticket) or a path such as \\server\share\report.pdf"
              required
              data-autofocus
              value={v.url}
              onChange={(e) => set('url')(e.currentTarget.value)}
              error={fieldErr('url')}
            />
          )}
          <TextInput
            label="Title"
            description="What the evidence shows"
            placeholder={placeholder}
            value={v.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={fieldErr('title')}
            data-autofocus={draft.mode !== 'link' ? true : undefined}
          />
          {draft.mode !== 'edit' && <PersonPicker label="Added by" value={v.addedById} onChange={set('addedById')} error={fieldErr('addedById')} />}
          <TextInput
            type="date"
            label="Expires on"
            description="The last day it is valid; leave empty when it does not expire"
            value={v.expiresOn}
            onChange={(e) => set('expiresOn')(e.currentTarget.value)}
            error={fieldErr('expiresOn')}
          />
          {draft.mode === 'edit' && <Textarea label="Notes" autosize minRows={2} maxRows={5} value={v.notes} onChange={(e) => set('notes')(e.currentTarget.value)} error={fieldErr('notes')} />}
          {unshown && (
            <Alert color="red" title={draft.mode === 'file' ? 'Not attached' : draft.mode === 'link' ? 'Not added' : 'Not saved'}>
              {err.code === 'conflict' && draft.mode === 'edit' ? 'The evidence changed since you opened it: close this and try again.' : err.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={submit.isPending}>
              {draft.mode === 'file' ? 'Attach' : draft.mode === 'link' ? 'Add link' : 'Save'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
