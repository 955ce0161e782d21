// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RegistryEntryDetail } from '../../../../electron/shared/contract';
import { createFakeApi, makeCatalogEntry } from '../../test/fake-api';
import type { FakeRegistry } from '../../test/registry-fixtures';
import { makeRegistryEntry } from '../../test/registry-fixtures';
import { renderScreen } from '../../test/render';
import { CatalogScreen } from './catalog-screen';
import { REGISTRY_ROW_HEIGHT } from './registry-rows';

const CATALOG = [
  makeCatalogEntry({ id: 'github', name: 'GitHub', description: 'Repositories and weather of issues.' }),
  makeCatalogEntry({ id: 'linear', name: 'Linear', category: 'remote', runtimes: [], auth: 'oauth' }),
];

const REGISTRY: RegistryEntryDetail[] = [
  makeRegistryEntry(),
  makeRegistryEntry({
    name: 'io.github.acme/pyweather',
    title: 'PyWeather',
    packageTypes: ['pypi'],
    runtimes: ['uvx'],
    runnable: false,
  }),
  makeRegistryEntry({
    name: 'com.example/weather-remote',
    title: null,
    kind: 'remote',
    packageTypes: [],
    remoteTypes: ['streamable-http'],
    runtimes: [],
  }),
  makeRegistryEntry({
    name: 'io.github.old/weather-old',
    title: 'Old weather',
    status: 'deprecated',
    statusMessage: 'Use io.github.acme/weather instead.',
  }),
];

function setup(registry: Partial<FakeRegistry> = {}) {
  const fake = createFakeApi({ catalog: CATALOG, registry: { details: REGISTRY, ...registry } });
  renderScreen(<CatalogScreen />, { api: fake.api });
  return fake;
}

const registryNames = () =>
  within(screen.getByTestId('registry-section'))
    .queryAllByTestId('registry-entry')
    .map((row) => row.dataset.entryName);

describe('Catalog with the MCP registry', () => {
  it('lists registry entries below ours, with their facts and a registry badge', async () => {
    setup();
    const row = await screen.findByText('Weather');
    const item = row.closest('li')!;
    expect(within(item).getByText('1.2.3')).toBeTruthy();
    expect(within(item).getByText('Registry')).toBeTruthy();
    expect(within(item).getByTestId('registry-namespace').textContent).toBe('io.github.acme');
    expect(item.textContent).toContain('Local · npm');
    expect(row.getAttribute('href')).toBe('#/add/registry%3Aio.github.acme%2Fweather');
    // Ours come first in the document.
    const github = screen.getByText('GitHub');
    expect(github.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('searches the registry with the typed words, debounced', async () => {
    const fake = setup();
    await screen.findByText('Weather');
    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'py' } });
    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: 'pyweather' } });
    await waitFor(() => expect(registryNames()).toEqual(['io.github.acme/pyweather']));
    const queries = fake.api.searchRegistry.mock.calls.map(([input]) => input?.query);
    expect(queries).toEqual(['', 'pyweather']);
  });

  it('warns about a deprecated entry, in words, instead of its description', async () => {
    setup();
    const warning = await screen.findByTestId('registry-deprecated');
    expect(warning.textContent).toContain('Deprecated, not offered for install: Use io.github.acme/weather');
    expect(warning.closest('li')!.dataset.status).toBe('deprecated');
  });

  it('narrows by kind, package type, runtime and source', async () => {
    setup();
    await screen.findByText('Weather');
    fireEvent.change(screen.getByTestId('facet-kind'), { target: { value: 'remote' } });
    expect(registryNames()).toEqual(['com.example/weather-remote']);
    // Our remote entry stays; the local one goes.
    expect(screen.queryByText('GitHub')).toBeNull();
    expect(screen.getByText('Linear')).toBeTruthy();

    fireEvent.change(screen.getByTestId('facet-kind'), { target: { value: 'any' } });
    fireEvent.change(screen.getByTestId('facet-package'), { target: { value: 'pypi' } });
    expect(registryNames()).toEqual(['io.github.acme/pyweather']);

    fireEvent.change(screen.getByTestId('facet-package'), { target: { value: 'any' } });
    fireEvent.click(screen.getByTestId('facet-runnable'));
    expect(registryNames()).not.toContain('io.github.acme/pyweather');

    fireEvent.change(screen.getByTestId('facet-source'), { target: { value: 'built-in' } });
    expect(screen.queryByTestId('registry-section')).toBeNull();
    expect(screen.getByText('GitHub')).toBeTruthy();

    fireEvent.change(screen.getByTestId('facet-source'), { target: { value: 'registry' } });
    expect(screen.queryByText('GitHub')).toBeNull();
    expect(registryNames().length).toBeGreaterThan(0);
  });

  it('says when the answer comes from the saved copy', async () => {
    setup({ offline: true, fetchedAt: '2025-03-01T09:00:00.000Z', notice: 'The registry is busy.' });
    const note = await screen.findByTestId('registry-offline');
    expect(note.textContent).toContain('could not be reached');
    expect(note.textContent).toContain('The registry is busy.');
  });

  it('keeps only the rows in view in the DOM with thousands of entries', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      makeRegistryEntry({ name: `io.github.bulk/server-${i}`, title: `Server ${i}` }),
    );
    const fake = createFakeApi({ catalog: CATALOG, registry: { details: many } });
    renderScreen(<CatalogScreen />, { api: fake.api });
    await screen.findByText('Server 0');
    const rows = () => screen.getAllByTestId('registry-entry');
    expect(rows().length).toBeLessThan(30);
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('200');

    const list = screen.getByTestId('registry-list');
    list.scrollTop = REGISTRY_ROW_HEIGHT * 150;
    fireEvent.scroll(list);
    await screen.findByText('Server 150');
    expect(screen.queryByText('Server 0')).toBeNull();
    expect(rows().length).toBeLessThan(30);

    fireEvent.click(screen.getByTestId('registry-more'));
    await waitFor(() => expect(rows()[0]!.getAttribute('aria-setsize')).toBe('400'));
  });
});
