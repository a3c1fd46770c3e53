// Names of the window's screens, for the title bar and the command palette.
import { areaOfPlural, recordAreas } from '../../lib/areas';

const fixed: Record<string, string> = {
  '/': 'Dashboard',
  '/due': 'What is due',
  '/import': 'Import from Excel',
  '/import/history': 'Import history',
  '/reports': 'Reports',
  '/data': 'Data & backup',
  '/organisation': 'Organisation',
  '/requirements': 'Requirements',
  '/requirements/gap': 'Gap analysis',
};

/** screenName names the screen a route shows, e.g. "Risks" or "Risks › record". */
export function screenName(pathname: string): string {
  if (fixed[pathname]) return fixed[pathname]!;
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'requirements' && parts.length === 2) return 'Requirement';
  if (parts[0] === 'records' && parts[1]) {
    const found = areaOfPlural(parts[1]);
    if (!found) return '';
    return parts.length > 2 ? `${found.kind.label} › record` : found.kind.label;
  }
  return '';
}

export interface Destination {
  id: string;
  label: string;
  description: string;
  path: string;
  /** A register whose create form `?new=1` opens. */
  creates?: string;
}

/** destinations lists every screen the palette and the menu can open. */
export function destinations(): Destination[] {
  const out: Destination[] = [
    { id: 'dashboard', label: 'Dashboard', description: 'What needs you and where the ISMS stands', path: '/' },
    { id: 'due', label: 'What is due', description: 'Everything due and overdue', path: '/due' },
    { id: 'requirements', label: 'Requirements', description: 'Requirements register', path: '/requirements', creates: 'requirement' },
    { id: 'gap', label: 'Gap analysis', description: 'Coverage of requirements by controls and evidence', path: '/requirements/gap' },
  ];
  for (const area of recordAreas) {
    for (const k of area.kinds) {
      out.push({ id: `area:${k.plural}`, label: k.label, description: area.label + (area.clause ? ` (${area.clause})` : ''), path: `/records/${k.plural}`, creates: k.plural });
    }
  }
  out.push(
    { id: 'import', label: 'Import from Excel', description: 'Bring a register in from a spreadsheet', path: '/import' },
    { id: 'reports', label: 'Reports', description: 'Export the workbooks for the board and the auditor', path: '/reports' },
    { id: 'organisation', label: 'Organisation', description: 'Name, ISMS scope and risk method', path: '/organisation' },
    { id: 'data', label: 'Data & backup', description: 'Back up, restore, verify the history', path: '/data' },
  );
  return out;
}
