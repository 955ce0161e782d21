import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../platform/logger';
import { withBundledClient } from './bundled-client';
import { communityManifests } from './community-catalog';
import type { Integration } from './manifest';
import { Manifest } from './manifest';

/**
 * Every integration a user can add: built-in servers (`servers/<id>/manifest.json`) and the
 * well-known community servers. Custom commands are not catalog entries; their instance
 * carries its own launch config.
 */
export class Catalog {
  /** Entries parsed so far; `null` for a built-in whose manifest is broken (and no community one). */
  private readonly parsed = new Map<string, Integration | null>();
  private builtInIds: Set<string> | null = null;
  /** By folder, with the manifest file's identity when read (see {@link forInstance}). */
  private readonly bundles = new Map<string, { integration: Integration; file: string }>();

  // Nothing is read or parsed here: parsing every manifest took ~8-15 ms of each start, and a
  // start needs only the entries of the services it runs (the Add screen lists them all).
  constructor(
    private readonly builtInDir: string | null,
    private readonly logger: Logger,
  ) {}

  get(id: string): Integration | undefined {
    // Only ids the catalog has are remembered: any string can be asked for (RPC, links, CLI).
    if (!this.builtIns().has(id) && !Object.hasOwn(communityManifests, id)) return undefined;
    let entry = this.parsed.get(id);
    if (entry === undefined) this.parsed.set(id, (entry = this.load(id)));
    return entry ?? undefined;
  }

  /** Community entries first, then the built-in ones (a built-in replaces a community entry of its id). */
  list(): Integration[] {
    const ids = new Set([...Object.keys(communityManifests), ...this.builtIns()]);
    return [...ids].flatMap((id) => this.get(id) ?? []);
  }

  /**
   * The integration an instance runs: its extracted `.mcpb` bundle when it has one (read once
   * per extraction: a removed service's folder is used again by the next one of that name, so
   * the manifest file's inode and time tell a new extraction), else the catalog entry of its id.
   */
  forInstance(config: { integrationId: string; bundleDir?: string | undefined }): Integration | undefined {
    if (!config.bundleDir) return this.get(config.integrationId);
    const manifestFile = path.join(config.bundleDir, 'manifest.json');
    const file = fileIdentity(manifestFile);
    const cached = this.bundles.get(config.bundleDir);
    if (cached && cached.file === file) return cached.integration;
    try {
      const raw: unknown = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
      const manifest = Manifest.parse(raw);
      const integration: Integration = {
        id: config.integrationId,
        manifest,
        dir: config.bundleDir,
        category: 'custom',
      };
      this.bundles.set(config.bundleDir, { integration, file });
      return integration;
    } catch (error) {
      this.logger.error('unreadable bundle', { dir: config.bundleDir, error: String(error) });
      return undefined;
    }
  }

  private load(id: string): Integration | null {
    const builtIn = this.builtIns().has(id) ? this.loadBuiltIn(id) : null;
    if (builtIn) return builtIn;
    if (!Object.hasOwn(communityManifests, id)) return null;
    return { id, manifest: Manifest.parse(communityManifests[id]), dir: '', category: 'community' };
  }

  /** The folders of `builtInDir` that hold a manifest, read once. */
  private builtIns(): Set<string> {
    if (this.builtInIds) return this.builtInIds;
    this.builtInIds = new Set();
    if (!this.builtInDir || !fs.existsSync(this.builtInDir)) return this.builtInIds;
    for (const entry of fs.readdirSync(this.builtInDir, { withFileTypes: true })) {
      if (entry.isDirectory() && fs.existsSync(path.join(this.builtInDir, entry.name, 'manifest.json'))) {
        this.builtInIds.add(entry.name);
      }
    }
    return this.builtInIds;
  }

  /** A built-in entry, or null (logged) when its manifest is invalid. */
  private loadBuiltIn(id: string): Integration | null {
    const dir = path.join(this.builtInDir!, id);
    const file = path.join(dir, 'manifest.json');
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      this.logger.error('unreadable built-in manifest', { file, error: String(error) });
      return null;
    }
    const parsed = Manifest.safeParse(raw);
    if (!parsed.success) {
      this.logger.error('invalid built-in manifest', { file, issue: parsed.error.issues[0]?.message });
      return null;
    }
    const manifest = withBundledClient(parsed.data, dir, (error) =>
      this.logger.error('invalid bundled OAuth client', { id, error }),
    );
    return { id, manifest, dir, category: 'built-in' };
  }
}

/** A file's inode and change time ('' when it cannot be read): another file at the same path differs. */
function fileIdentity(file: string): string {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return `${stat.dev}:${stat.ino}:${stat.ctimeNs}`;
  } catch {
    return '';
  }
}
