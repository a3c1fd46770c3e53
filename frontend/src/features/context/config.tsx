// Context of the organisation (4.1, 4.2): internal and external issues and interested
// parties, each with its review date and what changed since the last management review.
import { api, type Issue, type Party } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig } from '../../components/record/kit';


export const issueArea: AreaConfig<Issue> = {
  kind: 'issue',
  plural: 'issues',
  title: 'Internal and external issues',
  noun: 'issue',
  about: 'The internal and external issues that affect what the ISMS can achieve, reviewed regularly; what changed is reported to the management review (9.3.2 b).',
  clause: '4.1',
  service: api.issues,
  blank: () => ({
    ...unsaved, ref: '', title: '', type: 'external', category: '', description: '', impact: '', ownerId: '', status: 'open',
    dateIdentified: today(), lastReviewed: '', nextReview: '', changedSinceReview: false, changeNote: '', riskIds: [],
  }),
  refOf: (r) => r.ref,
  titleOf: (r) => r.title,
  status: (r) => ({ value: r.status, enum: 'issueStatuses' }),
  columns: [
    col.ref((r) => r.ref),
    col.text('title', 'Issue', (r) => r.title, 'minmax(180px, 3fr)'),
    col.label('type', 'Type', 'issueTypes', (r) => r.type, '90px'),
    col.label('category', 'Category', 'issueCategories', (r) => r.category, 'minmax(110px, 1fr)'),
    col.person('owner', 'Owner', (r) => r.ownerId),
    col.status('status', 'Status', 'issueStatuses', (r) => r.status, '110px'),
    col.date('nextReview', 'Next review', (r) => r.nextReview, (r) => r.status !== 'closed' && !!r.nextReview && r.nextReview < today()),
  ],
  filters: [
    { label: 'Type', enum: 'issueTypes', value: (r) => r.type },
    { label: 'Status', enum: 'issueStatuses', value: (r) => r.status },
  ],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. ISS-01' },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    { name: 'type', label: 'Internal or external', type: 'enum', enum: 'issueTypes', span: 4 },
    { name: 'category', label: 'Category', type: 'enum', enum: 'issueCategories', span: 4 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'issueStatuses', span: 4 },
    { name: 'description', label: 'Description', type: 'textarea' },
    { name: 'impact', label: 'Effect on the ISMS', type: 'textarea', placeholder: 'How it affects the intended outcomes of the ISMS' },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    { name: 'dateIdentified', label: 'Identified on', type: 'date', span: 6 },
    { name: 'lastReviewed', label: 'Last reviewed', type: 'date', span: 6 },
    { name: 'nextReview', label: 'Next review', type: 'date', span: 6 },
    { name: 'changedSinceReview', label: 'Changed since the last management review', type: 'bool' },
    { name: 'changeNote', label: 'What changed', type: 'textarea', when: (v) => v.changedSinceReview },
    { name: 'riskIds', label: 'Risks it gives rise to', type: 'records', kind: 'risk' },
  ],
};

export const partyArea: AreaConfig<Party> = {
  kind: 'party',
  plural: 'parties',
  title: 'Interested parties',
  noun: 'interested party',
  about: 'The interested parties of the ISMS and their needs and expectations, reviewed regularly; what changed is reported to the management review (9.3.2 c).',
  clause: '4.2',
  service: api.parties,
  blank: () => ({
    ...unsaved, ref: '', name: '', category: 'customer', internal: false, needs: '', influence: '', ownerId: '',
    lastReviewed: '', nextReview: '', changedSinceReview: false, changeNote: '', requirementIds: [], notes: '',
  }),
  refOf: (r) => r.ref,
  titleOf: (r) => r.name,
  columns: [
    col.ref((r) => r.ref),
    col.text('name', 'Party', (r) => r.name, 'minmax(160px, 2fr)'),
    col.label('category', 'Category', 'partyCategories', (r) => r.category, 'minmax(110px, 1fr)'),
    col.dim('needs', 'Needs and expectations', (r) => r.needs, 'minmax(160px, 3fr)'),
    col.label('influence', 'Influence', 'influences', (r) => r.influence, '90px'),
    col.person('owner', 'Owner', (r) => r.ownerId),
    col.date('nextReview', 'Next review', (r) => r.nextReview, (r) => !!r.nextReview && r.nextReview < today()),
  ],
  filters: [{ label: 'Category', enum: 'partyCategories', value: (r) => r.category }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. IP-01' },
    { name: 'name', label: 'Name', type: 'text', span: 8 },
    { name: 'category', label: 'Category', type: 'enum', enum: 'partyCategories', span: 4 },
    { name: 'influence', label: 'Influence', type: 'enum', enum: 'influences', span: 4 },
    { name: 'internal', label: 'Inside the organisation', type: 'bool', span: 4 },
    { name: 'needs', label: 'Needs and expectations', type: 'textarea' },
    { name: 'ownerId', label: 'Relationship owner', type: 'person', span: 6 },
    { name: 'lastReviewed', label: 'Last reviewed', type: 'date', span: 3 },
    { name: 'nextReview', label: 'Next review', type: 'date', span: 3 },
    { name: 'changedSinceReview', label: 'Needs changed since the last management review', type: 'bool' },
    { name: 'changeNote', label: 'What changed', type: 'textarea', when: (v) => v.changedSinceReview },
    { name: 'requirementIds', label: 'Requirements that come from the party', type: 'records', kind: 'requirement' },
    { name: 'notes', label: 'Notes', type: 'textarea' },
  ],
};
