// The evidence register: every file and link attached to a record, with what it supports,
// who added it and when it expires. Evidence is attached from the record it supports.
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';
import { ApiError, normaliseError, type Crud } from '../../lib/api';
import { evidenceApi, type Evidence } from '../../lib/api/evidence';
import { recordPath } from '../../lib/areas';
import { col, today } from '../../components/record/columns';
import { expiry } from '../../components/record/EvidencePanel';
import { unsaved, type AreaConfig, type PanelProps } from '../../components/record/kit';

/** Evidence is created on the record it supports, so the register only reads, edits and deletes. */
const service: Crud<Evidence> = {
  list: evidenceApi.all,
  get: evidenceApi.get,
  create: () => Promise.reject(new ApiError('invalid', 'Attach evidence from the record it supports.')),
  update: evidenceApi.update,
  remove: evidenceApi.remove,
};

function ExpiryBadge({ e }: { e: Evidence }) {
  const x = expiry(e.expiresOn);
  if (x === 'expired') return <Badge color="red" variant="light" tt="none">Expired</Badge>;
  if (x === 'soon') return <Badge color="orange" variant="light" tt="none">Expires soon</Badge>;
  return null;
}

/** OpenPanel opens or saves the evidence and goes to the record it supports. */
function OpenPanel({ record: e, lookups: l }: PanelProps<Evidence>) {
  const run = (p: Promise<unknown>, done: string) =>
    p.then(() => notifications.show({ color: 'green', title: done, message: e.title })).catch((err) =>
      notifications.show({ color: 'red', title: 'Not done', message: normaliseError(err).message }),
    );
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between">
        <Text size="sm">
          {e.sha256 ? `File ${e.fileName}` : `Link ${e.url}`} ·{' '}
          <Anchor component={Link} to={recordPath(e.targetKind, e.targetId)} size="sm">
            open the {l.enumLabel('evidenceTargets', e.targetKind).toLowerCase()} it supports
          </Anchor>
        </Text>
        <Group gap="xs">
          <ExpiryBadge e={e} />
          <Button size="xs" variant="light" leftSection={<IconExternalLink size={14} />} onClick={() => void run(evidenceApi.open(e.id), 'Opened')}>Open</Button>
          {e.sha256 && (
            <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => void run(evidenceApi.saveCopy(e.id), 'Copy saved')}>Save a copy</Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

export const evidenceArea: AreaConfig<Evidence> = {
  kind: 'evidence',
  plural: 'evidence',
  title: 'Evidence',
  noun: 'evidence',
  about: 'Files and links attached to requirements, controls, risks, policies, audits, nonconformities and reviews, with who added them and when they expire. Attach them from the record they support.',
  clause: '7.5',
  service,
  creatable: false,
  blank: () => ({
    ...unsaved, title: '', targetKind: 'requirement', targetId: '', fileName: '', sha256: '', size: 0, mediaType: '', url: '',
    addedById: '', addedOn: today(), expiresOn: '', notes: '',
  }),
  refOf: () => '',
  titleOf: (e) => e.title,
  defaultSort: { id: 'added', desc: true },
  columns: [
    col.text('title', 'Evidence', (e) => e.title, 'minmax(180px, 2.5fr)'),
    { id: 'supports', header: 'Supports', width: 'minmax(150px, 1.5fr)', value: (e, l) => `${l.enumLabel('evidenceTargets', e.targetKind)}`,
      render: (e, l) => (
        <Anchor component={Link} to={recordPath(e.targetKind, e.targetId)} size="sm" onClick={(ev) => ev.stopPropagation()}>
          {l.enumLabel('evidenceTargets', e.targetKind)}
        </Anchor>
      ) },
    col.dim('what', 'File or link', (e) => (e.sha256 ? e.fileName : e.url), 'minmax(140px, 2fr)'),
    col.person('addedBy', 'Added by', (e) => e.addedById),
    col.date('added', 'Added', (e) => e.addedOn),
    col.date('expires', 'Expires', (e) => e.expiresOn, (e) => expiry(e.expiresOn) === 'expired'),
  ],
  fields: [
    { name: 'title', label: 'Title', type: 'text' },
    { name: 'expiresOn', label: 'Expires on', type: 'date', span: 6 },
    { name: 'addedOn', label: 'Added on', type: 'date', span: 6, form: false },
    { name: 'addedById', label: 'Added by', type: 'person', form: false },
    { name: 'notes', label: 'Notes', type: 'textarea' },
  ],
  panels: [OpenPanel],
};
