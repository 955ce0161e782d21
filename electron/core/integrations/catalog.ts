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
  private readonly entries = new Map<string, Integration>();
  private readonly bundles = new Map<string, Integration>();

  constructor(
    private readonly builtInDir: string | null,
    private readonly logger: Logger,
  ) {
    for (const [id, raw] of Object.entries(communityManifests)) {
      this.entries.set(id, { id, manifest: Manifest.parse(raw), dir: '', category: 'community' });
    }
    this.loadBuiltIns();
  }

  get(id: string): Integration | undefined {
    return this.entries.get(id);
  }

  list(): Integration[] {
    return [...this.entries.values()];
  }

  /**
   * The integration an instance runs: its extracted `.mcpb` bundle when it has one (read once;
   * a bundle folder never changes after extraction), else the catalog entry of its id.
   */
  forInstance(config: { integrationId: string; bundleDir?: string | undefined }): Integration | undefined {
    if (!config.bundleDir) return this.get(config.integrationId);
    const cached = this.bundles.get(config.bundleDir);
    if (cached) return cached;
    try {
      const raw: unknown = JSON.parse(fs.readFileSync(path.join(config.bundleDir, 'manifest.json'), 'utf8'));
      const manifest = Manifest.parse(raw);
      const integration: Integration = {
        id: config.integrationId,
        manifest,
        dir: config.bundleDir,
        category: 'custom',
      };
      this.bundles.set(config.bundleDir, integration);
      return integration;
    } catch (error) {
      this.logger.error('unreadable bundle', { dir: config.bundleDir, error: String(error) });
      return undefined;
    }
  }

  private loadBuiltIns(): void {
    if (!this.builtInDir || !fs.existsSync(this.builtInDir)) return;
    for (const entry of fs.readdirSync(this.builtInDir, { withFileTypes: true })) {
      const file = path.join(this.builtInDir, entry.name, 'manifest.json');
      if (!entry.isDirectory() || !fs.existsSync(file)) continue;
      const parsed = Manifest.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) {
        this.logger.error('invalid built-in manifest', { file, issue: parsed.error.issues[0]?.message });
        continue;
      }
      const dir = path.dirname(file);
      const manifest = withBundledClient(parsed.data, dir, (error) =>
        this.logger.error('invalid bundled OAuth client', { id: entry.name, error }),
      );
      this.entries.set(entry.name, { id: entry.name, manifest, dir, category: 'built-in' });
    }
  }
}
