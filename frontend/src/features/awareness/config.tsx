// Awareness and communication (7.3, 7.4): campaigns by channel, audience and period, the
// communication log (what, when, to whom, how, by whom and how many distinct people of its
// audience it reached), and the policy acknowledgements as part of awareness.
import { Link } from 'react-router';
import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { api, type Campaign, type Communication } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type PanelProps } from '../../components/record/kit';
import { useAreaList } from '../../components/record/queries';
import { formatDate } from '../../lib/format';
import { AcknowledgementsView } from './AcknowledgementsView';
import { overrun, period, reachLabel, reachShare } from './awareness';

/** CampaignLog lists the communications logged for a campaign, with their reach. */
function CampaignLog({ record: c, lookups: l }: PanelProps<Campaign>) {
  const all = useAreaList('communications', api.communications);
  const mine = (all.data ?? []).filter((m) => m.campaignId === c.id).sort((a, b) => a.date.localeCompare(b.date));

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">Communications</Title>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {all.isPending ? 'Loading…' : 'Nothing logged for this campaign yet. Log each e-mail, poster or meeting under Communication log, with this campaign.'}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="campaign-reach">
            {mine.length} logged{c.reached ? `, reaching ${reachLabel(c.reached, c.audienceCount)} distinct people of the audience` : ''}.
          </Text>
          <Table fz="sm" verticalSpacing={4} aria-label="Communications of the campaign">
            <Table.Thead>
              <Table.Tr><Table.Th w={100}>When</Table.Th><Table.Th>What</Table.Th><Table.Th w={120}>How</Table.Th><Table.Th w={150}>By whom</Table.Th><Table.Th w={140} ta="right">Reach</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatDate(m.date)}</Table.Td>
                  <Table.Td><Anchor component={Link} to={recordPath('communication', m.id)} size="sm">{m.subject}</Anchor></Table.Td>
                  <Table.Td>{l.enumLabel('channels', m.channel)}</Table.Td>
                  <Table.Td>{l.person(m.ownerId)}</Table.Td>
                  <Table.Td ta="right">{reachLabel(m.reach, m.audienceSize)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}

export const campaignArea: AreaConfig<Campaign> = {
  kind: 'campaign',
  plural: 'campaigns',
  title: 'Awareness campaigns',
  noun: 'campaign',
  about: 'Awareness campaigns: what they tell people, through which channels, to whom and when. Log each message sent under Communication log.',
  clause: '7.3',
  service: api.campaigns,
  blank: () => ({
    ...unsaved, ref: '', title: '', description: '', channels: [], audience: '', roleIds: [], audienceSize: 0, startDate: today(), endDate: '',
    status: 'planned', ownerId: '', reached: 0, communications: 0, audienceCount: 0,
  }),
  refOf: (c) => c.ref,
  titleOf: (c) => c.title,
  status: (c) => ({ value: c.status, enum: 'campaignStatuses' }),
  defaultSort: { id: 'period', desc: true },
  columns: [
    col.ref((c) => c.ref),
    col.text('title', 'Campaign', (c) => c.title, 'minmax(200px, 3fr)'),
    { id: 'channels', header: 'Channels', width: 'minmax(130px, 1.5fr)', value: (c, l) => c.channels.map((ch) => l.enumLabel('channels', ch)).join(', ') },
    { id: 'audience', header: 'Audience', width: 'minmax(120px, 1.5fr)',
      value: (c, l) => c.audience || c.roleIds.map((r) => l.record(r)).join(', ') },
    { id: 'period', header: 'Period', width: '190px', value: (c) => `${c.startDate} ${c.endDate}`,
      render: (c) => (
        <Text size="sm" c={overrun(c, today()) ? 'red' : undefined} title={overrun(c, today()) ? 'Past its last day and not completed' : undefined}>
          {period(c.startDate, c.endDate)}
        </Text>
      ) },
    { id: 'reach', header: 'Reach', width: '130px', value: (c) => reachShare(c.reached, c.audienceCount),
      render: (c) => <Text size="sm" title="Distinct people its communications reached, of its audience">{reachLabel(c.reached, c.audienceCount)}</Text> },
    col.person('owner', 'Owner', (c) => c.ownerId),
    col.status('status', 'Status', 'campaignStatuses', (c) => c.status, '110px'),
  ],
  filters: [
    { label: 'Status', enum: 'campaignStatuses', value: (c) => c.status },
    { label: 'Channel', enum: 'channels', value: (c) => c.channels },
  ],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 3, placeholder: 'e.g. AW-01' },
    { name: 'title', label: 'Campaign', type: 'text', span: 9, placeholder: 'e.g. Phishing awareness month' },
    { name: 'channels', label: 'Channels', type: 'enums', enum: 'channels' },
    { name: 'audience', label: 'Audience', type: 'text', span: 6, placeholder: 'e.g. All staff' },
    { name: 'roleIds', label: 'Audience roles', type: 'records', kind: 'role', span: 6, description: 'Optional' },
    { name: 'audienceSize', label: 'Audience size (people)', type: 'number', span: 4, min: 0,
      description: '0: counted when saved from the active people in the audience roles, or all active staff' },
    { name: 'startDate', label: 'First day', type: 'date', span: 4 },
    { name: 'endDate', label: 'Last day', type: 'date', span: 4 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'campaignStatuses', span: 4 },
    { name: 'ownerId', label: 'Run by', type: 'person', span: 6 },
    { name: 'description', label: 'Messages and goals', type: 'textarea' },
  ],
  panels: [CampaignLog],
  views: [{ id: 'acknowledgements', label: 'Policy acknowledgements', component: AcknowledgementsView }],
};

