// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import { createFakeApi, makeDetail, makePermissions } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { InstanceDetailScreen } from './instance-detail-screen';

async function openPermissions(view = makePermissions({ instanceId: 'gh' })) {
  const fake = createFakeApi({ details: [makeDetail({ id: 'gh', name: 'GitHub' })] });
  fake.api.getPermissions = vi.fn(async () => view);
  renderScreen(<InstanceDetailScreen id="gh" />, { api: fake.api });
  fireEvent.click(await screen.findByRole('tab', { name: 'Permissions' }));
  await screen.findByTestId('permissions-panel');
  return fake;
}

describe('Permissions tab of a service', () => {
  it('says in words what it may read, write and reach, and what was blocked', async () => {
    await openPermissions(
      makePermissions({
        instanceId: 'gh',
        blockedCount: 3,
        recentBlocked: [
          '[sandbox] blocked: deny network-outbound evil.example.com:443 (host is not on the allow list)',
        ],
      }),
    );
    expect(screen.getByTestId('permissions-heading').textContent).toBe('Sandboxed, strict');
    const summary = screen.getByTestId('permissions-summary').textContent!;
    expect(summary).toContain('Can read your files except secret stores');
    expect(summary).toContain('Can reach only api.github.com');
    expect(screen.getByTestId('permissions-blocked').textContent).toContain('3 blocked attempts');
    expect(screen.getByText(/evil\.example\.com:443/)).toBeTruthy();
  });

  it('never claims protection that is not there, and says why and how to fix it', async () => {
    await openPermissions(
      makePermissions({
        instanceId: 'gh',
        sandbox: 'unavailable',
        unavailable: {
          reason: 'bubblewrap (bwrap) not installed',
          fix: 'Install bubblewrap (https://github.com/containers/bubblewrap).',
        },
      }),
    );
    expect(screen.getByTestId('permissions-heading').textContent).toMatch(/^Not sandboxed/);
    expect(screen.getByTestId('permissions-unavailable').textContent).toContain(
      'bubblewrap (bwrap) not installed',
    );
  });

  it('changes the level and grants through the core, and shows its refusal in words', async () => {
    const fake = await openPermissions();
    fireEvent.click(screen.getByTestId('permissions-level-standard'));
    await waitFor(() =>
      expect(fake.api.editPermissions).toHaveBeenCalledWith({ id: 'gh', level: 'standard' }),
    );
    vi.mocked(fake.api.editPermissions).mockRejectedValueOnce(
      new ApiError({
        code: 'invalid-input',
        message: 'Not changed: "notes" is a relative path; give the full path.',
      }),
    );
    const write = screen.getByTestId('permissions-write');
    fireEvent.change(write.querySelector('input')!, { target: { value: 'notes' } });
    fireEvent.submit(write.querySelector('form')!);
    expect((await screen.findByTestId('permissions-error')).textContent).toContain(
      '"notes" is a relative path',
    );
  });
});
