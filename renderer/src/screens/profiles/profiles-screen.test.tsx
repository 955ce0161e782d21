// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClientsScreen } from '../clients-screen';
import { createFakeApi, makeClient, makeInstance } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { ProfilesScreen } from './profiles-screen';

const instances = [
  makeInstance({ id: 'github', name: 'GitHub' }),
  makeInstance({ id: 'notes', name: 'Notes' }),
];

describe('Profiles', () => {
  it('creates a profile, adds a service with only some tools, renames and deletes it', async () => {
    const { api } = createFakeApi({ instances });
    renderScreen(<ProfilesScreen />, { api });
    await screen.findByText('Everything');
    fireEvent.change(screen.getByTestId('profile-new-name'), { target: { value: 'Work' } });
    fireEvent.click(screen.getByTestId('profile-create'));
    const card = await waitFor(() => {
      const found = screen.getAllByTestId('profile-card').find((c) => c.dataset.profile === 'Work');
      if (!found) throw new Error('no Work card yet');
      return found;
    });
    fireEvent.change(within(card).getByTestId('profile-add-service'), { target: { value: 'github' } });
    fireEvent.change(within(card).getByTestId('profile-add-tools'), {
      target: { value: 'search_code, get_issue' },
    });
    fireEvent.click(within(card).getByTestId('profile-add'));
    await waitFor(() =>
      expect(api.editProfile).toHaveBeenCalledWith({
        name: 'Work',
        add: [{ instance: 'github', tools: ['search_code', 'get_issue'] }],
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('profile-services').textContent).toContain('search_code, get_issue'),
    );

    fireEvent.click(within(card).getByRole('button', { name: 'Rename…' }));
    fireEvent.change(within(card).getByTestId('profile-rename-input'), { target: { value: 'Job' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(api.renameProfile).toHaveBeenCalledWith({ name: 'Work', to: 'Job' }));
    const renamed = await waitFor(() => {
      const found = screen.getAllByTestId('profile-card').find((c) => c.dataset.profile === 'Job');
      if (!found) throw new Error('not renamed yet');
      return found;
    });
    fireEvent.click(within(renamed).getByTestId('profile-delete'));
    await waitFor(() => expect(screen.getAllByTestId('profile-card')).toHaveLength(1));
  });

  it('names the clients that use a profile as people know them, not by their ids', async () => {
    const { api } = createFakeApi({ instances });
    api.listProfiles.mockResolvedValue([
      { name: 'Everything', builtIn: true, services: [], missing: [], clients: ['claude-code', 'vscode'] },
    ]);
    renderScreen(<ProfilesScreen />, { api });
    await waitFor(() => expect(screen.getByText('Used by Claude Code, VS Code')).toBeTruthy());
  });

  it('on Clients: gives a client a profile and chooses one combined entry', async () => {
    const { api } = createFakeApi({
      instances,
      clients: [
        makeClient({ id: 'cursor', name: 'Cursor', profile: 'Everything', entryMode: 'per-service' }),
      ],
    });
    await api.createProfile({ name: 'Work' });
    renderScreen(<ClientsScreen />, { api });
    const card = await screen.findByTestId('client-profile');
    await waitFor(() =>
      expect(
        within(card)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Everything', 'Work']),
    );
    fireEvent.change(within(card).getByTestId('client-profile-select'), { target: { value: 'Work' } });
    await waitFor(() =>
      expect(api.setClientProfile).toHaveBeenCalledWith({ client: 'cursor', profile: 'Work' }),
    );
    fireEvent.click(within(card).getByTestId('client-mode-combined'));
    await waitFor(() =>
      expect(api.setClientEntryMode).toHaveBeenCalledWith({ client: 'cursor', mode: 'combined' }),
    );
    await waitFor(() =>
      expect((within(card).getByTestId('client-mode-combined') as HTMLInputElement).checked).toBe(true),
    );
  });
});
