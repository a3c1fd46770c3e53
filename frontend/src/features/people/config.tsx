// People and roles (5.3): people with their roles, the roles' responsibilities, the
// responsibility matrix, and what each person owns or approves.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { api, type Person, type Role } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { linkLabel } from '../../components/Links';
import { col } from '../../components/record/columns';
import { unsaved, type AreaConfig, type PanelProps, type TopProps } from '../../components/record/kit';
import { optionsOf, useAreaList, useEnums } from '../../components/record/queries';
import { fieldLabel } from '../../lib/format';


/** ResponsibilitiesPanel lists what a person owns, approves or is named in. */
function ResponsibilitiesPanel({ record: p }: PanelProps<Person>) {
  const q = useQuery({ queryKey: ['area', 'people', 'responsibilities', p.id], queryFn: () => api.people.responsibilities(p.id) });
  const items = q.data ?? [];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">Responsibilities</Title>
      {!p.active && <Text size="sm" c="orange" mb="xs">{p.name} has left: they are no longer offered as an owner. Give their records to someone else.</Text>}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">{q.isPending ? 'Loading…' : `${p.name} owns or approves nothing yet.`}</Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead><Table.Tr><Table.Th w={170}>Kind</Table.Th><Table.Th>Record</Table.Th><Table.Th w={200}>As</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {items.map((x) => (
              <Table.Tr key={`${x.kind}:${x.id}:${x.field}`}>
                <Table.Td>{x.kindLabel}</Table.Td>
                <Table.Td><Anchor component={Link} to={recordPath(x.kind, x.id)} size="sm">{linkLabel(x)}</Anchor></Table.Td>
                <Table.Td>{asWhat(x.field)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function asWhat(field: string): string {
  const known: Record<string, string> = {
    ownerId: 'Owner', approverId: 'Approver', 'versions.authorId': 'Author', 'versions.approvals.approverId': 'Approved or rejected',
    'acceptance.acceptedById': 'Accepted the risk', approvedById: 'Approved', 'reviews.reviewerId': 'Reviewer', custodianId: 'Custodian',
    addedById: 'Added evidence', 'tasks.ownerId': 'Task owner', auditorId: 'Auditor',
  };
  return known[field] ?? fieldLabel(field.split('.').pop() ?? field);
}

export const personArea: AreaConfig<Person> = {
  kind: 'person',
  plural: 'people',
  title: 'People',
  noun: 'person',
  about: 'The people who own, approve, attend and audit. Someone who has left is marked as such: kept in the history, no longer offered as an owner.',
  clause: '5.3',
  service: api.people,
  importKind: 'people',
  blank: () => ({ ...unsaved, name: '', email: '', department: '', jobTitle: '', roleIds: [], active: true }),
  refOf: () => '',
  titleOf: (p) => p.name,
  status: (p) => ({ value: p.active ? 'active' : 'inactive', enum: '' }),
  defaultSort: { id: 'name', desc: false },
  columns: [
    col.text('name', 'Name', (p) => p.name, 'minmax(150px, 1.5fr)'),
    col.dim('email', 'E-mail', (p) => p.email, 'minmax(150px, 1.5fr)'),
    col.text('department', 'Department', (p) => p.department, 'minmax(100px, 1fr)'),
    col.text('jobTitle', 'Job title', (p) => p.jobTitle, 'minmax(100px, 1fr)'),
    { id: 'roles', header: 'Roles', width: 'minmax(140px, 2fr)', value: (p, l) => p.roleIds.map((r) => l.record(r)).join(', ') },
    { id: 'active', header: 'Status', width: '90px', value: (p) => (p.active ? 'Active' : 'Left'),
      render: (p) => <Badge variant="light" color={p.active ? 'green' : 'gray'} tt="none">{p.active ? 'Active' : 'Left'}</Badge> },
  ],
  fields: [
    { name: 'name', label: 'Name', type: 'text', span: 6 },
    { name: 'email', label: 'E-mail', type: 'text', span: 6 },
    { name: 'department', label: 'Department', type: 'text', span: 6 },
    { name: 'jobTitle', label: 'Job title', type: 'text', span: 6 },
    { name: 'roleIds', label: 'ISMS roles', type: 'records', kind: 'role' },
    { name: 'active', label: 'Still with the organisation', type: 'bool', description: 'Turn off when the person leaves' },
  ],
  panels: [ResponsibilitiesPanel],
};

/** MatrixView is the responsibility matrix: roles against ISMS areas, with who holds each role. */
function MatrixView({ rows }: TopProps<Role>) {
  const enums = useEnums();
  const people = useAreaList('people', api.people);
  const areas = optionsOf(enums.data, 'responsibilityAreas');
  return (
    <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
      <Table fz="sm" withColumnBorders stickyHeader aria-label="Responsibility matrix" miw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220}>Role (held by)</Table.Th>
            {areas.map((a) => <Table.Th key={a.value} style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', height: 130, verticalAlign: 'bottom' }}>{a.label}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const holders = (people.data ?? []).filter((p) => p.active && p.roleIds.includes(r.id));
            return (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/records/roles/${encodeURIComponent(r.id)}`} size="sm" fw={600}>{r.name}</Anchor>
                  <Text size="xs" c="dimmed">{holders.length ? holders.map((p) => p.name).join(', ') : 'Nobody holds it yet'}</Text>
                </Table.Td>
                {areas.map((a) => (
                  <Table.Td key={a.value} ta="center" aria-label={`${r.name}: ${a.label}`}>
                    {r.areas.includes(a.value) ? <IconCheck size={16} color="var(--mantine-color-green-7)" aria-label="responsible" /> : ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function HoldersPanel({ record: r }: PanelProps<Role>) {
  const people = useAreaList('people', api.people);
  const holders = (people.data ?? []).filter((p) => p.roleIds.includes(r.id));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">Held by</Title>
      {holders.length === 0 ? (
        <Text size="sm" c="dimmed">Nobody holds this role yet. Assign it on a person's page (Edit, ISMS roles).</Text>
      ) : (
        <Group gap="xs">
          {holders.map((p) => (
            <Badge key={p.id} variant="light" color={p.active ? 'blue' : 'gray'} tt="none" component={Link} to={recordPath('person', p.id)} style={{ cursor: 'pointer' }}>
              {p.name}{p.active ? '' : ' (left)'}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}

export const roleArea: AreaConfig<Role> = {
  kind: 'role',
  plural: 'roles',
  title: 'Roles',
  noun: 'role',
  about: 'ISMS roles with their responsibilities and authorities, and the areas each is responsible for (the responsibility matrix).',
  clause: '5.3',
  service: api.roles,
  blank: () => ({ ...unsaved, name: '', responsibilities: '', standard: false, areas: [] }),
  refOf: () => '',
  titleOf: (r) => r.name,
  defaultSort: { id: 'name', desc: false },
  columns: [
    col.text('name', 'Role', (r) => r.name, 'minmax(160px, 1.2fr)'),
    col.dim('responsibilities', 'Responsibilities', (r) => r.responsibilities, 'minmax(200px, 3fr)'),
    { id: 'areas', header: 'Areas', width: 'minmax(120px, 1.5fr)', value: (r, l) => r.areas.map((a) => l.enumLabel('responsibilityAreas', a)).join(', ') },
    { id: 'standard', header: 'Kind', width: '100px', value: (r) => (r.standard ? 'Standard' : 'Own') },
  ],
  fields: [
    { name: 'name', label: 'Role', type: 'text' },
    { name: 'responsibilities', label: 'Responsibilities and authorities', type: 'textarea' },
    { name: 'areas', label: 'Responsible for', type: 'enums', enum: 'responsibilityAreas' },
  ],
  panels: [HoldersPanel],
  views: [{ id: 'matrix', label: 'Responsibility matrix', component: MatrixView }],
};
