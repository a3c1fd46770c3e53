import { Badge } from '@mantine/core';
import { formatStatus, statusColour } from '../lib/format';

/** StatusBadge shows an enum status in words with its red/amber/green colour. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  if (!status) return null;
  return (
    <Badge color={statusColour(status)} variant="light" radius="sm" tt="none" fw={600}>
      {label ?? formatStatus(status)}
    </Badge>
  );
}
