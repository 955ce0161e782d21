// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../electron/shared/api';
import type { CatalogField, InstanceDetail } from '../../../../../electron/shared/contract';
import { createFakeApi, makeAccount, makeCatalogEntry, makeDetail } from '../../../test/fake-api';
import { ApiProvider } from '../../../api/api-provider';
import { renderScreen } from '../../../test/render';
import { ServicesScreen } from '../../services-screen';
import { InstanceDetailScreen } from '../instance-detail-screen';
import { IntegrationSettings } from './integration-settings';

const field = (overrides: Partial<CatalogField> & Pick<CatalogField, 'key' | 'title'>): CatalogField => ({
  type: 'string',
  description: '',
  required: false,
  sensitive: false,
  multiple: false,
  default: null,
  min: null,
  max: null,
  ...overrides,
});

/** Notion as the catalog has it: a secret, the API address, and a number to check ranges. */
const NOTION = makeCatalogEntry({
  id: 'notion',
  name: 'Notion',
  auth: 'api-key',
  fields: [
    field({
      key: 'integration_token',
      title: 'Internal integration secret',
      description: 'Create an internal integration and copy its secret.',
      required: true,
      sensitive: true,
    }),
    field({ key: 'api_url', title: 'API address', default: 'https://api.notion.com' }),
    field({ key: 'page_size', title: 'Page size', type: 'number', default: 50, min: 1, max: 100 }),
  ],
});

const REJECTED = 'Notion rejected the key. Enter a new one in MCP Tray.';

function notion(overrides: Partial<InstanceDetail> = {}): InstanceDetail {
  return makeDetail({
    id: 'notion',
    name: 'Notion',
    integrationId: 'notion',
    userConfig: { api_url: 'https://notion.example' },
    secretFields: ['integration_token'],
    ...overrides,
  });
}

async function openSettings(detail = notion()) {
  const fake = createFakeApi({ details: [detail], catalog: [NOTION] });
  renderScreen(<InstanceDetailScreen id={detail.id} />, { api: fake.api });
  fireEvent.click(await screen.findByTestId('tab-settings'));
  const form = await screen.findByTestId('service-settings-form');
  return { fake, form: within(form) };
}

