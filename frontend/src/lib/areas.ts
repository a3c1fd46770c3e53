// The areas of the product as the navigation shows them, and the record kinds each covers.

export interface AreaKind {
  /** The kind's plural, as the Go services and the routes use it. */
  plural: string;
  /** The tab label. */
  label: string;
  /** What the records are for, shown when there are none. */
  purpose: string;
}

export interface Area {
  id: string;
  label: string;
  clause: string;
  kinds: AreaKind[];
}

/** Every area except Dashboard and Requirements, which have their own screens. */
export const recordAreas: Area[] = [
  { id: 'objectives', label: 'Objectives', clause: '6.2', kinds: [
    { plural: 'objectives', label: 'Objectives', purpose: 'ISMS objectives aligned to business goals, each with a measure, target, owner and deadline.' },
  ] },
  { id: 'issues', label: 'Issues & parties', clause: '4.1, 4.2', kinds: [
    { plural: 'issues', label: 'Internal and external issues', purpose: 'The internal and external issues that shape the ISMS.' },
    { plural: 'parties', label: 'Interested parties', purpose: 'Interested parties and their needs and expectations.' },
  ] },
  { id: 'policies', label: 'Policies', clause: '5.2, 7.5', kinds: [
    { plural: 'policies', label: 'Policies', purpose: 'Policies and procedures with versions, approval and review dates.' },
  ] },
  { id: 'controls', label: 'Controls (SoA)', clause: '6.1.3', kinds: [
    { plural: 'controls', label: 'Controls', purpose: 'The Annex A controls and custom controls: the Statement of Applicability.' },
  ] },
  { id: 'risks', label: 'Risks', clause: '6.1.2, 8.2', kinds: [
    { plural: 'risks', label: 'Risks', purpose: 'The risk register: threats, vulnerabilities, scores, owners and treatment.' },
  ] },
  { id: 'assets', label: 'Assets', clause: 'A.5.9', kinds: [
    { plural: 'assets', label: 'Assets', purpose: 'The inventory of information and other associated assets.' },
  ] },
  { id: 'evidence', label: 'Evidence', clause: '7.5', kinds: [
    { plural: 'evidence', label: 'Evidence', purpose: 'Files and links attached to requirements, controls, risks, policies, audits, nonconformities and reviews, with who added them and when they expire. Attach them from the record they support.' },
  ] },
  { id: 'training', label: 'Training', clause: '7.2', kinds: [
    { plural: 'trainings', label: 'Trainings', purpose: 'Training sessions: topic, audience, date, trainer and materials.' },
    { plural: 'attendance', label: 'Attendance', purpose: 'Who attended which training.' },
  ] },
  { id: 'awareness', label: 'Awareness & communication', clause: '7.3, 7.4', kinds: [
    { plural: 'campaigns', label: 'Awareness campaigns', purpose: 'Awareness campaigns by channel, audience and period.' },
    { plural: 'communications', label: 'Communication log', purpose: 'What was communicated, when, to whom and how.' },
  ] },
  { id: 'kpis', label: 'KPIs & measurements', clause: '9.1', kinds: [
    { plural: 'kpis', label: 'KPIs', purpose: 'KPIs with method, frequency, target and thresholds.' },
    { plural: 'measurements', label: 'Measurements', purpose: 'Dated KPI measurements that drive trends and RAG status.' },
  ] },
  { id: 'audits', label: 'Internal audits & findings', clause: '9.2', kinds: [
    { plural: 'audits', label: 'Internal audits', purpose: 'The audit programme: scope, criteria, dates, auditor and checklist.' },
    { plural: 'findings', label: 'Audit findings', purpose: 'Findings raised by internal audits.' },
  ] },
  { id: 'reviews', label: 'Management reviews & actions', clause: '9.3', kinds: [
    { plural: 'reviews', label: 'Management reviews', purpose: 'Management review meetings with their 9.3.2 inputs, minutes and decisions.' },
    { plural: 'actions', label: 'Actions', purpose: 'Actions decided by reviews and corrective actions, with owners and due dates.' },
  ] },
  { id: 'nonconformities', label: 'Nonconformities', clause: '10.2', kinds: [
    { plural: 'nonconformities', label: 'Nonconformities', purpose: 'Nonconformities with correction, root cause, corrective actions and effectiveness review.' },
  ] },
  { id: 'improvements', label: 'Improvements', clause: '10.1', kinds: [
    { plural: 'improvements', label: 'Improvements', purpose: 'Improvement initiatives with goal, owner, status and dates.' },
  ] },
  { id: 'timeline', label: 'Timeline', clause: '', kinds: [
    { plural: 'milestones', label: 'Programme timeline', purpose: 'Milestones of the ISMS programme.' },
  ] },
  { id: 'people', label: 'People & roles', clause: '5.3', kinds: [
    { plural: 'people', label: 'People', purpose: 'People who own and approve records.' },
    { plural: 'roles', label: 'Roles', purpose: 'ISMS roles and their responsibilities.' },
  ] },
  { id: 'feedback', label: 'Surveys & feedback', clause: '', kinds: [
    { plural: 'surveys', label: 'Surveys', purpose: 'Surveys and feedback sessions with their results.' },
    { plural: 'feedback', label: 'Feedback', purpose: 'Feedback items, which can become improvements.' },
  ] },
];

/** areaOfPlural finds the area that covers a kind's plural. */
export function areaOfPlural(plural: string): { area: Area; kind: AreaKind } | undefined {
  for (const area of recordAreas) {
    const kind = area.kinds.find((k) => k.plural === plural);
    if (kind) return { area, kind };
  }
  return undefined;
}

const pluralOfKind: Record<string, string> = {
  objective: 'objectives', requirement: 'requirements', issue: 'issues', party: 'parties', policy: 'policies',
  control: 'controls', risk: 'risks', training: 'trainings', attendance: 'attendance', campaign: 'campaigns',
  communication: 'communications', kpi: 'kpis', measurement: 'measurements', audit: 'audits', finding: 'findings',
  review: 'reviews', action: 'actions', nonconformity: 'nonconformities', improvement: 'improvements',
  milestone: 'milestones', person: 'people', role: 'roles', survey: 'surveys', feedback: 'feedback',
  asset: 'assets', evidence: 'evidence',
};

/** recordPath is the route of a record's detail view. */
export function recordPath(kind: string, id: string): string {
  if (kind === 'requirement' || kind === 'requirements') return `/requirements/${encodeURIComponent(id)}`;
  const plural = pluralOfKind[kind] ?? kind;
  return `/records/${plural}/${encodeURIComponent(id)}`;
}

/** areaPath is the route of a kind's list. */
export function areaPath(kindOrPlural: string): string {
  if (kindOrPlural === 'requirement' || kindOrPlural === 'requirements') return '/requirements';
  return `/records/${pluralOfKind[kindOrPlural] ?? kindOrPlural}`;
}
