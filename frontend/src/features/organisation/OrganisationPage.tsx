// Organisation and ISMS scope (4.3) and the risk method (6.1.2): the name and label every
// report prints, the scope statement, the likelihood and impact scales and the threshold.
import { useEffect, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Grid, Group, Modal, NumberInput, Paper, ScrollArea, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconMinus, IconPlus } from '@tabler/icons-react';
import { api, normaliseError, type Organisation, type RiskMethodChange } from '../../lib/api';
import { defaultMethod, level } from '../risks/config';
import { fieldMessage } from '../../components/record/RecordForm';
import { StatusBadge } from '../../components/StatusBadge';
import { optionsOf, useEnums } from '../../components/record/queries';
import { changeSummary, sameMethod } from './method';

const blank: Organisation = { name: '', scope: '', classification: '', riskMethod: defaultMethod };

/** The usual labels of a scale of 3, 4 or 5 levels, offered when the number of levels changes. */
const usual: Record<'likelihood' | 'impact', Record<number, string[]>> = {
  likelihood: {
    3: ['Unlikely', 'Possible', 'Likely'],
    4: ['Rare', 'Unlikely', 'Likely', 'Almost certain'],
    5: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  },
  impact: {
    3: ['Minor', 'Moderate', 'Major'],
    4: ['Minor', 'Moderate', 'Major', 'Severe'],
    5: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  },
};

/** resize gives a scale its new number of levels: the usual labels when the scale still has
 * the usual ones, else the officer's own labels kept (and a blank one added). */
export function resize(scale: 'likelihood' | 'impact', labels: string[], n: number): string[] {
  const isUsual = Object.values(usual[scale]).some((u) => u.join('|') === labels.join('|'));
  if (isUsual && usual[scale][n]) return [...usual[scale][n]!];
  return n < labels.length ? labels.slice(0, n) : [...labels, ...Array(n - labels.length).fill('')];
}

/** rescale keeps the acceptance threshold at the same share of the highest score. */
export function rescale(threshold: number, oldMax: number, newMax: number): number {
  if (oldMax <= 0) return threshold;
  return Math.max(1, Math.round((threshold * newMax) / oldMax));
}

export function useOrganisation() {
  return useQuery({ queryKey: ['area', 'organisation'], queryFn: api.organisation.get });
}