describe('A catalog service’s settings (Settings tab)', () => {
  it('shows its fields: saved values editable, the secret only as stored, never its value', async () => {
    const { fake, form } = await openSettings();
    expect(screen.getByRole('heading', { name: 'Service settings' })).toBeTruthy();
    const secret = form.getByLabelText('Internal integration secret');
    expect(secret.getAttribute('type')).toBe('password');
    expect((secret as HTMLInputElement).value).toBe('');
    expect(secret.getAttribute('placeholder')).toBe('Replace…');
    expect(form.getByTestId('secret-status-integration_token').textContent).toContain(
      'Saved in your system keychain and never shown',
    );
    expect(secret.getAttribute('aria-describedby')).toContain(
      form.getByTestId('secret-status-integration_token').id,
    );
    expect((form.getByLabelText(/API address/) as HTMLInputElement).value).toBe('https://notion.example');
    // Not saved: the default, as the add flow shows it.
    expect((form.getByLabelText(/Page size/) as HTMLInputElement).value).toBe('50');

    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect((await form.findByTestId('service-settings-status')).textContent).toBe(
      'Nothing to save: no setting was changed.',
    );
    expect(fake.api.updateInstanceSettings).not.toHaveBeenCalled();
  });

  it('sends only what changed; a new secret goes with the secrets and is cleared once saved', async () => {
    const { fake, form } = await openSettings();
    fireEvent.change(form.getByLabelText('Internal integration secret'), {
      target: { value: ' ntn_new_secret ' },
    });
    fireEvent.change(form.getByLabelText(/Page size/), { target: { value: '20' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(form.getByTestId('service-settings-status').textContent).toBe(
        'Saved. Notion restarts to use the change.',
      ),
    );
    expect(fake.api.updateInstanceSettings).toHaveBeenCalledWith({
      id: 'notion',
      userConfig: { page_size: 20 },
      secrets: { integration_token: 'ntn_new_secret' },
    });
    expect((form.getByLabelText('Internal integration secret') as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain('ntn_new_secret');
    // The detail shows the restart.
    await waitFor(() => expect(screen.getByTestId('detail-status').textContent).toContain('Starting'));
  });

  it('checks values as the add flow does and sends nothing until they are right', async () => {
    const { fake, form } = await openSettings(notion({ secretFields: [] }));
    expect(form.getByTestId('secret-status-integration_token').textContent).toContain('Not saved yet');
    fireEvent.change(form.getByLabelText(/Page size/), { target: { value: '500' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));

    const summary = await form.findByTestId('error-summary');
    expect(summary.textContent).toContain('Enter Internal integration secret.');
    expect(summary.textContent).toContain('Page size must be between 1 and 100.');
    expect(form.getByLabelText(/Page size/).getAttribute('aria-invalid')).toBe('true');
    expect(fake.api.updateInstanceSettings).not.toHaveBeenCalled();

    // A summary item moves focus to its control.
    fireEvent.click(within(summary).getByRole('button', { name: /Page size/ }));
    expect(document.activeElement).toBe(form.getByLabelText(/Page size/));
  });

  it('sends the default for a cleared setting (the core keeps what it is not sent)', async () => {
    const { fake, form } = await openSettings();
    fireEvent.change(form.getByLabelText(/API address/), { target: { value: '' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fake.api.updateInstanceSettings).toHaveBeenCalledWith({
        id: 'notion',
        userConfig: { api_url: 'https://api.notion.com' },
        secrets: {},
      }),
    );
  });

  it('says what the core refused, where Save is', async () => {
    const { fake, form } = await openSettings();
    fake.api.updateInstanceSettings.mockRejectedValueOnce(
      new ApiError({ code: 'keychain-unavailable', message: 'The system keychain is locked.' }),
    );
    fireEvent.change(form.getByLabelText('Internal integration secret'), { target: { value: 'ntn_x' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect((await form.findByTestId('service-settings-error')).textContent).toBe(
      'The system keychain is locked.',
    );
    expect(form.getByTestId('service-settings-save').textContent).toBe('Save');
  });

  it('is not there for a custom command, which has no catalog fields', async () => {
    const fake = createFakeApi({
      details: [makeDetail({ id: 'notes', name: 'Notes', integrationId: 'custom' })],
      catalog: [NOTION],
    });
    renderScreen(<InstanceDetailScreen id="notes" />, { api: fake.api });
    fireEvent.click(await screen.findByTestId('tab-settings'));
    expect(screen.getByTestId('timeout-form')).toBeTruthy();
    expect(screen.queryByTestId('service-settings')).toBeNull();
    expect(fake.api.getInstanceIntegration).not.toHaveBeenCalled();
  });

  it('loads the fields only once the tab is opened, and offers to retry a failed load', async () => {
    const fake = createFakeApi({ details: [notion()], catalog: [NOTION] });
    fake.api.getInstanceIntegration.mockRejectedValueOnce(
      new ApiError({ code: 'internal', message: 'No catalog.' }),
    );
    renderScreen(<InstanceDetailScreen id="notion" />, { api: fake.api });
    await screen.findByTestId('tab-settings');
    expect(fake.api.getInstanceIntegration).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('tab-settings'));
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain("Couldn't load its settings.");
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('service-settings-form')).toBeTruthy();
  });
});

describe('A bundle service’s settings', () => {
  it('shows the fields of its own manifest, which the catalog does not list', async () => {
    const weather = makeCatalogEntry({
      id: 'mcpb:weather',
      name: 'Weather',
      category: 'custom',
      fields: [field({ key: 'api_key', title: 'API key', required: true, sensitive: true })],
    });
    const fake = createFakeApi({
      details: [
        makeDetail({
          id: 'weather',
          name: 'Weather',
          integrationId: 'mcpb:weather',
          secretFields: ['api_key'],
        }),
      ],
      catalog: [NOTION],
      bundles: {
        'weather.mcpb': { token: 't', version: '1.2.0', entry: weather, fileCount: 2, totalBytes: 10 },
      },
    });
    renderScreen(<InstanceDetailScreen id="weather" />, { api: fake.api });
    fireEvent.click(await screen.findByTestId('tab-settings'));
    const form = within(await screen.findByTestId('service-settings-form'));
    expect(form.getByLabelText('API key').getAttribute('placeholder')).toBe('Replace…');
    expect(fake.api.getInstanceIntegration).toHaveBeenCalledWith({ id: 'weather' });
  });
});

describe('A registry bundle service updated while its Settings tab is open', () => {
  it('asks again for its fields: the new version may have new ones', async () => {
    const version = (v: string, fields: CatalogField[]) =>
      makeCatalogEntry({ id: 'mcpb:notes', name: 'Notes', category: 'custom', fields });
    const key = field({ key: 'key', title: 'Key', required: true, sensitive: true });
    const folder = field({ key: 'folder', title: 'Folder', required: true });
    const at = (v: string) =>
      makeDetail({
        id: 'notes',
        name: 'Notes',
        integrationId: 'mcpb:notes',
        secretFields: ['key'],
        userConfig: v === '1.0.0' ? {} : { folder: '/srv/notes' },
        registry: {
          registry: 'r',
          name: 'io.github.example/notes',
          version: v,
          packageType: 'mcpb',
          previousVersion: null,
        },
      });
    const fake = createFakeApi({ details: [at('1.0.0')] });
    fake.api.getInstanceIntegration.mockResolvedValueOnce(version('1.0.0', [key]));
    fake.api.getInstanceIntegration.mockResolvedValueOnce(version('1.1.0', [key, folder]));
    const ui = (detail: InstanceDetail) => (
      <ApiProvider api={fake.api}>
        <IntegrationSettings instance={detail} refresh={async () => undefined} focusRequest={0} />
      </ApiProvider>
    );
    const { rerender } = render(ui(at('1.0.0')));
    await screen.findByLabelText('Key');
    expect(screen.queryByLabelText('Folder (required)')).toBeNull();
    rerender(ui(at('1.1.0')));
    // With the value the update carried over, not an empty box that Save would send.
    expect((await screen.findByLabelText<HTMLInputElement>('Folder (required)')).value).toBe('/srv/notes');
  });
});

describe('"Enter a new key" when the provider rejected the key', () => {
  const rejected = () => notion({ state: 'needs-auth', stateReason: REJECTED, pid: null });

  it('in the detail header: opens Settings with focus on the secret field', async () => {
    const fake = createFakeApi({ details: [rejected()], catalog: [NOTION] });
    renderScreen(<InstanceDetailScreen id="notion" />, { api: fake.api });
    const action = await screen.findByTestId('action-new-key');
    expect(action.textContent).toBe('Enter a new key');
    expect(screen.getByTestId('state-reason').textContent).toBe(REJECTED);
    fireEvent.click(action);
    expect(screen.getByTestId('tab-settings').getAttribute('aria-selected')).toBe('true');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Internal integration secret')),
    );
  });

  it('in the Services list: goes to the detail, which opens Settings on the secret field', async () => {
    const fake = createFakeApi({ details: [rejected()], catalog: [NOTION] });
    const list = renderScreen(<ServicesScreen />, { api: fake.api });
    const fix = await screen.findByTestId('row-new-key');
    expect(fix.textContent).toBe('Enter a new key for Notion');
    expect(screen.queryByTestId('row-sign-in')).toBeNull();
    fireEvent.click(fix);
    expect(window.location.hash).toBe('#/services/notion');

    list.unmount();
    renderScreen(<InstanceDetailScreen id="notion" />, { api: fake.api });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Internal integration secret')),
    );
    expect(screen.getByTestId('tab-settings').getAttribute('aria-selected')).toBe('true');
  });

  it('is not offered for a service that signs in to an account', async () => {
    const fake = createFakeApi({
      details: [
        makeDetail({
          id: 'github',
          name: 'GitHub',
          state: 'needs-auth',
          // Even with "key" in its words, the account decides.
          stateReason: 'GitHub no longer accepts the key you entered.',
          account: makeAccount({ method: 'device' }),
        }),
      ],
    });
    renderScreen(<ServicesScreen />, { api: fake.api });
    expect((await screen.findByTestId('row-sign-in')).textContent).toBe('Sign in again to use GitHub');
    expect(screen.queryByTestId('row-new-key')).toBeNull();
  });
});
