import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { dueKeys } from './due';

/** DueBadge counts what is overdue or due within a week, for the navigation; nothing when none is. */
export function DueBadge() {
  const q = useQuery({ queryKey: dueKeys.count, queryFn: api.due.count, refetchInterval: 5 * 60_000 });
  const n = q.data ?? 0;
  if (n === 0) return null;
  return (
    <Badge size="sm" circle={n < 10} color="red" variant="filled" aria-label={`${n} due within a week or overdue`}>
      {n > 99 ? '99+' : n}
    </Badge>
  );
}
