// Competence (7.2): training sessions for audience roles with their attendance per person,
// who still lacks a required training, and the attendance records one by one.
import { Link } from 'react-router';
import { Anchor, Paper, Text } from '@mantine/core';
import { api, type Attendance, type Training } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type PanelProps } from '../../components/record/kit';
import { recordPath } from '../../lib/areas';
import { formatDate } from '../../lib/format';
import { AttendancePanel } from './AttendancePanel';
import { CompetenceView } from './CompetenceView';

export const trainingArea: AreaConfig<Training> = {
  kind: 'training',
  plural: 'trainings',
  title: 'Trainings',
  noun: 'training',
  about: 'Training sessions for audience roles, with who attended. A required training must be attended by everyone holding one of its audience roles; “Who is missing what” lists the gaps.',
  clause: '7.2',
  service: api.trainings,
  blank: () => ({
    ...unsaved, ref: '', topic: '', description: '', roleIds: [], date: today(), trainer: '', materials: '', required: false, renewalMonths: 0, effectiveness: '',
    durationHours: 0, status: 'planned', ownerId: '', attended: 0,
  }),
  refOf: (t) => t.ref,
  titleOf: (t) => t.topic,
  status: (t) => ({ value: t.status, enum: 'trainingStatuses' }),
  defaultSort: { id: 'date', desc: true },
  columns: [
    col.ref((t) => t.ref),
    col.text('topic', 'Topic', (t) => t.topic, 'minmax(200px, 3fr)'),
    col.date('date', 'Date', (t) => t.date),
    col.dim('trainer', 'Trainer', (t) => t.trainer, 'minmax(110px, 1.2fr)'),
    { id: 'audience', header: 'Audience', width: 'minmax(130px, 1.5fr)', value: (t, l) => t.roleIds.map((r) => l.record(r)).join(', ') },
    { id: 'required', header: 'Required', width: '80px', value: (t) => (t.required ? 'Required' : ''),
      render: (t) => <Text size="sm" c={t.required ? undefined : 'dimmed'}>{t.required ? 'Required' : 'Optional'}</Text> },
    col.status('status', 'Status', 'trainingStatuses', (t) => t.status, '104px'),
    col.number('attended', 'Attended', (t) => t.attended, false, '84px'),
  ],
  filters: [{ label: 'Status', enum: 'trainingStatuses', value: (t) => t.status }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 3, placeholder: 'e.g. TR-01' },
    { name: 'topic', label: 'Topic', type: 'text', span: 9 },
    { name: 'date', label: 'Date', type: 'date', span: 4 },
    { name: 'durationHours', label: 'Duration (hours)', type: 'number', span: 4, min: 0, max: 1000 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'trainingStatuses', span: 4, description: 'Saving attendance marks a planned training held' },
    { name: 'roleIds', label: 'Audience roles', type: 'records', kind: 'role', description: 'Everyone holding one of these roles is expected to attend' },
    { name: 'required', label: 'Required for the audience', type: 'bool', description: 'Required trainings count in “Who is missing what”; they need at least one audience role' },
    { name: 'renewalMonths', label: 'Renew every (months)', type: 'number', span: 4, min: 0, max: 120,
      description: '0: attending once is enough. Otherwise attending stops counting after this many months; a later session of the same topic renews it.' },
    { name: 'trainer', label: 'Trainer', type: 'text', span: 6, placeholder: 'A person or a provider' },
    { name: 'ownerId', label: 'Organised by', type: 'person', span: 6 },
    { name: 'materials', label: 'Materials', type: 'text', placeholder: 'Where the slides, handouts or course are; attach the files as evidence on the session’s page' },
    { name: 'description', label: 'Content and learning goals', type: 'textarea' },
    { name: 'effectiveness', label: 'Effectiveness (7.2 c)', type: 'textarea',
      description: 'How the session’s effectiveness was evaluated (quiz scores, observed behaviour, phishing results) and what it showed' },
  ],
  panels: [AttendancePanel],
  views: [{ id: 'competence', label: 'Who is missing what', component: CompetenceView }],
};

/** AttendanceSummary says in one sentence who attended what, with links. */
function AttendanceSummary({ record: a, lookups: l }: PanelProps<Attendance>) {
  const how: Record<string, string> = { attended: 'attended', absent: 'was absent from', excused: 'was excused from' };
  const on = a.date || a.trainingDate;
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm">
        <Anchor component={Link} to={recordPath('person', a.personId)} size="sm" fw={600}>{l.person(a.personId)}</Anchor>{' '}
        {how[a.status] ?? l.enumLabel('attendanceStatuses', a.status).toLowerCase()}{' '}
        <Anchor component={Link} to={recordPath('training', a.trainingId)} size="sm" fw={600}>{l.record(a.trainingId)}</Anchor>
        {on ? ` on ${formatDate(on)}` : ''}{a.score ? `, with a test score of ${a.score}%` : ''}.
      </Text>
    </Paper>
  );
}

export const attendanceArea: AreaConfig<Attendance> = {
  kind: 'attendance',
  plural: 'attendance',
  title: 'Attendance',
  noun: 'attendance record',
  about: 'Who attended which training, with test scores: the evidence of competence. Tick a whole session on the training’s page, or import the trainer’s list.',
  clause: '7.2',
  service: api.attendance,
  importKind: 'attendance',
  blank: () => ({ ...unsaved, trainingId: '', personId: '', status: 'attended', date: '', score: 0, note: '', trainingDate: '' }),
  refOf: () => '',
  titleOf: () => 'Attendance record',
  status: (a) => ({ value: a.status, enum: 'attendanceStatuses' }),
  defaultSort: { id: 'date', desc: true },
  columns: [
    col.person('person', 'Person', (a) => a.personId, 'minmax(150px, 1.5fr)'),
    { id: 'training', header: 'Training', width: 'minmax(200px, 3fr)', value: (a, l) => l.record(a.trainingId) },
    col.date('date', 'Date', (a) => a.date || a.trainingDate),
    col.status('status', 'Status', 'attendanceStatuses', (a) => a.status, '104px'),
    col.number('score', 'Score', (a) => a.score),
  ],
  filters: [{ label: 'Status', enum: 'attendanceStatuses', value: (a) => a.status }],
  fields: [
    { name: 'trainingId', label: 'Training', type: 'record', kind: 'training', span: 6 },
    { name: 'personId', label: 'Person', type: 'person', span: 6 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'attendanceStatuses', span: 4 },
    { name: 'date', label: 'Attended on', type: 'date', span: 4, description: 'Blank: the training’s date' },
    { name: 'score', label: 'Test score (%)', type: 'number', span: 4, min: 0, max: 100, description: '0 when there was no test' },
    { name: 'note', label: 'Note', type: 'textarea' },
  ],
  panels: [AttendanceSummary],
};
