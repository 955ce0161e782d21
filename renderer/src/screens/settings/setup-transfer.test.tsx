// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { SetupTransfer } from './setup-transfer';

const review = {
  services: [
    {
      id: 'notes',
      name: 'Notes',
      kind: 'local' as const,
      command: 'npx',
      args: ['-y', 'notes-mcp@1.2.3'],
      envNames: ['MODE', 'NOTES_TOKEN'],
      secretFields: ['NOTES_TOKEN'],
      version: '1.2.3',
      exists: false,
    },
  ],
  profiles: ['Work'],
  clients: ['cursor'],
  notes: ['"Drive" is not imported: bundles cannot be moved.'],
};

describe('Settings → Move your setup', () => {
  it('shows exactly what an import runs, asks for each secret hidden, and imports with them', async () => {
    const { api } = createFakeApi();
    api.planImport.mockResolvedValue(review);
    api.applyImport.mockResolvedValue({ added: ['notes'], review });
    renderScreen(<SetupTransfer />, { api });
    const file = new File(['{"mcpTraySetup":1}'], 'setup.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('setup-import-file'), { target: { files: [file] } });
    const form = await screen.findByTestId('import-review');
    expect(within(form).getByTestId('import-item').textContent).toContain('npx -y notes-mcp@1.2.3');
    expect(form.textContent).toContain('bundles cannot be moved');
    const secret = within(form).getByLabelText(/NOTES_TOKEN/) as HTMLInputElement;
    expect(secret.type).toBe('password');
    fireEvent.change(secret, { target: { value: 's3cret' } });
    fireEvent.click(within(form).getByTestId('import-confirm'));
    await waitFor(() =>
      expect(api.applyImport).toHaveBeenCalledWith({
        text: '{"mcpTraySetup":1}',
        secrets: { notes: { NOTES_TOKEN: 's3cret' } },
      }),
    );
    expect((await screen.findByTestId('import-done')).textContent).toBe('Imported notes.');
  });

  it('says why a file is refused', async () => {
    const { api } = createFakeApi();
    api.planImport.mockRejectedValue(new Error('This setup file was written by a newer MCP Tray.'));
    renderScreen(<SetupTransfer />, { api });
    const file = new File(['{}'], 'setup.json');
    fireEvent.change(screen.getByTestId('setup-import-file'), { target: { files: [file] } });
    expect((await screen.findByTestId('setup-error')).textContent).toContain('newer MCP Tray');
  });
});
