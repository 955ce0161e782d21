import { describe, expect, it } from 'vitest';
import { makeCatalogEntry } from '../../test/fake-api';
import {
  groupEntries,
  indexEntries,
  initials,
  matchesQuery,
  needsOf,
  suggestedEntries,
} from './catalog-model';

describe('catalog model', () => {
  it('matches every word anywhere, in any case', () => {
    expect(matchesQuery('gmail\nread and send mail.\ngmail', 'SEND gm')).toBe(true);
    expect(matchesQuery('gmail\nread and send mail.\ngmail', 'send calendar')).toBe(false);
    expect(matchesQuery('anything', '   ')).toBe(true);
  });

  it('groups in a fixed order, by name within a group, leaving empty groups out', () => {
    const indexed = indexEntries([
      makeCatalogEntry({ id: 'z', name: 'Zed', category: 'custom' }),
      makeCatalogEntry({ id: 'b', name: 'beta', category: 'community' }),
      makeCatalogEntry({ id: 'a', name: 'Alpha', category: 'community' }),
      makeCatalogEntry({ id: 'g', name: 'GitHub', category: 'built-in' }),
    ]);
    expect(groupEntries(indexed, '').map((g) => [g.category, g.entries.map((e) => e.id)])).toEqual([
      ['built-in', ['g']],
      ['community', ['a', 'b']],
      ['custom', ['z']],
    ]);
    expect(groupEntries(indexed, 'alp').map((g) => g.category)).toEqual(['community']);
  });

  it('draws initials from the first two words, or the first two letters', () => {
    expect(initials('Google Calendar')).toBe('GC');
    expect(initials('notion')).toBe('NO');
    expect(initials('Everything (test server)')).toBe('ET');
    expect(initials('—')).toBe('?');
  });

  it('lists needs in the order the user meets them', () => {
    const entry = makeCatalogEntry({
      auth: 'api-key',
      runtimes: [
        { name: 'uvx', found: false, hint: 'Install uv.' },
        { name: 'node', found: true, hint: null },
      ],
    });
    expect(needsOf(entry).map((n) => `${n.label}:${n.found}`)).toEqual([
      'API key:true',
      'uvx:false',
      'node:true',
    ]);
    expect(needsOf(makeCatalogEntry({ auth: 'none', runtimes: [] }))).toEqual([]);
  });

  it('suggests built-ins people connect first, and never a custom entry', () => {
    const entries = [
      makeCatalogEntry({ id: 'memory', name: 'Memory', category: 'community' }),
      makeCatalogEntry({ id: 'notion', name: 'Notion' }),
      makeCatalogEntry({ id: 'weather', name: 'Weather' }),
      makeCatalogEntry({ id: 'gmail', name: 'Gmail' }),
      makeCatalogEntry({ id: 'github', name: 'GitHub' }),
      makeCatalogEntry({ id: 'mine', name: 'Mine', category: 'custom' }),
    ];
    expect(suggestedEntries(entries).map((e) => e.id)).toEqual(['github', 'gmail', 'notion']);
    expect(suggestedEntries(entries.filter((e) => e.category !== 'built-in')).map((e) => e.id)).toEqual([
      'memory',
    ]);
  });
});
