// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { UpdateSettings } from './update-settings';

describe('Settings → Updates', () => {
  it('saves the check interval and checks now on request', async () => {
    const fake = createFakeApi({
      registry: {
        outdated: [{ id: 'weather', name: 'io.github.acme/weather', current: '1.2.3', latest: '1.4.0' }],
      },
    });
    renderScreen(<UpdateSettings />, { api: fake.api });
    const interval = await screen.findByTestId<HTMLSelectElement>('update-interval');
    expect(interval.value).toBe('24');
    fireEvent.change(interval, { target: { value: '0' } });
    await waitFor(() => expect(fake.api.setRegistrySettings).toHaveBeenCalledWith({ updateCheckHours: 0 }));
    await waitFor(() => expect(interval.value).toBe('0'));
    expect(fake.api.checkUpdates).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect((await screen.findByTestId('update-check-result')).textContent).toBe(
      '1 update available; review each on its service.',
    );
  });
});
