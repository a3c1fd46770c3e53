import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { TraceColumn, TraceItem, TraceView } from '../../lib/api/trace';
import { TracePanel, largeChain } from './TracePanel';

const mocks = vi.hoisted(() => ({ of: vi.fn() }));

vi.mock(import('../../lib/api/trace'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, traceApi: { ...actual.traceApi, of: mocks.of } };
});

const { ApiError } = await import('../../lib/api/errors');

function item(over: Partial<TraceItem>): TraceItem {
  return {
    kind: 'control', kindLabel: 'Control', id: 'c1', ref: 'A.8.24', title: 'Use of cryptography', status: 'in_progress',
    statusLabel: 'In progress', via: 'linked', viaLabel: 'Linked', reasons: [], ...over,
  };
}

const columnLabels: Record<string, string> = {
  requirements: 'Requirements', risks: 'Risks', assets: 'Assets', controls: 'Controls', policies: 'Policies', kpis: 'KPIs',
  evidence: 'Evidence', audits: 'Audits and nonconformities',
};

function view(items: Partial<Record<string, TraceItem[]>>, over: Partial<TraceView> = {}): TraceView {
  const start = item({ kind: 'requirement', kindLabel: 'Requirement', id: 'r1', ref: 'GDPR-32', title: 'Security of processing', status: 'partial', statusLabel: 'Partially compliant', via: 'start', viaLabel: 'This record' });
  const columns: TraceColumn[] = Object.entries(columnLabels).map(([key, label]) => ({ key, label, items: items[key] ?? [] }));
  const size = columns.reduce((n, c) => n + c.items.filter((i) => i.via !== 'start').length, 0);
  return { start, columns, clauses: [], size, gaps: [], gapCounts: [], ...over };
}

const startItem = view({}).start;

const renderPanel = () => renderWithProviders(<TracePanel kind="requirement" id="r1" />);

