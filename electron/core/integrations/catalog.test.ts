import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import type { Logger } from '../platform/logger';
import { Catalog } from './catalog';
import { communityManifests } from './community-catalog';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const github = JSON.parse(fs.readFileSync(path.join(ROOT, 'servers/github/manifest.json'), 'utf8')) as {
  name: string;
};

function recordingLogger(errors: string[]): Logger {
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message) => void errors.push(message),
    child: () => logger,
  };
  return logger;
}

function writeManifest(dir: string, id: string, text: string): void {
  fs.mkdirSync(path.join(dir, id), { recursive: true });
  fs.writeFileSync(path.join(dir, id, 'manifest.json'), text);
}

describe('Catalog', () => {
  it('reads and parses nothing when created, and then only the entry asked for', () => {
    const dir = path.join(tempDir(), 'servers');
    const errors: string[] = [];
    const catalog = new Catalog(dir, recordingLogger(errors));
    // The folder did not exist when the catalog was made; an eager catalog would miss it.
    writeManifest(dir, 'github', JSON.stringify(github));
    writeManifest(dir, 'broken', '{ not json');
    expect(catalog.get('github')).toMatchObject({
      id: 'github',
      category: 'built-in',
      dir: path.join(dir, 'github'),
    });
    expect(catalog.get('github')).toBe(catalog.get('github'));
    // Parsing everything at the first question would have logged the broken one already.
    expect(errors).toEqual([]);
    expect(catalog.get('broken')).toBeUndefined();
    expect(errors).toEqual(['unreadable built-in manifest']);
  });

  it('lists community entries, then built-in ones; a built-in replaces the community entry of its id', () => {
    const dir = tempDir();
    const community = Object.keys(communityManifests);
    writeManifest(dir, 'github', JSON.stringify(github));
    writeManifest(dir, community[0]!, JSON.stringify(github));
    fs.mkdirSync(path.join(dir, 'no-manifest'));
    const catalog = new Catalog(dir, recordingLogger([]));
    const list = catalog.list();
    expect(list.map((e) => e.id)).toEqual([...community, 'github']);
    expect(list[0]).toMatchObject({ id: community[0], category: 'built-in' });
    expect(list.slice(1, community.length).every((e) => e.category === 'community')).toBe(true);
    expect(catalog.get('no-manifest')).toBeUndefined();
    expect(catalog.get('nothing-here')).toBeUndefined();
    expect(catalog.get('__proto__')).toBeUndefined();
  });

  it('leaves out a built-in whose manifest is broken, saying so, and keeps the community entry of its id', () => {
    const dir = tempDir();
    const community = Object.keys(communityManifests)[0]!;
    writeManifest(dir, 'broken-json', '{ not json');
    writeManifest(dir, 'broken-shape', JSON.stringify({ name: 3 }));
    writeManifest(dir, community, '{');
    const errors: string[] = [];
    const catalog = new Catalog(dir, recordingLogger(errors));
    expect(catalog.get('broken-json')).toBeUndefined();
    expect(catalog.get('broken-shape')).toBeUndefined();
    expect(catalog.get(community)).toMatchObject({ id: community, category: 'community' });
    expect(catalog.list().map((e) => e.id)).not.toContain('broken-json');
    expect(errors).toEqual([
      'unreadable built-in manifest',
      'invalid built-in manifest',
      'unreadable built-in manifest',
    ]);
  });
});
