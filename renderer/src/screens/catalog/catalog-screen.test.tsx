// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import type { CatalogEntry } from '../../../../electron/shared/contract';
import { createFakeApi, makeCatalogEntry } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { CatalogScreen } from './catalog-screen';

const ENTRIES: CatalogEntry[] = [
  makeCatalogEntry({ id: 'github', name: 'GitHub', description: 'Repositories, issues and pull requests.' }),
  makeCatalogEntry({
    id: 'gmail',
    name: 'Gmail',
    description: 'Read and send mail.',
    auth: 'oauth',
    icon: 'data:image/svg+xml;base64,PHN2Zy8+',
  }),
  makeCatalogEntry({
    id: 'memory',
    name: 'Memory',
    description: 'A knowledge graph kept on this computer.',
    category: 'community',
    auth: 'none',
    runtimes: [{ name: 'npx', found: true, hint: null }],
  }),
  makeCatalogEntry({
    id: 'fetch',
    name: 'Fetch',
    description: 'Fetches web pages.',
    category: 'community',
    auth: 'none',
    runtimes: [{ name: 'uvx', found: false, hint: 'Install uv from https://docs.astral.sh/uv/.' }],
  }),
  makeCatalogEntry({
    id: 'linear',
    name: 'Linear',
    description: 'Issues.',
    category: 'remote',
    auth: 'oauth',
    runtimes: [],
  }),
];

function setup(catalog = ENTRIES) {
  const fake = createFakeApi({ catalog });
  renderScreen(<CatalogScreen />, { api: fake.api });
  return fake;
}

const names = () => screen.queryAllByTestId('catalog-entry').map((li) => li.getAttribute('data-entry-id'));
const search = (text: string) =>
  fireEvent.change(screen.getByLabelText('Search integrations'), { target: { value: text } });

describe('Catalog', () => {
  it('groups entries (built-in, community, remote), each with icon, description and needs', async () => {
    setup();
    const groups = await screen.findAllByTestId('catalog-group');
    expect(groups.map((g) => within(g).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Built in (2)',
      'Community (2)',
      'Remote servers (1)',
    ]);
    expect(names()).toEqual(['github', 'gmail', 'fetch', 'memory', 'linear']);

    const github = screen.getAllByTestId('catalog-entry')[0]!;
    const link = within(github).getByRole('link', { name: 'GitHub' });
    expect(link.getAttribute('href')).toBe('#/add/github');
    expect(github.textContent).toContain('Repositories, issues and pull requests.');
    expect(github.querySelector('.entry-icon--initials')?.textContent).toBe('GI');
    expect(within(github).getByTestId('entry-needs').textContent).toBe('Sign-innode found');
    const gmail = screen.getAllByTestId('catalog-entry')[1]!;
    expect(gmail.querySelector('img')?.getAttribute('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(gmail.querySelector('img')?.getAttribute('alt')).toBe('');
  });

  it('says when a needed runtime is missing, and what to install', async () => {
    setup();
    const fetch = (await screen.findAllByTestId('catalog-entry')).find(
      (li) => li.getAttribute('data-entry-id') === 'fetch',
    )!;
    const chip = within(fetch).getByText('uvx not found');
    expect(chip.closest('li')?.className).toContain('need--missing');
    expect(chip.closest('li')?.querySelector('[data-icon="triangle"]')).not.toBeNull();
    expect(within(fetch).getByTestId('runtime-hint').textContent).toBe(
      'Install uv from https://docs.astral.sh/uv/.',
    );
  });

  it('searches name, description and id, and says how many match', async () => {
    setup();
    await screen.findAllByTestId('catalog-entry');
    search('mail');
    await waitFor(() => expect(names()).toEqual(['gmail']));
    expect(screen.getByTestId('catalog-count').textContent).toBe('1 integration matches');
    search('KNOWLEDGE computer');
    await waitFor(() => expect(names()).toEqual(['memory']));
    search('linear');
    await waitFor(() => expect(names()).toEqual(['linear']));
  });

  it('has an empty state for a search without results, with a way back', async () => {
    setup();
    await screen.findAllByTestId('catalog-entry');
    search('zzz');
    const empty = await screen.findByTestId('catalog-empty');
    expect(empty.textContent).toContain('Nothing matches “zzz”');
    fireEvent.click(within(empty).getByRole('button', { name: 'Clear the search' }));
    await waitFor(() => expect(names()).toHaveLength(5));
    expect(screen.getByTestId('add-custom-link').getAttribute('href')).toBe('#/add/custom');
    expect(screen.getByTestId('add-bundle-link').getAttribute('href')).toBe('#/add/bundle');
  });

  it('shows loading, then an error with a retry that works', async () => {
    const fake = createFakeApi({ catalog: ENTRIES });
    fake.api.listCatalog.mockRejectedValueOnce(
      new ApiError({ code: 'internal', message: 'The catalog is unreadable.' }),
    );
    renderScreen(<CatalogScreen />, { api: fake.api });
    expect(screen.getByTestId('loading-state').textContent).toBe('Loading the catalog…');
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('The catalog is unreadable.');
    // The other ways to add stay available.
    expect(screen.getByTestId('add-custom-link')).toBeTruthy();
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('catalog-entry')).toHaveLength(5);
  });

  it('stays usable with a long catalog: a keystroke costs the rows shown, not the whole catalog', async () => {
    // Counts how often anything reads an entry's description: indexing, searching and rendering all do.
    let reads = 0;
    const many = Array.from({ length: 1000 }, (_, i) => {
      const entry = makeCatalogEntry({
        id: `server-${i}`,
        name: `Server ${String(i).padStart(4, '0')}`,
        description: i % 100 === 0 ? 'Weather forecasts.' : 'Something else.',
        category: i % 2 ? 'community' : 'built-in',
      });
      const { description } = entry;
      Object.defineProperty(entry, 'description', {
        enumerable: true,
        get: () => {
          reads++;
          return description;
        },
      });
      return entry;
    });
    setup(many);
    expect(await screen.findAllByTestId('catalog-entry')).toHaveLength(1000);
    act(() => {
      search('weather');
    });
    await waitFor(() => expect(names()).toHaveLength(10));

    reads = 0;
    act(() => {
      search('weather 0100');
    });
    await waitFor(() => expect(names()).toEqual(['server-100']));
    expect(screen.getByTestId('catalog-count').textContent).toBe('1 integration matches');
    // The search text is indexed once per catalog load, so only the rows shown (10, then 1) are
    // read again. Re-indexing per keystroke, or any other per-keystroke pass over the entries,
    // reads all 1000.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThan(many.length / 10);
  });
});
