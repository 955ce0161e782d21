// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { ApplyResult } from './apply-result';

const applied = {
  client: 'claude-desktop' as const,
  file: '/home/ada/.config/Claude/claude_desktop_config.json',
  diff: '',
  hunks: [],
  changed: true,
  backup: null,
  reloadHint: 'Quit Claude Desktop completely and open it again.',
};

describe('ApplyResult', () => {
  it('offers to restart Claude Desktop and reports what happened', async () => {
    const { api } = createFakeApi();
    renderScreen(<ApplyResult applied={applied} />, { api });
    fireEvent.click(screen.getByTestId('restart-client'));
    await waitFor(() => expect(screen.getByTestId('restart-client-result').textContent).toMatch(/restarted/));
    expect(api.restartClient).toHaveBeenCalledWith({ client: 'claude-desktop' });
  });

  it('has no restart button for other clients', () => {
    const { api } = createFakeApi();
    renderScreen(<ApplyResult applied={{ ...applied, client: 'cursor' }} />, { api });
    expect(screen.queryByTestId('restart-client')).toBeNull();
  });
});
