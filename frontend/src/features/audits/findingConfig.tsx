// Audit findings (9.2): the register of findings with their audit, grade, clause or
// control and the nonconformity raised, and on a finding's page "Raise nonconformity",
// which opens the new nonconformity (10.2).
import { useNavigate, Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagon } from '@tabler/icons-react';
import { api, type Finding } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { col } from '../../components/record/columns';
import { unsaved, type AreaConfig, type PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { useAreaMutation } from '../../components/record/queries';
import { RefInput, useTitles } from './AuditPanels';
import { isNCSeverity, refTitle } from './results';

/** followUp says what a finding still needs: its nonconformity raised, or nothing. */
export function followUp(f: Pick<Finding, 'severity' | 'nonconformityId'>): 'raised' | 'to_raise' | 'none' {
  if (f.nonconformityId) return 'raised';
  return isNCSeverity(f.severity) ? 'to_raise' : 'none';
}

/** RaisePanel raises the finding's nonconformity, or links to the one it raised. */
function RaisePanel({ record: f, lookups: l }: PanelProps<Finding>) {
  const navigate = useNavigate();
  const titles = useTitles();
  const raise = useAreaMutation(() => api.findings.raiseNonconformity(f.id, f.version));
  const nc = isNCSeverity(f.severity);
  const at = refTitle(f.clause, titles);
  return (
    <Paper withBorder p="md" radius="md" aria-label="Nonconformity of the finding">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2} maw={720}>
          <Text fw={650}>Nonconformity (10.2)</Text>
          <Text size="sm" c="dimmed">
            {f.nonconformityId
              ? 'This finding raised its nonconformity; it is taken through correction, root cause, corrective actions and an effectiveness review there.'
              : nc
                ? `A ${l.enumLabel('severities', f.severity).toLowerCase()}${f.clause ? ` at ${f.clause}${at ? ` ${at}` : ''}` : ''}: raise its nonconformity to correct it and act on its cause.`
                : `An ${l.enumLabel('severities', f.severity).toLowerCase() || 'observation'} raises no nonconformity; consider it for continual improvement (10.1).`}
          </Text>
          {f.nonconformityId && (
            <Anchor component={Link} to={recordPath('nonconformity', f.nonconformityId)} size="sm" fw={600}>{l.record(f.nonconformityId)}</Anchor>
          )}
        </Stack>
        {!f.nonconformityId && (
          <Tooltip label="Only a minor or major nonconformity raises a nonconformity" disabled={nc} multiline w={240}>
            <Button color="red" variant="light" leftSection={<IconAlertOctagon size={16} />} disabled={!nc} loading={raise.isPending}
              onClick={() => raise.mutate(undefined, {
                onSuccess: (n) => {
                  notifications.show({ color: 'green', title: 'Nonconformity raised', message: `${n.ref} ${n.title}` });
                  navigate(recordPath('nonconformity', n.id));
                },
              })}>
              Raise nonconformity
            </Button>
          </Tooltip>
        )}
      </Group>
      <PanelError error={raise.error} />
    </Paper>
  );
}

export const findingArea: AreaConfig<Finding> = {
  kind: 'finding',
  plural: 'findings',
  title: 'Audit findings',
  noun: 'audit finding',
  about: 'The findings of the internal audits (9.2), graded observation, opportunity for improvement, minor or major nonconformity. A minor or major finding raises a nonconformity, which is then corrected through 10.2.',
  clause: '9.2',
  service: api.findings,
  blank: () => ({ ...unsaved, auditId: '', ref: '', title: '', description: '', severity: 'minor', clause: '', nonconformityId: '' }),
  refOf: (f) => f.ref,
  titleOf: (f) => f.title,
  status: (f) => ({ value: f.severity, enum: 'severities' }),
  undeletable: (f) => (f.nonconformityId ? 'It raised a nonconformity, which links to it: the finding is kept as its source.' : null),
  columns: [
    col.ref((f) => f.ref),
    col.text('title', 'Finding', (f) => f.title, 'minmax(200px, 3fr)'),
    {
      id: 'audit', header: 'Audit', width: 'minmax(120px, 1.5fr)',
      value: (f, l) => l.record(f.auditId),
      render: (f, l) => <Text size="sm" truncate title={l.record(f.auditId)}>{l.record(f.auditId)}</Text>,
    },
    col.status('severity', 'Grade', 'severities', (f) => f.severity, '190px'),
    col.text('clause', 'Clause or control', (f) => f.clause, '130px'),
    {
      id: 'nonconformity', header: 'Nonconformity', width: 'minmax(140px, 1.5fr)',
      value: (f, l) => (f.nonconformityId ? l.record(f.nonconformityId) : followUp(f) === 'to_raise' ? 'To raise' : ''),
      render: (f, l) => {
        const s = followUp(f);
        if (s === 'raised') return <Text size="sm" truncate title={l.record(f.nonconformityId)}>{l.record(f.nonconformityId)}</Text>;
        if (s === 'to_raise') return <Badge color="orange" variant="light" tt="none">To raise</Badge>;
        return <Text size="sm" c="dimmed">None needed</Text>;
      },
    },
  ],
  filters: [{ label: 'Grade', enum: 'severities', value: (f) => f.severity }],
  fields: [
    { name: 'auditId', label: 'Audit', type: 'record', kind: 'audit', span: 6, locked: (r) => !!r?.id, description: 'An audit that has started; a finding stays with its audit' },
    { name: 'ref', label: 'Reference', type: 'text', span: 6, placeholder: 'Blank: the audit’s next <audit>-Fn' },
    { name: 'title', label: 'Title', type: 'text' },
    { name: 'severity', label: 'Grade', type: 'enum', enum: 'severities', span: 6 },
    { name: 'clause', label: 'Clause or control', type: 'text', span: 6, input: RefInput },
    { name: 'description', label: 'What was found, with the evidence', type: 'textarea' },
    { name: 'nonconformityId', label: 'Nonconformity raised', type: 'record', kind: 'nonconformity', form: false },
  ],
  panels: [RaisePanel],
};
