import { describe, expect, it } from 'vitest';
import { parseRoute } from './routes';

describe('parseRoute', () => {
  it('reads the screen from the hash and falls back to Services', () => {
    expect(parseRoute('#/clients')).toBe('clients');
    expect(parseRoute('#/settings/keychain')).toBe('settings');
    expect(parseRoute('')).toBe('services');
    expect(parseRoute('#/nope')).toBe('services');
  });
});
