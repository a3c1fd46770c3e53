import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LinkView } from '../lib/api';
import { recordPath } from '../lib/areas';
import { fieldLabel } from '../lib/format';

/** linkLabel names a linked record: a person by name, others by reference and title. */
export function linkLabel(l: Pick<LinkView, 'kind' | 'ref' | 'title' | 'id'>): string {
  if (l.kind === 'person') return l.title || l.ref || l.id;
  if (l.ref && l.title && l.ref !== l.title) return `${l.ref} · ${l.title}`;
  return l.ref || l.title || l.id;
}

/** The link fields whose role a person reads differently from the field's name. */
const roles: Record<string, string> = {
  'versions.authorId': 'author',
  'versions.approvals.approverId': 'approval',
  'reviews.reviewerId': 'reviewer',
  'acceptance.acceptedById': 'accepted the risk',
  'tasks.ownerId': 'task owner',
  approverId: 'approver',
  approvedById: 'approved',
  ownerId: 'owner',
  custodianId: 'custodian',
  addedById: 'added by',
  targetId: 'evidence for',
};

/** linkRole says in words what a link field means: "versions.approvals.approverId" is an approval. */
export function linkRole(field: string): string {
  return roles[field] ?? fieldLabel(field.split('.').pop() ?? field).toLowerCase();
}

/** LinkList shows links to (or from) other records, each opening that record. */
export function LinkList({ links, empty }: { links: LinkView[] | null; empty: string }) {
  const items = links ?? [];
  if (items.length === 0) return <Text c="dimmed" size="sm">{empty}</Text>;
  return (
    <Stack gap={6}>
      {items.map((l) => (
        <Group key={`${l.field}:${l.kind}:${l.id}`} gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="outline" color="gray" size="sm" tt="none" style={{ flexShrink: 0 }}>
            {l.kindLabel}
          </Badge>
          {l.missing ? (
            <Text size="sm" c="red">A deleted record</Text>
          ) : (
            <Anchor component={Link} to={recordPath(l.kind, l.id)} size="sm" lineClamp={2}>
              {linkLabel(l)}
            </Anchor>
          )}
          {linkRole(l.field).toLowerCase() !== l.kindLabel.toLowerCase() && (
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>({linkRole(l.field)})</Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}
