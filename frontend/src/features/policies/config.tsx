// Policies and procedures (5.2, 7.5): versions through the approval workflow, starter
// templates, acknowledgements and the review schedule.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, Modal, NumberInput, Paper, Radio, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { api, type Policy } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type TopProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { PersonPicker } from '../../components/record/pickers';
import { optionsOf, useAreaMutation, useEnums } from '../../components/record/queries';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { CurrentVersionPanel, VersionsPanel } from './PolicyPanels';


const effective = (p: Policy) => [...p.versions].reverse().find((v) => v.status === 'published');
const reviewOverdue = (p: Policy) => p.status !== 'retired' && !!p.nextReviewDate && p.nextReviewDate < today();

/** NewPolicy creates a policy from a starter template or from a blank page. */
function NewPolicy({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (p: Policy) => void }) {
  const enums = useEnums();
  const templates = useQuery({ queryKey: ['area', 'policies', 'templates'], queryFn: api.policies.templates, staleTime: Infinity });
  const [from, setFrom] = useState('blank');
  const [ref, setRef] = useState('');
  const [title, setTitle] = useState('');
  const [docType, setDocType] = useState<string | null>('policy');
  const [ownerId, setOwner] = useState('');
  const [approverId, setApprover] = useState('');
  const [cycle, setCycle] = useState<number>(12);
  const create = useAreaMutation(() =>
    from === 'blank'
      ? api.policies.createWithText(
          { ...unsaved, ref, title, docType: docType ?? 'policy', status: 'draft', ownerId, approverId, reviewCycleMonths: cycle, lastReviewed: '', nextReviewDate: '', versions: [], controlIds: [], reviews: [] },
          '',
        )
      : api.policies.fromTemplate(from, ownerId, approverId),
  );
  const t = templates.data?.find((x) => x.id === from);
  return (
    <Modal opened={opened} onClose={onClose} title="New policy" size="xl" closeOnClickOutside={false}>
      <form aria-label="New policy" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined, { onSuccess: onCreated }); }}>
        <Stack gap="sm">
          <Radio.Group label="Start from" value={from} onChange={setFrom}>
            <ScrollArea h={190} mt={4} type="auto">
              <Stack gap={6}>
                <Radio value="blank" label="A blank document" />
                {(templates.data ?? []).map((x) => (
                  <Radio key={x.id} value={x.id} label={`${x.ref} ${x.title}`} description={`${x.summary} Supports ${x.controlRefs.join(', ')}.`} />
                ))}
              </Stack>
            </ScrollArea>
          </Radio.Group>
          {from === 'blank' ? (
            <Group grow align="flex-start">
              <TextInput label="Reference" placeholder="e.g. POL-11" value={ref} onChange={(e) => setRef(e.currentTarget.value)} />
              <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 2 }} />
              <Select label="Type" data={optionsOf(enums.data, 'docTypes')} value={docType} onChange={setDocType} allowDeselect={false} />
              <NumberInput label="Review every (months)" min={1} max={60} value={cycle} onChange={(v) => setCycle(Number(v) || 12)} />
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t ? `${t.ref} ${t.title}: the text is a starting point written for a small organisation; edit it before you submit it. It is linked to the Annex A controls it supports.` : ''}
            </Text>
          )}
          <Group grow>
            <PersonPicker label="Owner (writes the versions)" value={ownerId} onChange={setOwner} />
            <PersonPicker label="Approver" description="Usually senior management; not the owner" value={approverId} onChange={setApprover} />
          </Group>
          <PanelError error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create policy</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** ReviewSchedule lists the policies by their next review date. */
