import { describe, expect, it } from 'vitest';
import { Manifest } from '../../../electron/core/integrations/manifest';
import manifestJson from '../manifest.json';
import { setup } from './fake-calendar';

describe('manifest', () => {
  it('is one the core accepts, with Google sign-in and the user’s own OAuth client', () => {
    const manifest = Manifest.parse(manifestJson);
    expect(manifest._meta?.['dev.mcptray']?.auth).toMatchObject({
      type: 'oauth',
      authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenEndpoint: 'https://oauth2.googleapis.com/token',
      token: { env: 'GOOGLE_ACCESS_TOKEN' },
      extraAuthorizationParams: { access_type: 'offline', prompt: 'consent' },
    });
    const auth = manifestJson._meta['dev.mcptray'].auth;
    expect(auth).not.toHaveProperty('clientId');
    expect(auth.clientSetup).toMatchObject({
      url: 'https://console.cloud.google.com/apis/credentials',
      needsSecret: true,
    });
    expect(manifest.user_config.api_url).toMatchObject({
      default: 'https://www.googleapis.com/calendar/v3',
      sensitive: false,
    });
  });

  it('lists exactly the tools the server has, each with a title, output schema and annotations', async () => {
    const { client } = await setup();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(manifestJson.tools.map((t) => t.name).sort());
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(tool.annotations?.openWorldHint, tool.name).toBe(true);
      const readOnly = ['list_calendars', 'list_events', 'get_event', 'find_free_busy'].includes(tool.name);
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(readOnly);
      expect(tool.annotations?.destructiveHint, tool.name).toBe(tool.name === 'delete_event');
    }
  });
});
