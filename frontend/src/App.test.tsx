import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from './test/render';
import { App } from './App';

const info = vi.hoisted(() => vi.fn());

vi.mock(import('./lib/api'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, api: { ...actual.api, system: { ...actual.api.system, info } } };
});

describe('App', () => {
  it('shows a full-page error when the data folder cannot be opened', async () => {
    info.mockResolvedValue({
      name: 'ISMS Desk', version: '0.1.0', dataDir: '/data/isms', schemaVersion: 0,
      error: 'the data folder is in use by another ISMS Desk window',
    });
    renderWithProviders(<App />);
    expect(await screen.findByRole('heading', { name: 'The data folder could not be opened' })).toBeInTheDocument();
    expect(screen.getByText('the data folder is in use by another ISMS Desk window')).toBeInTheDocument();
    expect(screen.getByText('/data/isms')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});