function ReviewSchedule({ rows, lookups: l }: TopProps<Policy>) {
  const sorted = [...rows].filter((p) => p.status !== 'retired').sort((a, b) => (a.nextReviewDate || '9999').localeCompare(b.nextReviewDate || '9999'));
  const soon = (p: Policy) => {
    if (!p.nextReviewDate) return false;
    const d = new Date(p.nextReviewDate);
    return d.getTime() - Date.now() < 60 * 86400_000;
  };
  return (
    <Paper withBorder radius="md">
      <Table fz="sm" verticalSpacing={5} aria-label="Policy review schedule" stickyHeader>
        <Table.Thead>
          <Table.Tr><Table.Th>Policy</Table.Th><Table.Th w={140}>Owner</Table.Th><Table.Th w={110}>Last review</Table.Th><Table.Th w={190}>Outcome</Table.Th><Table.Th w={110}>Next review</Table.Th><Table.Th w={140}>Due</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((p) => {
            const last = p.reviews[p.reviews.length - 1];
            return (
              <Table.Tr key={p.id}>
                <Table.Td><Anchor component={Link} to={`/records/policies/${encodeURIComponent(p.id)}`} size="sm">{p.ref} {p.title}</Anchor></Table.Td>
                <Table.Td>{l.person(p.ownerId)}</Table.Td>
                <Table.Td>{formatDate(p.lastReviewed)}</Table.Td>
                <Table.Td>{last ? l.enumLabel('reviewOutcomes', last.outcome) : ''}</Table.Td>
                <Table.Td>{formatDate(p.nextReviewDate)}</Table.Td>
                <Table.Td>
                  {!p.nextReviewDate ? <Text size="xs" c="dimmed">No date</Text> : reviewOverdue(p) ? <Badge color="red" variant="light" tt="none">Overdue</Badge> : soon(p) ? <Badge color="yellow" variant="light" tt="none">Due soon</Badge> : <Badge color="green" variant="light" tt="none">On schedule</Badge>}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export const policyArea: AreaConfig<Policy> = {
  kind: 'policy',
  plural: 'policies',
  title: 'Policies',
  noun: 'policy',
  about: 'Policies and procedures with their versions: written, sent for approval, approved or rejected with a comment, published, acknowledged and reviewed on schedule. An approved version is locked.',
  clause: '5.2, 7.5',
  service: api.policies,
  blank: () => ({
    ...unsaved, ref: '', title: '', docType: 'policy', status: 'draft', ownerId: '', approverId: '', reviewCycleMonths: 12,
    lastReviewed: '', nextReviewDate: '', versions: [], controlIds: [], reviews: [],
  }),
  refOf: (p) => p.ref,
  titleOf: (p) => p.title,
  status: (p) => ({ value: p.status, enum: 'policyStatuses' }),
  createWith: NewPolicy,
  undeletable: (p) => (p.versions.some((v) => v.approvals.some((a) => a.decision === 'approved')) ? 'A policy with an approved version is kept as a record: retire it instead.' : null),
  columns: [
    col.ref((p) => p.ref),
    col.text('title', 'Title', (p) => p.title, 'minmax(180px, 3fr)'),
    col.label('docType', 'Type', 'docTypes', (p) => p.docType, '96px'),
    { id: 'version', header: 'Version', width: '150px', value: (p) => p.versions[p.versions.length - 1]?.number ?? '',
      render: (p, l) => {
        const cur = p.versions[p.versions.length - 1];
        return cur ? <Group gap={4} wrap="nowrap"><Text size="sm">{cur.number}</Text><StatusBadge status={cur.status} label={l.enumLabel('policyStatuses', cur.status)} /></Group> : null;
      } },
    { id: 'effective', header: 'In force', width: '76px', value: (p) => effective(p)?.number ?? '' },
    col.person('owner', 'Owner', (p) => p.ownerId),
    col.person('approver', 'Approver', (p) => p.approverId),
    col.date('nextReview', 'Next review', (p) => p.nextReviewDate, reviewOverdue, '100px'),
  ],
  filters: [{ label: 'Status', enum: 'policyStatuses', value: (p) => p.status }, { label: 'Type', enum: 'docTypes', value: (p) => p.docType }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4 },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    { name: 'docType', label: 'Type', type: 'enum', enum: 'docTypes', span: 4 },
    { name: 'reviewCycleMonths', label: 'Review every (months)', type: 'number', span: 4, min: 1, max: 60 },
    { name: 'nextReviewDate', label: 'Next review', type: 'date', span: 4 },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    { name: 'approverId', label: 'Approver', type: 'person', span: 6 },
    { name: 'controlIds', label: 'Controls it implements', type: 'records', kind: 'control' },
    { name: 'lastReviewed', label: 'Last reviewed', type: 'date', form: false },
  ],
  panels: [CurrentVersionPanel, VersionsPanel],
  views: [{ id: 'schedule', label: 'Review schedule', component: ReviewSchedule }],
};
