// Internal audits (9.2): the audit programme's register with each audit's dates, auditor,
// status and results, the programme's coverage of the standard over its three-year cycle
// (ProgrammeView), and each audit's page with its workflow, checklist and findings
// (AuditPanel).
import { Text } from '@mantine/core';
import { api, type Audit } from '../../lib/api';
import { col } from '../../components/record/columns';
import { unsaved, type AreaConfig } from '../../components/record/kit';
import { AuditPanel } from './AuditPanels';
import { ProgrammeView } from './ProgrammeView';
import { auditorName, resultsSummary } from './results';

export const auditArea: AreaConfig<Audit> = {
  kind: 'audit',
  plural: 'audits',
  title: 'Internal audits',
  noun: 'audit',
  about:
    'The audit programme (9.2): each audit with its scope, objectives, criteria, methods, dates, an objective auditor and the auditees, its checklist of clauses and controls with results and evidence, and its findings. An audit is planned, started, reported with a conclusion once every item is assessed, and closed once every nonconformity found is raised.',
  clause: '9.2',
  service: api.audits,
  blank: () => ({
    ...unsaved, ref: '', title: '', scope: '', objectives: '', criteria: 'ISO/IEC 27001:2022 clauses 4 to 10; the ISMS policies and procedures', methods: [],
    startDate: '', endDate: '', auditorId: '', auditorName: '', auditeeIds: [], independence: '', status: 'planned', checklist: [], conclusion: '',
    reportDate: '', closedById: '', closedOn: '', positivePractices: '', distribution: '',
  }),
  refOf: (a) => a.ref,
  titleOf: (a) => a.title,
  status: (a) => ({ value: a.status, enum: 'auditStatuses' }),
  defaultSort: { id: 'start', desc: true },
  columns: [
    col.ref((a) => a.ref),
    col.text('title', 'Title', (a) => a.title, 'minmax(180px, 2.5fr)'),
    col.date('start', 'Start', (a) => a.startDate),
    col.date('end', 'End', (a) => a.endDate),
    {
      id: 'auditor', header: 'Auditor', width: 'minmax(120px, 1.2fr)',
      value: (a, l) => auditorName(a, l.person),
      render: (a, l) => <Text size="sm" truncate>{auditorName(a, l.person)}</Text>,
    },
    col.status('status', 'Status', 'auditStatuses', (a) => a.status, '120px'),
    {
      id: 'results', header: 'Results', width: 'minmax(180px, 2fr)',
      value: (a) => resultsSummary(a.checklist),
      render: (a) => <Text size="sm" c="dimmed" truncate title={resultsSummary(a.checklist)}>{resultsSummary(a.checklist) || 'No checklist yet'}</Text>,
    },
  ],
  filters: [{ label: 'Status', enum: 'auditStatuses', value: (a) => a.status }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. IA-2026-01' },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    {
      name: 'scope', label: 'Scope', type: 'textarea',
      description: 'What is audited. Name the clauses and controls (“clauses 4 to 10”, “7.2”, “A.5.15-A.5.18”, “control 8.24”, “technological controls”, “Annex A”): the checklist is proposed from them',
    },
    { name: 'objectives', label: 'Objectives', type: 'textarea', description: 'What the audit is to find out, e.g. whether access is removed on time' },
    { name: 'criteria', label: 'Criteria', type: 'textarea', description: 'Against what, e.g. ISO/IEC 27001:2022 and the ISMS policies' },
    { name: 'methods', label: 'Methods', type: 'enums', enum: 'auditMethods', description: 'How the evidence is gathered' },
    { name: 'startDate', label: 'Start', type: 'date', span: 4 },
    { name: 'endDate', label: 'End', type: 'date', span: 4 },
    {
      name: 'reportDate', label: 'Report date', type: 'date', span: 4, locked: (r) => !r || (r.status !== 'completed' && r.status !== 'closed'),
      description: 'Set when the audit is reported',
    },
    { name: 'status', label: 'Status', type: 'enum', enum: 'auditStatuses', form: false },
    { name: 'auditorId', label: 'Auditor', type: 'person', span: 6, description: 'A person of the organisation who does not audit their own work' },
    { name: 'auditorName', label: 'External auditor', type: 'text', span: 6, description: 'When the auditor is not one of your people', when: (v) => !v.auditorId },
    { name: 'auditeeIds', label: 'Auditees', type: 'people', description: 'The people interviewed or whose work is audited; not the auditor' },
    { name: 'independence', label: 'Independence', type: 'textarea', description: 'How the auditor’s objectivity and impartiality are ensured (9.2.2)' },
    { name: 'conclusion', label: 'Conclusion', type: 'textarea', description: 'Stated in the report; asked for when the audit is reported' },
    { name: 'positivePractices', label: 'Positive practices', type: 'textarea', description: 'Good practice the audit found, stated in the report' },
    { name: 'distribution', label: 'Distribution', type: 'textarea', description: 'Who receives the report, e.g. top management, the ISMS Manager and the auditees' },
    { name: 'closedById', label: 'Closed by', type: 'person', form: false },
    { name: 'closedOn', label: 'Closed on', type: 'date', form: false },
  ],
  panels: [AuditPanel],
  views: [{ id: 'programme', label: 'Audit programme', component: ProgrammeView }],
};