function Scale({ label, levels, onChange, onResize, error }: { label: string; levels: string[]; onChange: (l: string[]) => void; onResize: (n: number) => void; error?: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>{label} ({levels.length} levels, lowest first)</Text>
        <Group gap={4}>
          <ActionIcon variant="default" aria-label={`Remove ${label === 'Impact' ? 'an' : 'a'} ${label.toLowerCase()} level`} disabled={levels.length <= 3} onClick={() => onResize(levels.length - 1)}><IconMinus size={14} /></ActionIcon>
          <ActionIcon variant="default" aria-label={`Add ${label === 'Impact' ? 'an' : 'a'} ${label.toLowerCase()} level`} disabled={levels.length >= 5} onClick={() => onResize(levels.length + 1)}><IconPlus size={14} /></ActionIcon>
        </Group>
      </Group>
      {levels.map((v, i) => (
        <TextInput key={i} size="xs" leftSection={<Text size="xs">{i + 1}</Text>} aria-label={`${label} level ${i + 1}`} value={v} onChange={(e) => onChange(levels.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
      ))}
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}

/** OrganisationForm edits the organisation's settings; the first run shows it too. */
export function OrganisationForm({ onSaved, compact, secondary }: { onSaved?: () => void; compact?: boolean; secondary?: ReactNode }) {
  const org = useOrganisation();
  const qc = useQueryClient();
  const [o, setO] = useState<Organisation>(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (org.data) setO(org.data);
  }, [org.data]);
  const m = o.riskMethod;
  const setM = (x: Partial<typeof m>) => setO({ ...o, riskMethod: { ...m, ...x } });
  const resizeScale = (scale: 'likelihood' | 'impact', n: number) => {
    const next = { ...m, [scale]: resize(scale, m[scale], n) };
    setM({ ...next, threshold: rescale(m.threshold, m.likelihood.length * m.impact.length, next.likelihood.length * next.impact.length) });
  };
  const [change, setChange] = useState<RiskMethodChange | null>(null);
  const failed = (err: unknown) => {
    const e = normaliseError(err);
    const f: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.fields)) f[k.replace(/\[\d+\]$/, '')] = fieldMessage(labels[k.replace(/\[\d+\]$/, '')] ?? k, v);
    setErrors(f);
    setMessage(e.message);
  };
  /** save first asks Go what a changed risk method does to the stored risks, and asks the
   * officer to confirm when it re-levels any or withdraws acceptances. */
  const save = async () => {
    setErrors({});
    setMessage(null);
    if (org.data && !sameMethod(org.data.riskMethod, o.riskMethod)) {
      setSaving(true);
      try {
        const c = await api.organisation.previewRiskMethod(o.riskMethod);
        if (c.risks.length > 0) {
          setChange(c);
          return;
        }
      } catch (err) {
        failed(err);
        return;
      } finally {
        setSaving(false);
      }
    }
    await store();
  };
  const store = async () => {
    setSaving(true);
    setErrors({});
    setMessage(null);
    try {
      await api.organisation.save(o);
      await qc.invalidateQueries({ queryKey: ['area'] });
      await qc.invalidateQueries({ queryKey: ['records'] }); // risks whose acceptance was withdrawn
      await qc.invalidateQueries({ queryKey: ['system'] });
      notifications.show({ color: 'green', title: 'Organisation saved', message: o.name });
      onSaved?.();
    } catch (err) {
      failed(err);
    } finally {
      setSaving(false);
    }
  };
  const max = m.likelihood.length * m.impact.length;
  return (
    <form aria-label="Organisation" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <Stack gap="md">
        {message && <Alert color="red" title="Not saved">{message}</Alert>}
        <Grid gutter="sm">
          <Grid.Col span={8}>
            <TextInput label="Organisation name" description="Printed on the cover of every report" value={o.name} onChange={(e) => setO({ ...o, name: e.currentTarget.value })} error={errors.name} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Classification label" description="e.g. Confidential, Internal" value={o.classification} onChange={(e) => setO({ ...o, classification: e.currentTarget.value })} error={errors.classification} />
          </Grid.Col>
        </Grid>
        <Textarea label="ISMS scope statement" description="What the ISMS covers: organisation units, locations, services, and what is excluded (clause 4.3)" autosize minRows={compact ? 2 : 4} value={o.scope} onChange={(e) => setO({ ...o, scope: e.currentTarget.value })} error={errors.scope} />
        <Paper withBorder p="sm" radius="md">
          <Title order={5} mb="xs">Risk method</Title>
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Scale label="Likelihood" levels={m.likelihood} onChange={(l) => setM({ likelihood: l })} onResize={(n) => resizeScale('likelihood', n)} error={errors['riskMethod.likelihood']} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Scale label="Impact" levels={m.impact} onChange={(l) => setM({ impact: l })} onResize={(n) => resizeScale('impact', n)} error={errors['riskMethod.impact']} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput label="Acceptance threshold" description={`Highest score (likelihood × impact, up to ${max}) accepted without a reason`} min={1} max={max} clampBehavior="none" value={m.threshold} onChange={(v) => setM({ threshold: typeof v === 'number' ? v : Number(v) })} error={errors['riskMethod.threshold']} />
              <Text size="xs" c="dimmed" mt="xs">
                Levels: low up to {[...Array(max).keys()].map((i) => i + 1).filter((s) => level(m, s) === 'low').pop() ?? 0}, medium up to{' '}
                {[...Array(max).keys()].map((i) => i + 1).filter((s) => level(m, s) === 'medium').pop() ?? 0}, high up to{' '}
                {[...Array(max).keys()].map((i) => i + 1).filter((s) => level(m, s) === 'high').pop() ?? 0}, critical above.
              </Text>
            </Grid.Col>
          </Grid>
        </Paper>
        <Group justify={secondary ? 'space-between' : 'flex-end'}>
          {secondary}
          <Button type="submit" loading={saving}>Save</Button>
        </Group>
      </Stack>
      <MethodChangeModal
        change={change}
        threshold={o.riskMethod.threshold}
        onCancel={() => setChange(null)}
        onConfirm={() => {
          setChange(null);
          void store();
        }}
      />
    </form>
  );
}