describe('TracePanel', () => {
  // Braces: a function returned from beforeEach would run as its teardown.
  beforeEach(() => {
    mocks.of.mockReset();
  });

  it('fails with the backend message without a window', async () => {
    const actual = await vi.importActual<typeof import('../../lib/api/trace')>('../../lib/api/trace');
    mocks.of.mockImplementation(actual.traceApi.of);
    renderPanel();
    expect(await screen.findByText(/The application backend is not available/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Traceability' })).toBeInTheDocument();
  });

  it('shows why the chain could not be read and tries again', async () => {
    const user = userEvent.setup();
    mocks.of.mockRejectedValueOnce(new ApiError('not_found', 'no requirement has the id r1'));
    mocks.of.mockResolvedValueOnce(view({ requirements: [startItem] }));
    renderPanel();
    expect(await screen.findByText('no requirement has the id r1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Nothing links this record/)).toBeInTheDocument();
    expect(mocks.of).toHaveBeenCalledWith('requirement', 'r1');
  });

  it('says how to start a chain, with the gap in words', async () => {
    mocks.of.mockResolvedValue(
      view({ requirements: [startItem] }, { gaps: [{ kind: 'requirement_no_control', itemKind: 'requirement', id: 'r1', ref: 'GDPR-32', message: 'GDPR-32 has no control' }] }),
    );
    renderPanel();
    expect(await screen.findByText(/Nothing links this record/)).toBeInTheDocument();
    expect(screen.getByText('GDPR-32 has no control')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /the chain/ })).toBeNull();
  });

  it('shows a small chain as columns of links, marking what is only named in the text', async () => {
    mocks.of.mockResolvedValue(
      view(
        {
          requirements: [startItem],
          controls: [item({ reasons: ['covers GDPR-32'] })],
          evidence: [item({ kind: 'evidence', kindLabel: 'Evidence', id: 'e1', ref: '', title: 'Key register', status: '', statusLabel: '', reasons: ['evidence of A.8.24'] })],
          audits: [
            item({ kind: 'audit', kindLabel: 'Internal audit', id: 'a1', ref: 'IA-1', title: 'First audit', status: 'planned', statusLabel: 'Planned', via: 'named', viaLabel: 'Named in the text', reasons: ['names A.8.24 in checklist item 1'] }),
            item({ kind: 'nonconformity', kindLabel: 'Nonconformity', id: 'n1', ref: 'NC-1', title: 'Keys in a wiki', status: 'open', statusLabel: 'Open', reasons: ['raised by F-1'] }),
          ],
        },
        {
          clauses: [{ ref: '7.2', title: 'Competence' }],
          gaps: [{ kind: 'control_no_evidence', itemKind: 'control', id: 'c2', ref: 'A.5.15', message: 'A.5.15 has no evidence' }],
        },
      ),
    );
    renderPanel();
    const controls = await screen.findByRole('region', { name: 'Controls' });
    expect(within(controls).getByRole('link', { name: 'A.8.24' })).toHaveAttribute('href', '/records/controls/c1');
    expect(within(controls).getByText('In progress')).toBeInTheDocument();
    expect(within(controls).getByText('covers GDPR-32')).toBeInTheDocument();

    const requirements = screen.getByRole('region', { name: 'Requirements' });
    expect(within(requirements).queryByRole('link')).toBeNull(); // the record itself
    expect(within(requirements).getByText('This record')).toBeInTheDocument();
    expect(within(requirements).getByText('Partially compliant')).toBeInTheDocument();

    expect(within(screen.getByRole('region', { name: 'Evidence' })).getByRole('link', { name: 'Key register' })).toHaveAttribute('href', '/records/evidence/e1');
    expect(within(screen.getByRole('region', { name: 'Risks' })).getByText('None')).toBeInTheDocument();

    const audits = screen.getByRole('region', { name: 'Audits and nonconformities' });
    const audit = within(audits).getByRole('link', { name: 'IA-1' }).closest('li')!;
    expect(within(audit).getByText('Named in the text')).toBeInTheDocument();
    expect(within(audit).getByText('Internal audit')).toBeInTheDocument();
    const nc = within(audits).getByRole('link', { name: 'NC-1' }).closest('li')!;
    expect(within(nc).queryByText('Named in the text')).toBeNull();
    expect(within(audits).getByRole('link', { name: 'NC-1' })).toHaveAttribute('href', '/records/nonconformities/n1');

    expect(screen.getByText('A.5.15 has no evidence')).toBeInTheDocument();
    expect(screen.getByText('1 gap')).toBeInTheDocument();
    expect(screen.getByText('4 linked records')).toBeInTheDocument();
    expect(screen.getByText(/Clauses followed: 7\.2 Competence/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hide the chain' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('keeps a large chain collapsed behind a button, with its gaps in view', async () => {
    const user = userEvent.setup();
    const risks = Array.from({ length: largeChain + 1 }, (_, i) =>
      item({ kind: 'risk', kindLabel: 'Risk', id: `k${i}`, ref: `R-${i + 1}`, title: `Risk ${i + 1}`, status: 'treated', statusLabel: 'Treated' }),
    );
    mocks.of.mockResolvedValue(
      view({ requirements: [startItem], risks }, { gaps: [{ kind: 'control_not_audited', itemKind: 'control', id: 'c1', ref: 'A.8.24', message: 'A.8.24 has not been audited' }] }),
    );
    renderPanel();
    const show = await screen.findByRole('button', { name: 'Show the chain' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Risks' })).toBeNull();
    expect(screen.getByText(`Requirements 1 · Risks ${largeChain + 1}`)).toBeInTheDocument();
    expect(screen.getByText('A.8.24 has not been audited')).toBeInTheDocument();

    await user.click(show);
    const column = screen.getByRole('region', { name: 'Risks' });
    expect(within(column).getAllByRole('link')).toHaveLength(largeChain + 1);
    await user.click(screen.getByRole('button', { name: 'Hide the chain' }));
    expect(screen.queryByRole('region', { name: 'Risks' })).toBeNull();
  });

  it('says when the chain has no gaps', async () => {
    mocks.of.mockResolvedValue(view({ requirements: [startItem], controls: [item({})] }));
    renderPanel();
    expect(await screen.findByText('No gaps in this chain.')).toBeInTheDocument();
    expect(screen.getByText('1 linked record')).toBeInTheDocument();
  });
});
