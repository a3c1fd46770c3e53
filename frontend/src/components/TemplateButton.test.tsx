import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import { TemplateButton } from './TemplateButton';

const mocks = vi.hoisted(() => ({ saveTemplate: vi.fn(), open: vi.fn(), show: vi.fn() }));

vi.mock(import('../lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    api: {
      ...actual.api,
      imports: { ...actual.api.imports, saveTemplate: mocks.saveTemplate },
      reports: { ...actual.api.reports, open: mocks.open },
    },
  };
});
vi.mock(import('@mantine/notifications'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, notifications: { ...actual.notifications, show: mocks.show } };
});

const { ApiError } = await import('../lib/api/errors');

describe('TemplateButton', () => {
  beforeEach(() => {
    mocks.saveTemplate.mockReset();
    mocks.show.mockReset();
  });

  it('saves the template of its kind and says where', async () => {
    mocks.saveTemplate.mockResolvedValue('/home/sam/ISMS Desk - risks template.xlsx');
    renderWithProviders(<TemplateButton kind="risks" />);
    await userEvent.click(screen.getByRole('button', { name: 'Download a template' }));
    await waitFor(() => expect(mocks.show).toHaveBeenCalledTimes(1));
    expect(mocks.saveTemplate).toHaveBeenCalledWith('risks');
    expect(mocks.show.mock.calls[0]![0]).toMatchObject({ color: 'green', title: 'Template saved' });
  });

  it('says nothing when the save dialog is closed', async () => {
    mocks.saveTemplate.mockResolvedValue('');
    renderWithProviders(<TemplateButton kind="assets" />);
    await userEvent.click(screen.getByRole('button', { name: 'Download a template' }));
    await waitFor(() => expect(mocks.saveTemplate).toHaveBeenCalledWith('assets'));
    expect(mocks.show).not.toHaveBeenCalled();
  });

  it('shows why a template was not saved', async () => {
    mocks.saveTemplate.mockRejectedValue(new ApiError('invalid', 'unable to write /x.xlsx: permission denied'));
    renderWithProviders(<TemplateButton kind="people" />);
    await userEvent.click(screen.getByRole('button', { name: 'Download a template' }));
    await waitFor(() => expect(mocks.show).toHaveBeenCalledTimes(1));
    expect(mocks.show.mock.calls[0]![0]).toMatchObject({ color: 'red', title: 'Template not saved', message: 'unable to write /x.xlsx: permission denied' });
  });
});