/** MethodChangeModal lists what a new risk method does to the stored risks before it is
 * saved: the level changes and the acceptances it withdraws. */
export function MethodChangeModal({ change, threshold, onCancel, onConfirm }: { change: RiskMethodChange | null; threshold: number; onCancel: () => void; onConfirm: () => void }) {
  const enums = useEnums();
  const levels = new Map(optionsOf(enums.data, 'riskLevels').map((x) => [x.value, x.label]));
  const shownLevel = (from: string, to: string) =>
    from === '' && to === '' ? (
      <Text size="sm" c="dimmed">Not assessed</Text>
    ) : (
      <Group gap={4} wrap="nowrap">
        <StatusBadge status={from} label={levels.get(from) ?? from} />
        {from !== to && (
          <>
            <IconArrowRight size={14} aria-label="becomes" />
            <StatusBadge status={to} label={levels.get(to) ?? to} />
          </>
        )}
      </Group>
    );
  return (
    <Modal opened={change !== null} onClose={onCancel} title="Save the new risk method?" size="xl">
      {change && (
        <Stack gap="sm">
          <Text size="sm">{changeSummary(change)}</Text>
          <ScrollArea.Autosize mah={360}>
            <Table fz="sm" verticalSpacing={4} aria-label="Risks the new method changes" stickyHeader>
              <Table.Thead>
                <Table.Tr><Table.Th w={80}>Risk</Table.Th><Table.Th>Title</Table.Th><Table.Th w={190}>Inherent level</Table.Th><Table.Th w={190}>Residual level</Table.Th><Table.Th w={170}>Acceptance</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {change.risks.map((r) => (
                  <Table.Tr key={r.riskId}>
                    <Table.Td fw={600}>{r.ref}</Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td>{shownLevel(r.level, r.newLevel)}</Table.Td>
                    <Table.Td>{shownLevel(r.residualLevel, r.newResidualLevel)}</Table.Td>
                    <Table.Td>
                      {r.withdrawn ? (
                        <Badge color="red" variant="light" tt="none">Withdrawn: above the threshold</Badge>
                      ) : r.status === 'accepted' ? (
                        <Text size="sm">{(r.residualScore || r.score) > threshold ? "Kept: accepted with the owner's reason" : 'Kept'}</Text>
                      ) : (
                        <Text size="sm" c="dimmed">Not accepted</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>Keep editing</Button>
            <Button color={change.withdrawn > 0 ? 'red' : undefined} onClick={onConfirm}>
              {change.withdrawn > 0 ? 'Save and withdraw the acceptances' : 'Save the new method'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

const labels: Record<string, string> = {
  name: 'Organisation name', scope: 'Scope', classification: 'Classification label',
  'riskMethod.likelihood': 'Likelihood scale', 'riskMethod.impact': 'Impact scale', 'riskMethod.threshold': 'Acceptance threshold',
};

/** OrganisationPage is the settings page of the organisation and its ISMS. */
export function OrganisationPage() {
  return (
    <div className="page-scroll">
      <Stack gap="md" maw={980}>
        <div>
          <Title order={2}>Organisation and scope</Title>
          <Text size="sm" c="dimmed">Who the ISMS belongs to, what it covers and how risks are scored. ISO/IEC 27001 4.3, 6.1.2.</Text>
        </div>
        <OrganisationForm />
      </Stack>
    </div>
  );
}
