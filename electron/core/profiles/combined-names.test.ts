import { describe, expect, it } from 'vitest';
import {
  MAX_TOOL_NAME,
  NameMap,
  assignUnique,
  prefixedName,
  servicePrefixes,
  splitUri,
} from './combined-names';

describe('names in a combined entry', () => {
  it('prefixes a tool with its service id and "__"', () => {
    const prefixes = servicePrefixes(['github', 'notes']);
    expect(prefixedName(prefixes.get('github')!, 'search_code')).toBe('github__search_code');
  });

  it('shortens a name longer than clients accept with a hash of the whole name, the same every time', () => {
    const long = 'x'.repeat(80);
    const name = prefixedName('github', long);
    expect(name.length).toBe(MAX_TOOL_NAME);
    expect(name).toMatch(/^github__x+_[0-9a-f]{8}$/);
    expect(prefixedName('github', long)).toBe(name);
    // Two long names that share their start still differ.
    expect(prefixedName('github', `${long}a`)).not.toBe(prefixedName('github', `${long}b`));
  });

  it('replaces characters clients refuse and gives a collision a deterministic suffix', () => {
    const map = new NameMap(servicePrefixes(['svc']), [
      { instance: 'svc', name: 'a_b' },
      { instance: 'svc', name: 'a.b' },
    ]);
    expect(map.combined('svc', 'a.b')).toBe('svc__a_b');
    expect(map.combined('svc', 'a_b')).toBe('svc__a_b-2');
    expect(map.toTarget.get('svc__a_b-2')).toEqual({ instance: 'svc', name: 'a_b' });
    // Listing order does not change the outcome.
    const reversed = new NameMap(servicePrefixes(['svc']), [
      { instance: 'svc', name: 'a.b' },
      { instance: 'svc', name: 'a_b' },
    ]);
    expect(reversed.combined('svc', 'a_b')).toBe('svc__a_b-2');
  });

  it('shortens a long service id to a prefix with a hash, and suffixes prefixes that collide', () => {
    const long = 'a-very-long-service-identifier-that-goes-on';
    const prefixes = servicePrefixes([long, 'short']);
    expect(prefixes.get(long)).toMatch(/^a-very-long-servic-[0-9a-f]{5}$/);
    expect(prefixes.get('short')).toBe('short');
    expect(
      assignUnique([
        ['b', 'same'],
        ['a', 'same'],
        ['c', 'same'],
      ]),
    ).toEqual(
      new Map([
        ['a', 'same'],
        ['b', 'same-2'],
        ['c', 'same-3'],
      ]),
    );
  });

  it('prefixes resource URIs with the id and "+" and finds the service back', () => {
    const prefixes = servicePrefixes(['everything', 'notes']);
    expect(splitUri(prefixes, 'notes+file:///a+b')).toEqual({ instance: 'notes', uri: 'file:///a+b' });
    expect(splitUri(prefixes, 'other+x://y')).toBeNull();
  });
});
