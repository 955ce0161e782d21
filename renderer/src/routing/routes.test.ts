import { describe, expect, it } from 'vitest';
import {
  REGISTRY_PREFIX,
  instanceHref,
  locationHref,
  parseLocation,
  parseRoute,
  registryHref,
} from './routes';

describe('parseRoute', () => {
  it('reads the screen from the hash and falls back to Services', () => {
    expect(parseRoute('#/clients')).toBe('clients');
    expect(parseRoute('#/settings/keychain')).toBe('settings');
    expect(parseRoute('')).toBe('services');
    expect(parseRoute('#/nope')).toBe('services');
    expect(parseRoute('#/services/notes')).toBe('services');
  });
});

describe('parseLocation', () => {
  it('reads an instance id only under Services', () => {
    expect(parseLocation('#/services/notes')).toEqual({ route: 'services', instanceId: 'notes' });
    expect(parseLocation('#/services/notes/extra?x=1')).toEqual({ route: 'services', instanceId: 'notes' });
    expect(parseLocation('#/services/')).toEqual({ route: 'services', instanceId: null });
    expect(parseLocation('#/settings/notes')).toEqual({ route: 'settings', instanceId: null });
    expect(parseLocation('#/nope/notes')).toEqual({ route: 'services', instanceId: null });
    expect(parseLocation('#/services/a%20b')).toEqual({ route: 'services', instanceId: 'a b' });
    expect(parseLocation('#/services/%E0%A4%A')).toEqual({ route: 'services', instanceId: '%E0%A4%A' });
  });

  it('round-trips through locationHref', () => {
    expect(instanceHref('notes')).toBe('#/services/notes');
    expect(locationHref(parseLocation('#/services/a%20b'))).toBe('#/services/a%20b');
    expect(locationHref(parseLocation('#/settings/x'))).toBe('#/settings');
  });
});

describe('add locations', () => {
  it('reads what is being added, and round-trips it', () => {
    expect(parseLocation('#/add')).toEqual({ route: 'add', instanceId: null });
    expect(parseLocation('#/add/custom')).toEqual({ route: 'add', instanceId: null, adding: 'custom' });
    expect(parseLocation('#/add/google-calendar/x')).toEqual({
      route: 'add',
      instanceId: null,
      adding: 'google-calendar',
    });
    expect(locationHref(parseLocation('#/add/mcpb%3Aweather'))).toBe('#/add/mcpb%3Aweather');
    expect(locationHref(parseLocation('#/add/'))).toBe('#/add');
  });

  it('keeps a registry name, slash and all, in one segment', () => {
    const href = registryHref('io.github.acme/weather');
    expect(href).toBe('#/add/registry%3Aio.github.acme%2Fweather');
    expect(parseLocation(href).adding).toBe(`${REGISTRY_PREFIX}io.github.acme/weather`);
  });
});
