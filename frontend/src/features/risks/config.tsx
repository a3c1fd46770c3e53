// Risks and their treatment (6.1.2, 6.1.3, 8.2, 8.3): scored on the organisation's scales,
// inherent and residual heat maps that filter the register, and the owner's acceptance.
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api, type Risk, type RiskMethod } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type FieldInputProps, type PanelProps, type TopProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { PersonPicker } from '../../components/record/pickers';
import { useAreaMutation } from '../../components/record/queries';
import { formatDate } from '../../lib/format';


export const defaultMethod: RiskMethod = {
  likelihood: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impact: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  threshold: 4,
};

export function useRiskMethod(): RiskMethod {
  const q = useQuery({ queryKey: ['area', 'organisation'], queryFn: api.organisation.get });
  return q.data?.riskMethod && q.data.riskMethod.likelihood.length ? q.data.riskMethod : defaultMethod;
}

/** level mirrors isms.RiskMethod.Level: bands of 16%, 36% and 64% of the highest score. */
export function level(m: RiskMethod, score: number): string {
  const max = m.likelihood.length * m.impact.length;
  if (score <= 0 || max === 0) return '';
  const share = score / max;
  if (share <= 0.16 + 1e-9) return 'low';
  if (share <= 0.36 + 1e-9) return 'medium';
  if (share <= 0.64 + 1e-9) return 'high';
  return 'critical';
}

const levelColour: Record<string, string> = { low: 'green', medium: 'yellow', high: 'orange', critical: 'red' };
const levelLabel: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

function LevelBadge({ score, m }: { score: number; m: RiskMethod }) {
  const l = level(m, score);
  if (!l) return <Text size="sm" c="dimmed">—</Text>;
  return <Badge color={levelColour[l]} variant="light" tt="none">{score} {levelLabel[l]}</Badge>;
}

const residual = (r: Risk) => r.residualLikelihood * r.residualImpact;

/** HeatMap shows how many risks sit in each cell; a click filters the register. */
function HeatMap({ rows, setFilter }: TopProps<Risk>) {
  const m = useRiskMethod();
  const [which, setWhich] = useState('inherent');
  const [cell, setCell] = useState<string | null>(null);
  const l = (r: Risk) => (which === 'inherent' ? r.likelihood : r.residualLikelihood);
  const i = (r: Risk) => (which === 'inherent' ? r.impact : r.residualImpact);
  const nl = m.likelihood.length;
  const ni = m.impact.length;
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" mb={6}>
        <Title order={5}>Heat map</Title>
        <SegmentedControl size="xs" value={which} onChange={(v) => { setWhich(v); setFilter(null); setCell(null); }} data={[{ value: 'inherent', label: 'Inherent' }, { value: 'residual', label: 'Residual' }]} />
      </Group>
      <div role="grid" aria-label={`${which} heat map`} style={{ display: 'grid', gridTemplateColumns: `110px repeat(${ni}, minmax(44px, 1fr))`, gap: 3 }}>
        {Array.from({ length: nl }, (_, k) => nl - k).map((li) => (
          <div role="row" key={li} style={{ display: 'contents' }}>
            <Text size="xs" c="dimmed" ta="right" pr={6} style={{ alignSelf: 'center' }} truncate>{m.likelihood[li - 1]}</Text>
            {Array.from({ length: ni }, (_, k) => k + 1).map((ii) => {
              const n = rows.filter((r) => l(r) === li && i(r) === ii).length;
              const lv = level(m, li * ii);
              return (
                <UnstyledButton
                  role="gridcell"
                  key={ii}
                  aria-label={`Likelihood ${m.likelihood[li - 1]}, impact ${m.impact[ii - 1]}: ${n} risk${n === 1 ? '' : 's'}`}
                  aria-pressed={cell === `${li}x${ii}`}
                  onClick={() => {
                    setCell(n ? `${li}x${ii}` : null);
                    setFilter(n ? { label: `${which === 'inherent' ? 'Inherent' : 'Residual'} ${m.likelihood[li - 1]} × ${m.impact[ii - 1]}`, keep: (r) => l(r) === li && i(r) === ii } : null);
                  }}
                  style={{ background: `var(--mantine-color-${levelColour[lv]}-${n ? 3 : 1})`, borderRadius: 4, height: 26, textAlign: 'center', fontWeight: 700, fontSize: 13,
                    outline: cell === `${li}x${ii}` ? '2px solid var(--mantine-color-dark-6)' : undefined }}
                >
                  {n || ''}
                </UnstyledButton>
              );
            })}
          </div>
        ))}
        <div />
        {m.impact.map((x) => <Text key={x} size="xs" c="dimmed" ta="center" truncate>{x}</Text>)}
      </div>
      <Text size="xs" c="dimmed" mt={4}>Rows: likelihood; columns: impact. Acceptance threshold: a score of {m.threshold} or less.</Text>
    </Paper>
  );
}

