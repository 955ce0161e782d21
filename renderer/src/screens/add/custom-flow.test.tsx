// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, makeClient, makeInstance } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { AddScreen } from './add-screen';
import type { InstallRequest } from './install-request';
import { requestInstall } from './install-request';

function setup(request?: InstallRequest) {
  const fake = createFakeApi({
    instances: [makeInstance({ id: 'notes', name: 'Notes' })],
    clients: [makeClient({ id: 'claude-desktop' })],
  });
  window.location.hash = '#/add/custom';
  renderScreen(<AddScreen {...(request ? { request } : {})} />, { api: fake.api });
  return fake;
}

const form = () => within(screen.getByTestId('custom-form'));
const type = (testId: string, value: string) =>
  fireEvent.change(form().getByTestId(testId), { target: { value } });

describe('custom server form', () => {
  it('explains every problem and how to fix it, before anything is sent', async () => {
    const fake = setup();
    await screen.findByTestId('custom-form');
    fireEvent.click(form().getByRole('button', { name: 'Review' }));
    const summary = await screen.findByTestId('error-summary');
    expect(
      within(summary)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Enter a name, such as “My notes”.',
      'Enter an ID; AI clients’ settings name the service by it. For example “my-server”.',
      'Enter the program to run, such as npx, uvx or node.',
    ]);
    expect(form().getByLabelText('Command').getAttribute('aria-invalid')).toBe('true');

    // The ID follows the name, and a taken one gets a free suggestion.
    type('custom-name', 'Notes');
    expect((form().getByLabelText('ID') as HTMLInputElement).value).toBe('notes-2');
    type('custom-id', 'notes');
    expect(form().getByTestId('id-error').textContent).toBe(
      'There is already a service with the ID “notes”. Try “notes-2”.',
    );
    type('custom-id', 'Bad ID');
    expect(form().getByTestId('id-error').textContent).toContain('Try “bad-id”');
    type('custom-id', 'notes-work');

    // Arguments typed into the command: one click moves them.
    type('custom-command', 'npx -y @acme/notes-server');
    expect(form().getByTestId('command-error').textContent).toContain('Put only “npx” here');
    fireEvent.click(form().getByTestId('command-split'));
    expect((form().getByLabelText('Command') as HTMLInputElement).value).toBe('npx');
    expect((form().getByLabelText(/Arguments/) as HTMLTextAreaElement).value).toBe('-y\n@acme/notes-server');
    expect(form().queryByTestId('command-error')).toBeNull();

    // Variables: a bad name, and a secret without a value.
    fireEvent.click(form().getByRole('button', { name: 'Add a variable' }));
    fireEvent.change(form().getAllByTestId('env-name')[0]!, { target: { value: 'notes-dir' } });
    fireEvent.click(form().getByRole('button', { name: 'Add a variable' }));
    fireEvent.change(form().getAllByTestId('env-name')[1]!, { target: { value: 'NOTES_TOKEN' } });
    // Guessed from the name: a token is a secret, typed into a password field.
    expect((form().getAllByTestId('env-secret')[1] as HTMLInputElement).checked).toBe(true);
    expect(form().getAllByTestId('env-value')[1]!.getAttribute('type')).toBe('password');
    fireEvent.click(form().getByRole('button', { name: 'Review' }));
    const again = await screen.findByTestId('error-summary');
    expect(again.textContent).toContain('for example NOTES_DIR');
    expect(again.textContent).toContain('Enter the value of NOTES_TOKEN; it goes to your keychain.');
    expect(fake.api.addCustomInstance).not.toHaveBeenCalled();
  });

  it('shows exactly what will run, names only, and adds it only when confirmed', async () => {
    const fake = setup();
    await screen.findByTestId('custom-form');
    type('custom-name', 'Everything');
    type('custom-command', 'node');
    type('custom-args', '/srv/everything/dist/index.js\nstdio');
    fireEvent.click(form().getByRole('button', { name: 'Add a variable' }));
    fireEvent.change(form().getAllByTestId('env-name')[0]!, { target: { value: 'API_KEY' } });
    fireEvent.change(form().getAllByTestId('env-value')[0]!, { target: { value: 'sk-very-secret' } });
    fireEvent.click(form().getByRole('button', { name: 'Add a variable' }));
    fireEvent.change(form().getAllByTestId('env-name')[1]!, { target: { value: 'MODE' } });
    fireEvent.change(form().getAllByTestId('env-value')[1]!, { target: { value: 'fast' } });
    fireEvent.click(form().getByRole('button', { name: 'Review' }));

    const confirm = await screen.findByTestId('step-confirm');
    expect(within(confirm).getByRole('heading', { level: 2 }).textContent).toBe('Run Everything?');
    expect(within(confirm).getByTestId('launch-command').textContent).toBe('node');
    expect(
      within(confirm)
        .getAllByRole('listitem')
        .slice(0, 2)
        .map((li) => li.textContent),
    ).toEqual(['/srv/everything/dist/index.js', 'stdio']);
    const env = within(confirm).getByTestId('launch-env');
    expect(env.textContent).toBe('API_KEYfrom the keychainMODE');
    expect(confirm.textContent).not.toContain('sk-very-secret');
    expect(confirm.textContent).not.toContain('fast');
    expect(fake.api.addCustomInstance).not.toHaveBeenCalled();

    // Back keeps everything typed.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Change something' }));
    expect((await screen.findByTestId('custom-command')).getAttribute('value') ?? '').toBe('node');
    fireEvent.click(form().getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add and start' }));
    expect(await screen.findByTestId('step-clients')).toBeTruthy();
    expect(fake.api.addCustomInstance).toHaveBeenCalledWith({
      id: 'everything',
      name: 'Everything',
      command: 'node',
      args: ['/srv/everything/dist/index.js', 'stdio'],
      env: { MODE: 'fast' },
      secretEnv: { API_KEY: 'sk-very-secret' },
    });
  });

  it('is pre-filled from a deep link, still asks for secrets, and runs nothing by itself', async () => {
    const fake = setup({
      kind: 'custom',
      name: 'Weather',
      command: 'uvx',
      args: ['weather-mcp'],
      env: { UNITS: 'metric' },
      secretEnvNames: ['WEATHER_KEY'],
    });
    expect((await screen.findByTestId('prefill-note')).textContent).toContain(
      'nothing runs until you confirm',
    );
    expect((form().getByLabelText('ID') as HTMLInputElement).value).toBe('weather');
    expect((form().getByLabelText('Command') as HTMLInputElement).value).toBe('uvx');
    const names = form().getAllByTestId('env-name') as HTMLInputElement[];
    expect(names.map((n) => n.value)).toEqual(['UNITS', 'WEATHER_KEY']);
    fireEvent.click(form().getByRole('button', { name: 'Review' }));
    expect((await screen.findByTestId('error-summary')).textContent).toContain(
      'Enter the value of WEATHER_KEY',
    );
    fireEvent.change(form().getAllByTestId('env-value')[1]!, { target: { value: 'k' } });
    fireEvent.click(form().getByRole('button', { name: 'Review' }));
    expect(await screen.findByTestId('step-confirm')).toBeTruthy();
    expect(fake.api.addCustomInstance).not.toHaveBeenCalled();
  });

  it('takes a request handed over by requestInstall (how the deep-link event is wired)', async () => {
    const fake = createFakeApi();
    window.location.hash = '#/add';
    renderScreen(<AddScreen />, { api: fake.api });
    requestInstall({
      kind: 'custom',
      name: 'Notes',
      command: 'npx',
      args: ['notes'],
      env: {},
      secretEnvNames: [],
    });
    await waitFor(() => expect(window.location.hash).toBe('#/add/custom'));
    expect(await screen.findByTestId('prefill-note')).toBeTruthy();
    expect((form().getByLabelText('Command') as HTMLInputElement).value).toBe('npx');
    expect(fake.api.addCustomInstance).not.toHaveBeenCalled();
  });
});