export const communicationArea: AreaConfig<Communication> = {
  kind: 'communication',
  plural: 'communications',
  title: 'Communication log',
  noun: 'communication',
  about: 'What was communicated about the ISMS, when, to whom, how, by whom and how many distinct people of its audience it reached.',
  clause: '7.4',
  service: api.communications,
  blank: () => ({
    ...unsaved, subject: '', date: today(), audience: '', roleIds: [], audienceSize: 0, channel: 'email', recipientIds: [], reach: 0,
    ownerId: '', campaignId: '', notes: '',
  }),
  refOf: () => '',
  titleOf: (c) => c.subject,
  defaultSort: { id: 'date', desc: true },
  columns: [
    col.date('date', 'When', (c) => c.date),
    col.text('subject', 'What', (c) => c.subject, 'minmax(200px, 3fr)'),
    col.text('audience', 'To whom', (c) => c.audience, 'minmax(120px, 1.5fr)'),
    col.label('channel', 'How', 'channels', (c) => c.channel, '110px'),
    col.person('owner', 'By whom', (c) => c.ownerId),
    { id: 'reach', header: 'Reach', width: '130px', value: (c) => reachShare(c.reach, c.audienceSize),
      render: (c) => <Text size="sm">{reachLabel(c.reach, c.audienceSize)}</Text> },
    { id: 'campaign', header: 'Campaign', width: 'minmax(120px, 1.5fr)', value: (c, l) => (c.campaignId ? l.record(c.campaignId) : '') },
  ],
  filters: [{ label: 'Channel', enum: 'channels', value: (c) => c.channel }],
  fields: [
    { name: 'subject', label: 'What was communicated', type: 'text' },
    { name: 'date', label: 'When', type: 'date', span: 4 },
    { name: 'channel', label: 'How', type: 'enum', enum: 'channels', span: 4 },
    { name: 'ownerId', label: 'By whom', type: 'person', span: 4 },
    { name: 'audience', label: 'To whom', type: 'text', span: 6, placeholder: 'e.g. All staff, the board, customers' },
    { name: 'roleIds', label: 'Audience roles', type: 'records', kind: 'role', span: 6, description: 'Optional: their active members are the audience' },
    { name: 'campaignId', label: 'Part of the campaign', type: 'record', kind: 'campaign', span: 8, description: 'Optional' },
    { name: 'audienceSize', label: 'Audience size (people)', type: 'number', span: 4, min: 0,
      description: '0: counted when saved from the roles, the campaign’s audience or all active staff' },
    { name: 'recipientIds', label: 'People reached, by name', type: 'people', span: 8,
      description: 'Optional, e.g. a meeting’s attendees: each counts once, and the reach is their number' },
    { name: 'reach', label: 'Reach (distinct people)', type: 'number', span: 4, min: 0, when: (c) => c.recipientIds.length === 0,
      description: '0 when not known; at most the audience size' },
    { name: 'notes', label: 'Notes', type: 'textarea' },
  ],
};
