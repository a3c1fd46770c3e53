// Surveys and feedback: surveys and feedback sessions with their questions and results, and
// feedback items from interested parties, which become an improvement initiative or a
// nonconformity in one step, linked both ways.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ActionIcon, Anchor, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBulb, IconPlus, IconTrash } from '@tabler/icons-react';
import { api, type Feedback, type Survey, type SurveyQuestion } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { col } from '../../components/record/columns';
import { unsaved, type AreaConfig, type FieldInputProps, type PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { useAreaMutation, useChoices } from '../../components/record/queries';
import { averageScore, convertBlock, firstLine } from './rules';

/** QuestionsInput edits a survey's questions with their results. */
function QuestionsInput({ label, value, onChange, error, disabled }: FieldInputProps) {
  const qs = (value as SurveyQuestion[] | null) ?? [];
  const set = (i: number, q: Partial<SurveyQuestion>) => onChange(qs.map((x, j) => (j === i ? { ...x, ...q } : x)));
  const num = (v: string | number) => (typeof v === 'number' ? v : v === '' ? 0 : Number(v));
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>{label}</Text>
        <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} disabled={disabled}
          onClick={() => onChange([...qs, { text: '', result: '', score: 0, answers: 0 }])}>
          Add question
        </Button>
      </Group>
      {qs.length === 0 ? (
        <Text size="xs" c="dimmed">No questions: add each question with a summary of its answers, its average score and how many answered.</Text>
      ) : (
        <Table fz="sm" verticalSpacing={2} aria-label={label}>
          <Table.Thead><Table.Tr><Table.Th>Question</Table.Th><Table.Th>Result</Table.Th><Table.Th w={90}>Score</Table.Th><Table.Th w={90}>Answers</Table.Th><Table.Th w={34} /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {qs.map((q, i) => (
              <Table.Tr key={i}>
                <Table.Td><TextInput size="xs" aria-label={`Question ${i + 1}`} value={q.text} onChange={(e) => set(i, { text: e.currentTarget.value })} /></Table.Td>
                <Table.Td><TextInput size="xs" aria-label={`Question ${i + 1} result`} value={q.result} onChange={(e) => set(i, { result: e.currentTarget.value })} /></Table.Td>
                <Table.Td><NumberInput size="xs" aria-label={`Question ${i + 1} score`} value={q.score} decimalScale={2} onChange={(v) => set(i, { score: num(v) })} /></Table.Td>
                <Table.Td><NumberInput size="xs" aria-label={`Question ${i + 1} answers`} value={q.answers} min={0} allowDecimal={false} onChange={(v) => set(i, { answers: num(v) })} /></Table.Td>
                <Table.Td><ActionIcon variant="subtle" color="red" aria-label={`Remove question ${i + 1}`} onClick={() => onChange(qs.filter((_, j) => j !== i))}><IconTrash size={14} /></ActionIcon></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}

/** QuestionsPanel shows a survey's questions and results as a table on its page. */
function QuestionsPanel({ record: s }: PanelProps<Survey>) {
  const avg = averageScore(s.questions);
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs">
        Questions and results{s.questions.length ? `: ${s.questions.length}` : ''}{avg !== null ? ` · average score ${avg}` : ''}
      </Text>
      {s.questions.length === 0 ? (
        <Text size="sm" c="dimmed">No questions recorded: edit the {s.type === 'feedback_session' ? 'session' : 'survey'} to add them with their results.</Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label="Questions and results">
          <Table.Thead><Table.Tr><Table.Th>Question</Table.Th><Table.Th>Result</Table.Th><Table.Th w={80} ta="right">Score</Table.Th><Table.Th w={80} ta="right">Answers</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {s.questions.map((q, i) => (
              <Table.Tr key={i}>
                <Table.Td>{q.text}</Table.Td>
                <Table.Td>{q.result}</Table.Td>
                <Table.Td ta="right">{q.score ? q.score : ''}</Table.Td>
                <Table.Td ta="right">{q.answers ? q.answers : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** ActPanel makes a feedback item an improvement initiative or raises it as a
 * nonconformity, and opens what it became; once it became one, it links to it. */
function ActPanel({ record: f, lookups: l }: PanelProps<Feedback>) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<'improvement' | 'nonconformity' | null>(null);
  const toImprovement = useAreaMutation(() => api.feedback.toImprovement(f.id, f.version));
  const toNC = useAreaMutation(() => api.feedback.toNonconformity(f.id, f.version));
  const block = convertBlock(f);
  if (f.improvementId || f.nonconformityId) {
    const kind = f.improvementId ? 'improvement' : 'nonconformity';
    const id = f.improvementId || f.nonconformityId;
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm">
          This feedback {f.improvementId ? 'became the improvement' : 'was raised as the nonconformity'}{' '}
          <Anchor component={Link} to={recordPath(kind, id)} fw={600}>{f.improvementId ? l.record(id) : <NCName id={id} inline />}</Anchor>.
        </Text>
      </Paper>
    );
  }
  const title = firstLine(f.text, 120);
  const pending = toImprovement.isPending || toNC.isPending;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c={block ? 'dimmed' : undefined}>
          {block ?? 'Act on this feedback: make it a proposed improvement initiative (10.1), or raise it as a nonconformity (10.2) when it shows a requirement not met. Either is linked both ways.'}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button variant="light" color="orange" leftSection={<IconAlertTriangle size={16} />} disabled={!!block} onClick={() => setOpen('nonconformity')}>Raise a nonconformity</Button>
          <Button leftSection={<IconBulb size={16} />} disabled={!!block} onClick={() => setOpen('improvement')}>Make it an improvement</Button>
        </Group>
      </Group>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open === 'nonconformity' ? 'Raise a nonconformity' : 'Make it an improvement'}>
        <Stack>
          {open === 'nonconformity' ? (
            <Text size="sm">
              An open nonconformity titled <b>{title}</b> is created from this feedback, with the next free NC reference, detected on the day the feedback was given.
              Give it an owner and a due date on its page, then take it through the 10.2 steps.
            </Text>
          ) : (
            <Text size="sm">
              A proposed improvement titled <b>{title}</b> is created with the feedback as its goal and the next free IMP reference.
              Give it an owner and dates on its page.
            </Text>
          )}
          <PanelError error={open === 'nonconformity' ? toNC.error : toImprovement.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>Cancel</Button>
            <Button loading={pending}
              onClick={() =>
                open === 'nonconformity'
                  ? toNC.mutate(undefined, {
                      onSuccess: (n) => {
                        setOpen(null);
                        notifications.show({ color: 'green', title: 'Nonconformity raised', message: `${n.ref} · ${n.title}` });
                        navigate(recordPath('nonconformity', n.id));
                      },
                    })
                  : toImprovement.mutate(undefined, {
                      onSuccess: (imp) => {
                        setOpen(null);
                        notifications.show({ color: 'green', title: 'Improvement created', message: `${imp.ref} · ${imp.title}` });
                        navigate(recordPath('improvement', imp.id));
                      },
                    })
              }>
              {open === 'nonconformity' ? 'Raise the nonconformity' : 'Create the improvement'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export const surveyArea: AreaConfig<Survey> = {
  kind: 'survey',
  plural: 'surveys',
  title: 'Surveys',
  noun: 'survey',
  about: 'Surveys and feedback sessions with interested parties: who was asked, how many took part, the questions with their results, and the overall result.',
  clause: '9.1',
  service: api.surveys,
  blank: () => ({
    ...unsaved, ref: '', title: '', type: 'survey', date: '', audience: '', partyId: '', respondents: 0, questions: [], summary: '', ownerId: '',
  }),
  refOf: (s) => s.ref,
  titleOf: (s) => s.title,
  defaultSort: { id: 'date', desc: true },
  columns: [
    col.ref((s) => s.ref),
    col.text('title', 'Survey', (s) => s.title, 'minmax(200px, 3fr)'),
    col.label('type', 'Type', 'surveyKinds', (s) => s.type, '130px'),
    col.date('date', 'Held', (s) => s.date),
    col.dim('audience', 'Audience', (s) => s.audience),
    col.number('respondents', 'Took part', (s) => s.respondents, true, '88px'),
    { id: 'score', header: 'Avg score', width: '88px', value: (s) => averageScore(s.questions) ?? 0,
      render: (s) => <Text size="sm" ta="right">{averageScore(s.questions) ?? ''}</Text> },
    col.person('owner', 'Run by', (s) => s.ownerId),
  ],
  filters: [{ label: 'Type', enum: 'surveyKinds', value: (s) => s.type }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. SUR-02' },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    { name: 'type', label: 'Type', type: 'enum', enum: 'surveyKinds', span: 4 },
    { name: 'date', label: 'Held or closed on', type: 'date', span: 4 },
    { name: 'respondents', label: 'Took part', type: 'number', span: 4, min: 0 },
    { name: 'audience', label: 'Audience', type: 'text', span: 6, placeholder: 'e.g. all staff' },
    { name: 'partyId', label: 'Interested party asked', type: 'record', kind: 'party', span: 6 },
    { name: 'ownerId', label: 'Run by', type: 'person', span: 6 },
    { name: 'summary', label: 'Overall result', type: 'textarea' },
    { name: 'questions', label: 'Questions and results', type: 'list', input: QuestionsInput, detail: false },
  ],
  panels: [QuestionsPanel],
};

/** NCName names a nonconformity by its reference and title. */
function NCName({ id, inline }: { id: string; inline?: boolean }) {
  const choices = useChoices(id ? 'nonconformity' : undefined);
  const name = (choices.data ?? []).find((o) => o.value === id)?.label;
  const text = id ? (name ?? (choices.isPending ? '…' : 'Deleted nonconformity')) : '';
  return inline ? <>{text}</> : <Text size="sm" truncate title={name}>{text}</Text>;
}

/** becameOf names the improvement the feedback became, or says it became a nonconformity (NCName names it). */
const becameOf = (f: Feedback, l: { record: (id: string) => string }) =>
  f.improvementId ? l.record(f.improvementId) : f.nonconformityId ? 'Nonconformity' : '';

export const feedbackArea: AreaConfig<Feedback> = {
  kind: 'feedback',
  plural: 'feedback',
  title: 'Feedback',
  noun: 'feedback item',
  about: 'Feedback from interested parties, from surveys and sessions or given directly: accept or reject it, answer it, or make it an improvement initiative or a nonconformity from its page.',
  clause: '10.1',
  service: api.feedback,
  blank: () => ({
    ...unsaved, surveyId: '', date: '', from: '', partyId: '', text: '', sentiment: '', status: 'new', response: '', improvementId: '', nonconformityId: '',
  }),
  refOf: () => '',
  titleOf: (f) => firstLine(f.text),
  status: (f) => ({ value: f.status, enum: 'feedbackStatuses' }),
  defaultSort: { id: 'date', desc: true },
  columns: [
    col.date('date', 'Date', (f) => f.date),
    col.text('text', 'Feedback', (f) => firstLine(f.text), 'minmax(220px, 3fr)'),
    col.dim('from', 'From', (f) => f.from),
    col.label('sentiment', 'Sentiment', 'sentiments', (f) => f.sentiment, '100px'),
    col.status('status', 'Status', 'feedbackStatuses', (f) => f.status, '150px'),
    { id: 'became', header: 'Became', width: 'minmax(110px, 1fr)', value: (f, l) => becameOf(f, l),
      render: (f, l) => (f.nonconformityId ? <NCName id={f.nonconformityId} /> : <Text size="sm" truncate title={becameOf(f, l)}>{becameOf(f, l)}</Text>) },
  ],
  filters: [
    { label: 'Status', enum: 'feedbackStatuses', value: (f) => f.status },
    { label: 'Sentiment', enum: 'sentiments', value: (f) => f.sentiment },
  ],
  fields: [
    { name: 'date', label: 'Given on', type: 'date', span: 4, description: 'Today when left blank' },
    { name: 'from', label: 'From', type: 'text', span: 8, placeholder: 'A person, team or party' },
    { name: 'partyId', label: 'Interested party', type: 'record', kind: 'party', span: 6 },
    { name: 'surveyId', label: 'Survey or session', type: 'record', kind: 'survey', span: 6 },
    { name: 'text', label: 'Feedback', type: 'textarea' },
    { name: 'sentiment', label: 'Sentiment', type: 'enum', enum: 'sentiments', span: 6 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'feedbackStatuses', span: 6, description: 'Make it an improvement or a nonconformity from its page' },
    { name: 'response', label: 'Response', type: 'textarea', description: 'How it was answered, or why it was rejected' },
    { name: 'improvementId', label: 'Improvement it became', type: 'record', kind: 'improvement', form: false },
    // the kit looks names up for three record kinds at most: this one names itself
    { name: 'nonconformityId', label: 'Nonconformity it was raised as', type: 'text', form: false, display: ({ record }) => <NCName id={record.nonconformityId} /> },
  ],
  panels: [ActPanel],
};
