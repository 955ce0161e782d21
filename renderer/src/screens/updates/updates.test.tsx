// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UpdatePlan } from '../../../../electron/shared/contract';
import { createFakeApi, makeDetail } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { InstanceDetailScreen } from '../instance-detail/instance-detail-screen';
import { ServicesScreen } from '../services-screen';

const PIN = {
  registry: 'https://registry.example.test',
  name: 'io.github.acme/weather',
  version: '1.2.3',
  packageType: 'npm',
  previousVersion: null,
};

const PLAN: UpdatePlan = {
  id: 'weather',
  name: 'io.github.acme/weather',
  from: '1.2.3',
  to: '1.4.0',
  before: { command: 'npx', args: ['-y', '@acme/weather-mcp@1.2.3'], envNames: ['WEATHER_API_KEY'] },
  after: {
    command: 'npx',
    args: ['-y', '@acme/weather-mcp@1.4.0'],
    envNames: ['WEATHER_API_KEY', 'WEATHER_REGION'],
  },
  envAdded: ['WEATHER_REGION'],
  envRemoved: [],
  missing: [],
  tools: { added: ['get_alerts'], removed: ['old_forecast'], changed: ['get_forecast'] },
  toolsNote: null,
};

function setup() {
  const detail = makeDetail({
    id: 'weather',
    name: 'Weather',
    integrationId: 'io.github.acme/weather',
    source: 'registry',
    version: '1.2.3',
    registry: PIN,
  });
  return createFakeApi({
    details: [detail],
    registry: {
      outdated: [{ id: 'weather', name: 'io.github.acme/weather', current: '1.2.3', latest: '1.4.0' }],
      plans: [PLAN],
    },
  });
}

describe('registry updates', () => {
  it('says an update is available on the service row', async () => {
    const fake = setup();
    renderScreen(<ServicesScreen />, { api: fake.api });
    expect((await screen.findByTestId('row-update')).textContent).toBe('Update available 1.2.3 → 1.4.0');
  });

  it('reviews the difference, applies only on confirm, then rolls back in one click', async () => {
    const fake = setup();
    renderScreen(<InstanceDetailScreen id="weather" />, { api: fake.api });
    const panel = await screen.findByTestId('update-panel');
    expect((await within(panel).findByTestId('detail-update')).textContent).toContain('1.2.3 → 1.4.0');
    expect(within(panel).queryByTestId('update-rollback')).toBeNull();

    fireEvent.click(within(panel).getByTestId('update-review-open'));
    const review = await screen.findByTestId('update-review');
    expect(fake.api.planUpdate).toHaveBeenCalledWith({ id: 'weather', to: '1.4.0', trial: true });
    expect(within(review).getByTestId('update-change-program').textContent).toContain('(unchanged)');
    expect(within(review).getByTestId('update-change-arguments').textContent).toContain(
      '-y @acme/weather-mcp@1.2.3 → -y @acme/weather-mcp@1.4.0',
    );
    expect(within(review).getByTestId('update-change-variables').textContent).toContain(
      'Added: WEATHER_REGION',
    );
    const tools = within(review).getByTestId('update-tools').textContent;
    expect(tools).toContain('added: get_alerts');
    expect(tools).toContain('removed: old_forecast');
    expect(tools).toContain('changed: get_forecast');
    expect(fake.api.applyUpdate).not.toHaveBeenCalled();

    fireEvent.click(within(review).getByRole('button', { name: 'Update to 1.4.0' }));
    expect((await screen.findByTestId('update-done')).textContent).toBe('Updated to 1.4.0.');
    expect(fake.api.applyUpdate).toHaveBeenCalledWith({
      id: 'weather',
      to: '1.4.0',
      values: {},
      secrets: {},
    });
    await waitFor(() => expect(screen.getByTestId('update-version').textContent).toContain('Version 1.4.0'));
    await waitFor(() => expect(screen.queryByTestId('detail-update')).toBeNull());

    fireEvent.click(await screen.findByRole('button', { name: 'Roll back to 1.2.3' }));
    await waitFor(() => expect(screen.getByTestId('update-done').textContent).toBe('Rolled back to 1.2.3.'));
    expect(fake.api.rollbackUpdate).toHaveBeenCalledWith({ id: 'weather' });
  });
});
