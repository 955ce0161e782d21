// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import { App } from '../../app';
import { createFakeApi, makeDetail, makeInstance } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { InstanceDetailScreen } from './instance-detail-screen';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const button = (name: string | RegExp) =>
  within(screen.getByRole('group', { name: 'Actions' })).getByRole('button', { name });
const badge = () => within(screen.getByTestId('detail-status')).getByTestId('status-badge');

async function renderNotes(overrides = {}) {
  const fake = createFakeApi({ details: [makeDetail({ id: 'notes', name: 'Notes', ...overrides })] });
  renderScreen(<InstanceDetailScreen id="notes" />, { api: fake.api });
  await screen.findByRole('heading', { level: 1, name: 'Notes' });
  return fake;
}

describe('InstanceActions', () => {
  it('restarts, showing that it is busy until the new state is in', async () => {
    const fake = await renderNotes({ state: 'failed' });
    const gate = deferred<ReturnType<typeof makeInstance>>();
    fake.api.restartInstance.mockImplementationOnce(async () => {
      await gate.promise;
      fake.setDetail(makeDetail({ id: 'notes', name: 'Notes', state: 'starting' }));
      return makeInstance({ id: 'notes', state: 'starting' });
    });

    fireEvent.click(button('Restart'));
    expect(fake.api.restartInstance).toHaveBeenCalledWith({ id: 'notes' });
    const pending = button('Restarting…');
    expect(pending.getAttribute('aria-disabled')).toBe('true');
    expect(button('Disable').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Restarting Notes…');

    // A second click while busy does nothing.
    fireEvent.click(pending);
    expect(fake.api.restartInstance).toHaveBeenCalledTimes(1);

    await act(async () => gate.resolve(makeInstance()));
    await waitFor(() => expect(badge().textContent).toBe('Starting'));
    expect(button('Restart').getAttribute('aria-disabled')).toBe('false');
  });

  it('disables and enables again', async () => {
    const fake = await renderNotes();
    fireEvent.click(button('Disable'));
    expect(fake.api.setInstanceEnabled).toHaveBeenCalledWith({ id: 'notes', enabled: false });
    await waitFor(() => expect(badge().textContent).toBe('Disabled'));
    // Restart makes no sense while disabled, and says why.
    const restart = button('Restart');
    expect(restart.getAttribute('aria-disabled')).toBe('true');
    const hint = document.getElementById(restart.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('disabled');
    fireEvent.click(restart);
    expect(fake.api.restartInstance).not.toHaveBeenCalled();

    fireEvent.click(button('Enable'));
    expect(fake.api.setInstanceEnabled).toHaveBeenLastCalledWith({ id: 'notes', enabled: true });
    await waitFor(() => expect(badge().textContent).toBe('Starting'));
  });

  it('shows what went wrong, in the core’s words', async () => {
    const fake = await renderNotes();
    fake.api.setInstanceEnabled.mockRejectedValueOnce(
      new ApiError({
        code: 'internal',
        message: 'MCP Tray could not complete "setInstanceEnabled"; see the log.',
      }),
    );
    fireEvent.click(button('Disable'));
    const error = await screen.findByTestId('action-error');
    expect(error.textContent).toBe('MCP Tray could not complete "setInstanceEnabled"; see the log.');
    expect(error.getAttribute('role')).toBe('alert');
    expect(button('Disable').getAttribute('aria-disabled')).toBe('false');

    fireEvent.click(button('Restart'));
    await waitFor(() => expect(screen.queryByTestId('action-error')).toBeNull());
  });

  it('asks before removing; Cancel keeps it and gives focus back', async () => {
    const fake = await renderNotes();
    const remove = button('Remove…');
    expect(remove.getAttribute('aria-haspopup')).toBe('dialog');
    fireEvent.click(remove);

    const dialog = screen.getByRole('alertdialog', { name: 'Remove Notes?' });
    expect(dialog.tagName).toBe('DIALOG');
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.api.removeInstance).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('Remove…'));
  });

  it('keeps the dialog open with the error when removing fails', async () => {
    const fake = await renderNotes();
    fake.api.removeInstance.mockRejectedValueOnce(
      new ApiError({ code: 'internal', message: 'The keychain refused to delete the secret.' }),
    );
    fireEvent.click(button('Remove…'));
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect((await within(dialog).findByTestId('dialog-error')).textContent).toBe(
      'The keychain refused to delete the secret.',
    );
    expect(within(dialog).getByRole('button', { name: 'Remove' }).getAttribute('aria-disabled')).toBe(
      'false',
    );
    expect(screen.getByTestId('instance-detail')).toBeTruthy();
  });
});

describe('Removing from the app', () => {
  it('confirms, removes, and returns to the list without the removed service', async () => {
    const fake = createFakeApi({
      instances: [makeInstance({ id: 'notes', name: 'Notes' }), makeInstance({ id: 'files', name: 'Files' })],
    });
    window.location.hash = '#/services/notes';
    renderScreen(<App />, { api: fake.api });
    await screen.findByRole('heading', { level: 1, name: 'Notes' });
    const gate = deferred<void>();
    fake.api.removeInstance.mockImplementationOnce(async () => {
      await gate.promise;
      return { removed: true as const };
    });

    fireEvent.click(button('Remove…'));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Notes?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(within(dialog).getByRole('button', { name: 'Removing…' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect(within(dialog).getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);

    // The core announces the new list before it answers: no flash of "not found" meanwhile.
    act(() => fake.emitInstances([makeInstance({ id: 'files', name: 'Files' })]));
    expect(screen.queryByTestId('instance-not-found')).toBeNull();
    expect(screen.getByRole('alertdialog')).toBe(dialog);

    fake.api.listInstances.mockResolvedValueOnce([makeInstance({ id: 'files', name: 'Files' })]);
    await act(async () => gate.resolve());
    expect(await screen.findByTestId('services-screen')).toBeTruthy();
    expect(window.location.hash).toBe('#/services');
    expect(fake.api.removeInstance).toHaveBeenCalledWith({ id: 'notes' });
    const rows = await screen.findAllByTestId('instance-row');
    expect(rows.map((row) => row.getAttribute('data-instance-id'))).toEqual(['files']);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Services'));
  });
});