/** AcceptancePanel records the risk owner's acceptance of the residual risk. */
function AcceptancePanel({ record: r, lookups: l }: PanelProps<Risk>) {
  const m = useRiskMethod();
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState(r.ownerId);
  const [on, setOn] = useState(today());
  const [comment, setComment] = useState('');
  const accept = useAreaMutation(() => api.risks.accept(r.id, r.version, { acceptedById: by, acceptedOn: on, comment }));
  const score = residual(r) || r.likelihood * r.impact;
  const above = score > m.threshold;
  const a = r.acceptance;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={4}>Assessment and acceptance</Title>
          <Group gap="lg">
            <div><Text size="xs" c="dimmed">Inherent</Text><LevelBadge score={r.likelihood * r.impact} m={m} /></div>
            <div><Text size="xs" c="dimmed">Residual</Text><LevelBadge score={residual(r)} m={m} /></div>
            <div><Text size="xs" c="dimmed">Treatment</Text><Text size="sm">{l.enumLabel('treatments', r.treatment) || '—'}</Text></div>
          </Group>
          {a?.acceptedById ? (
            <Text size="sm">
              Accepted by <b>{l.person(a.acceptedById)}</b> on {formatDate(a.acceptedOn)}{a.comment ? `: “${a.comment}”` : ''}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {above
                ? `The ${residual(r) ? 'residual' : 'inherent'} score ${score} is above the acceptance threshold (${m.threshold}): the owner must give a reason to accept it.`
                : 'Within the acceptance threshold.'}{' '}
              The risk owner records the acceptance.
            </Text>
          )}
        </Stack>
        {r.status !== 'accepted' && r.status !== 'closed' && (
          <Button onClick={() => { setBy(r.ownerId); setOpen(true); }}>Accept risk</Button>
        )}
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title="Record the owner's acceptance">
        <Stack gap="sm">
          <PersonPicker label="Accepted by" description="The risk owner" value={by} onChange={setBy} />
          <TextInput type="date" label="Accepted on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
          <Textarea label={above ? 'Reason for accepting (required above the threshold)' : 'Comment'} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
          <PanelError error={accept.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              loading={accept.isPending}
              onClick={() => accept.mutate(undefined, { onSuccess: () => { setOpen(false); notifications.show({ color: 'green', title: 'Risk accepted', message: `${r.ref} ${r.title}` }); } })}
            >
              Accept risk
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** ScorePreview shows the inherent and residual scores and levels while the officer types. */
function ScorePreview() {
  const m = useRiskMethod();
  const v = useWatch() as Risk;
  const inherent = (v.likelihood || 0) * (v.impact || 0);
  const res = (v.residualLikelihood || 0) * (v.residualImpact || 0);
  return (
    <Paper withBorder p="xs" radius="sm">
      <Group gap="lg">
        <Group gap={6}><Text size="xs" c="dimmed">Inherent</Text><LevelBadge score={inherent} m={m} /></Group>
        <Group gap={6}><Text size="xs" c="dimmed">Residual</Text><LevelBadge score={res} m={m} /></Group>
        <Text size="xs" c="dimmed">Acceptance threshold: {m.threshold}{(res || inherent) > m.threshold ? ' (above: the owner must give a reason to accept it)' : ''}</Text>
      </Group>
    </Paper>
  );
}

/** scaleInput is a select of a level of the organisation's likelihood or impact scale. */
function scaleInput(scale: 'likelihood' | 'impact', allowNone: boolean) {
  return function ScaleSelect({ value, onChange, ...rest }: FieldInputProps) {
    const m = useRiskMethod();
    const data = m[scale].map((label, i) => ({ value: String(i + 1), label: `${i + 1} ${label}` }));
    return (
      <Select
        {...rest}
        data={allowNone ? [{ value: '0', label: 'Not assessed' }, ...data] : data}
        value={String(value ?? (allowNone ? 0 : 1))}
        onChange={(v) => onChange(Number(v ?? 0))}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
    );
  };
}

/** scaleLabel shows a level with its label on the organisation's scale, e.g. "4 Likely". */
function scaleLabel(field: 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact') {
  const scale = field === 'likelihood' || field === 'residualLikelihood' ? 'likelihood' : 'impact';
  return function ScaleLabel({ record }: { record: Risk }) {
    const m = useRiskMethod();
    const v = record[field];
    return <Text size="sm">{v ? `${v} ${m[scale][v - 1] ?? ''}` : 'Not assessed'}</Text>;
  };
}

function ScoreCell({ score }: { score: number }) {
  const m = useRiskMethod();
  return <LevelBadge score={score} m={m} />;
}

export const riskArea: AreaConfig<Risk> = {
  kind: 'risk',
  plural: 'risks',
  title: 'Risks',
  noun: 'risk',
  about: 'The risk register: asset or process, threat, vulnerability, likelihood and impact on your scales, treatment with controls and actions, residual risk and the owner’s acceptance.',
  clause: '6.1.2, 8.2',
  service: api.risks,
  importKind: 'risks',
  blank: () => ({
    ...unsaved, ref: '', title: '', description: '', asset: '', threat: '', vulnerability: '', likelihood: 3, impact: 3, ownerId: '',
    status: 'identified', treatment: '', treatmentPlan: '', controlIds: [], actionIds: [], residualLikelihood: 0, residualImpact: 0,
    acceptance: { acceptedById: '', acceptedOn: '', comment: '' }, identifiedOn: today(), reviewDate: '',
  }),
  refOf: (r) => r.ref,
  titleOf: (r) => r.title,
  status: (r) => ({ value: r.status, enum: 'riskStatuses' }),
  columns: [
    col.ref((r) => r.ref),
    col.text('title', 'Risk', (r) => r.title, 'minmax(170px, 3fr)'),
    col.person('owner', 'Owner', (r) => r.ownerId),
    { id: 'inherent', header: 'Inherent', width: '110px', value: (r) => r.likelihood * r.impact, render: (r) => <ScoreCell score={r.likelihood * r.impact} /> },
    col.label('treatment', 'Treatment', 'treatments', (r) => r.treatment, '96px'),
    { id: 'residual', header: 'Residual', width: '110px', value: (r) => residual(r), render: (r) => <ScoreCell score={residual(r)} /> },
    col.status('status', 'Status', 'riskStatuses', (r) => r.status, '104px'),
    col.date('review', 'Review', (r) => r.reviewDate, (r) => r.status !== 'closed' && !!r.reviewDate && r.reviewDate < today()),
  ],
  filters: [
    { label: 'Status', enum: 'riskStatuses', value: (r) => r.status },
    { label: 'Treatment', enum: 'treatments', value: (r) => r.treatment },
  ],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. R-001' },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    { name: 'description', label: 'Risk scenario', type: 'textarea' },
    { name: 'asset', label: 'Asset or process', type: 'text', span: 4 },
    { name: 'threat', label: 'Threat', type: 'text', span: 4 },
    { name: 'vulnerability', label: 'Vulnerability', type: 'text', span: 4 },
    { name: 'likelihood', label: 'Likelihood', type: 'number', span: 3, input: scaleInput('likelihood', false), display: scaleLabel('likelihood') },
    { name: 'impact', label: 'Impact', type: 'number', span: 3, input: scaleInput('impact', false), display: scaleLabel('impact') },
    { name: 'ownerId', label: 'Risk owner', type: 'person', span: 6 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'riskStatuses', span: 4, description: 'Accepted is recorded by the owner' },
    { name: 'treatment', label: 'Treatment', type: 'enum', enum: 'treatments', span: 4 },
    { name: 'reviewDate', label: 'Next review', type: 'date', span: 4 },
    { name: 'treatmentPlan', label: 'Treatment plan', type: 'textarea' },
    { name: 'controlIds', label: 'Controls that treat it', type: 'records', kind: 'control' },
    { name: 'actionIds', label: 'Actions of the treatment plan', type: 'records', kind: 'action' },
    { name: 'residualLikelihood', label: 'Residual likelihood', type: 'number', span: 3, input: scaleInput('likelihood', true), display: scaleLabel('residualLikelihood') },
    { name: 'residualImpact', label: 'Residual impact', type: 'number', span: 3, input: scaleInput('impact', true), display: scaleLabel('residualImpact') },
    { name: 'identifiedOn', label: 'Identified on', type: 'date', span: 6 },
  ],
  top: HeatMap,
  panels: [AcceptancePanel],
  formExtra: ScorePreview,
};
