import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import { RequirementFormBody } from './RequirementForm';
import type { Requirement } from '../../lib/api';

const mocks = vi.hoisted(() => ({
  create: vi.fn(),
  update: vi.fn(),
  options: vi.fn(),
}));

vi.mock(import('../../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    api: {
      ...actual.api,
      requirements: {
        ...actual.api.requirements,
        create: mocks.create,
        update: mocks.update,
        options: mocks.options,
      },
    },
  };
});

const { ApiError } = await import('../../lib/api');

const options = {
  sources: [{ value: 'legal', label: 'Legal' }, { value: 'business', label: 'Business' }],
  statuses: [{ value: 'not_assessed', label: 'Not assessed' }, { value: 'compliant', label: 'Compliant' }],
  people: [{ value: 'p1', label: 'Ann Auditor' }],
  controls: [{ value: 'c1', label: 'A.5.1 Policies for information security' }],
  policies: [],
};

const existing: Requirement = {
  id: 'r1', version: 3, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z', ref: 'GDPR-32',
  title: 'Security of processing', text: '', sourceType: 'legal', source: 'GDPR', ownerId: 'p1', applicable: true,
  status: 'compliant', evidence: '', dueDate: '2025-06-30', notes: '', controlIds: ['c1'], policyIds: [],
};

describe('RequirementForm', () => {
  beforeEach(() => {
    mocks.create.mockReset();
    mocks.update.mockReset();
    mocks.options.mockReset().mockResolvedValue(options);
  });

  it('shows Go field errors on the fields', async () => {
    const user = userEvent.setup();
    mocks.create.mockRejectedValue(
      new ApiError('invalid', 'the requirement is not valid', { ref: 'must be at most 64 characters', title: 'is required' }),
    );
    renderWithProviders(<RequirementFormBody onCancel={() => {}} />);
    await user.type(screen.getByLabelText('Reference'), 'X'.repeat(70));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByText('Title is required')).toBeInTheDocument());
    expect(screen.getByText('Reference must be at most 64 characters')).toBeInTheDocument();
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Title is required');
    // The defaults went to Go unchanged: Go decides, not the form.
    expect(mocks.create).toHaveBeenCalledWith(
      expect.objectContaining({ ref: 'X'.repeat(70), title: '', applicable: true, status: 'not_assessed', dueDate: '' }),
    );
  });

  it('shows an error without fields as a message', async () => {
    const user = userEvent.setup();
    mocks.create.mockRejectedValue(new ApiError('locked', 'the data folder is not open'));
    renderWithProviders(<RequirementFormBody onCancel={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('the data folder is not open')).toBeInTheDocument();
  });

  it('sends the version it read when editing and reports a conflict', async () => {
    const user = userEvent.setup();
    mocks.update.mockRejectedValue(new ApiError('conflict', 'the requirement changed'));
    const reload = vi.fn().mockResolvedValue({ ...existing, version: 4, title: 'Changed elsewhere' });
    renderWithProviders(<RequirementFormBody requirement={existing} onReload={reload} onCancel={() => {}} />);
    expect(screen.getByLabelText('Title')).toHaveValue('Security of processing');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(mocks.update).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1', version: 3, controlIds: ['c1'] }));
    expect(await screen.findByText('This requirement was changed elsewhere')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Changed elsewhere'));

    mocks.update.mockResolvedValue({ ...existing, version: 5 });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mocks.update).toHaveBeenLastCalledWith(expect.objectContaining({ version: 4 })));
  });
});
