// The inventory of information and other associated assets (A.5.9, A.5.12): owner,
// custodian, location and classification, linked to the risks to them and the controls
// that protect them.
import { api, type Asset } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig } from '../../components/record/kit';


export const assetArea: AreaConfig<Asset> = {
  kind: 'asset',
  plural: 'assets',
  title: 'Assets',
  noun: 'asset',
  about: 'The inventory of information and other associated assets, each with its owner, custodian, location and classification, linked to the risks to it and the controls that protect it.',
  clause: 'A.5.9, A.5.12',
  service: api.assets,
  importKind: 'assets',
  blank: () => ({
    ...unsaved, ref: '', name: '', type: 'information', ownerId: '', custodianId: '', location: '', classification: '', description: '',
    acquiredOn: '', reviewDate: '', status: 'in_use', riskIds: [], controlIds: [], notes: '',
  }),
  refOf: (a) => a.ref,
  titleOf: (a) => a.name,
  status: (a) => ({ value: a.status, enum: 'assetStatuses' }),
  columns: [
    col.ref((a) => a.ref),
    col.text('name', 'Asset', (a) => a.name, 'minmax(180px, 3fr)'),
    col.label('type', 'Type', 'assetTypes', (a) => a.type, '110px'),
    col.person('owner', 'Owner', (a) => a.ownerId),
    col.dim('location', 'Location', (a) => a.location, 'minmax(100px, 1fr)'),
    col.status('classification', 'Classification', 'classifications', (a) => a.classification, '120px'),
    col.status('status', 'Status', 'assetStatuses', (a) => a.status, '96px'),
    col.date('review', 'Review', (a) => a.reviewDate, (a) => a.status !== 'retired' && !!a.reviewDate && a.reviewDate < today()),
  ],
  filters: [
    { label: 'Type', enum: 'assetTypes', value: (a) => a.type },
    { label: 'Classification', enum: 'classifications', value: (a) => a.classification },
  ],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. AST-001' },
    { name: 'name', label: 'Name', type: 'text', span: 8 },
    { name: 'type', label: 'Type', type: 'enum', enum: 'assetTypes', span: 4 },
    { name: 'classification', label: 'Classification', type: 'enum', enum: 'classifications', span: 4 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'assetStatuses', span: 4 },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    { name: 'custodianId', label: 'Custodian', type: 'person', span: 6 },
    { name: 'location', label: 'Location', type: 'text' },
    { name: 'description', label: 'Description', type: 'textarea' },
    { name: 'acquiredOn', label: 'Acquired on', type: 'date', span: 6 },
    { name: 'reviewDate', label: 'Next review', type: 'date', span: 6 },
    { name: 'riskIds', label: 'Risks to it', type: 'records', kind: 'risk' },
    { name: 'controlIds', label: 'Controls that protect it', type: 'records', kind: 'control' },
    { name: 'notes', label: 'Notes', type: 'textarea' },
  ],
};
