// Surveys and feedback: surveys and feedback sessions with their questions and results, and
// feedback items from interested parties, which become improvement initiatives in one step.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ActionIcon, Anchor, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconPlus, IconTrash } from '@tabler/icons-react';
import { api, type Feedback, type Survey, type SurveyQuestion } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { col } from '../../components/record/columns';
import { unsaved, type AreaConfig, type FieldInputProps, type PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { useAreaMutation } from '../../components/record/queries';
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

/** ImprovementPanel makes a feedback item an improvement initiative and opens it. */
function ImprovementPanel({ record: f, lookups: l }: PanelProps<Feedback>) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const convert = useAreaMutation(() => api.feedback.toImprovement(f.id, f.version));
  const block = convertBlock(f);
  if (f.improvementId) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm">
          This feedback became the improvement{' '}
          <Anchor component={Link} to={recordPath('improvement', f.improvementId)} fw={600}>{l.record(f.improvementId)}</Anchor>.
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c={block ? 'dimmed' : undefined}>
          {block ?? 'Turn this feedback into a proposed improvement initiative (10.1); the feedback is marked converted and linked to it.'}
        </Text>
        <Button leftSection={<IconBulb size={16} />} disabled={!!block} onClick={() => setOpen(true)}>Make it an improvement</Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title="Make it an improvement">
        <Stack>
          <Text size="sm">
            A proposed improvement titled <b>{firstLine(f.text, 120)}</b> is created with the feedback as its goal and the next free IMP reference.
            Give it an owner and dates on its page.
          </Text>
          <PanelError error={convert.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>Cancel</Button>
            <Button loading={convert.isPending}
              onClick={() => convert.mutate(undefined, {
                onSuccess: (imp) => {
                  setOpen(false);
                  notifications.show({ color: 'green', title: 'Improvement created', message: `${imp.ref} · ${imp.title}` });
                  navigate(recordPath('improvement', imp.id));
                },
              })}>
              Create the improvement
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

export const feedbackArea: AreaConfig<Feedback> = {
  kind: 'feedback',
  plural: 'feedback',
  title: 'Feedback',
  noun: 'feedback item',
  about: 'Feedback from interested parties, from surveys and sessions or given directly: accept or reject it, answer it, or make it an improvement initiative from its page.',
  clause: '10.1',
  service: api.feedback,
  blank: () => ({
    ...unsaved, surveyId: '', date: '', from: '', partyId: '', text: '', sentiment: '', status: 'new', response: '', improvementId: '',
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
    { id: 'improvement', header: 'Improvement', width: 'minmax(110px, 1fr)', value: (f, l) => (f.improvementId ? l.record(f.improvementId) : ''),
      render: (f, l) => <Text size="sm" truncate>{f.improvementId ? l.record(f.improvementId) : ''}</Text> },
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
    { name: 'status', label: 'Status', type: 'enum', enum: 'feedbackStatuses', span: 6, description: 'Make it an improvement from its page' },
    { name: 'response', label: 'Response', type: 'textarea', description: 'How it was answered, or why it was rejected' },
    { name: 'improvementId', label: 'Improvement it became', type: 'record', kind: 'improvement', form: false },
  ],
  panels: [ImprovementPanel],
};
