import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  AddBundleInstance,
  BundleInfo,
  CatalogEntry,
  InspectBundle,
  InstanceSummary,
} from '../../shared/contract';
import { AddBundleInstance as AddBundleInstanceSchema, MAX_BUNDLE_BYTES } from '../../shared/contract';
import type { RuntimeCheck } from '../integrations/bundle-entry';
import { bundleEntry } from '../integrations/bundle-entry';
import { configSecretAccount } from '../integrations/launch-spec';
import type { Bundle } from '../integrations/mcpb-bundle';
import type * as McpbBundle from '../integrations/mcpb-bundle';
import type { Clock } from '../platform/clock';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { InstanceConfig } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { Supervisor } from '../supervisor/supervisor';

/** The zip reader, loaded with the first bundle opened rather than with the core. */
const loadMcpbBundle = (): Promise<typeof McpbBundle> => import('../integrations/mcpb-bundle');

/** A checked bundle waits this long for the user to confirm it. */
const STAGED_TTL_MS = 30 * 60_000;
/** Checked bundles kept at once (each holds its zip in memory). */
const MAX_STAGED = 3;

interface Staged {
  bundle: Bundle;
  info: BundleInfo;
  at: number;
}

export interface BundlesDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  supervisor: Pick<Supervisor, 'sync' | 'summary'>;
  /** Tells every UI that the list of services changed. */
  publish: () => void;
  clock: Clock;
  /** `<dataDir>/bundles`: one folder per instance that came from a bundle. */
  bundlesDir: string;
  platform: NodeJS.Platform;
  runtimes: RuntimeCheck;
}

/** `Weather Tools!` → `weather-tools`; never empty. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'bundle';
}

/**
 * `.mcpb` bundles: `inspect` checks a file and says what it would run, keeping it in memory
 * under a token; `add` (after the user confirmed) extracts it into `<dataDir>/bundles/<id>/`
 * and adds an instance whose integration is the bundle's own manifest.
 */
export class BundlesService {
  private readonly staged = new Map<string, Staged>();

  constructor(private readonly deps: BundlesDeps) {}

  async inspect({ fileName, dataBase64 }: InspectBundle): Promise<BundleInfo> {
    const data = Buffer.from(dataBase64, 'base64');
    if (data.length > MAX_BUNDLE_BYTES) {
      throw new UserFacingError('bad-bundle', `${fileName} is larger than 20 MB.`);
    }
    const { bundle, entry } = await this.open(data);
    const { manifest } = bundle;
    const info: BundleInfo = {
      token: randomBytes(16).toString('hex'),
      version: manifest.version,
      entry,
      fileCount: bundle.entries.length,
      totalBytes: bundle.totalBytes,
    };
    this.prune();
    this.staged.set(info.token, { bundle, info, at: this.deps.clock.now() });
    return info;
  }

  async add(input: AddBundleInstance): Promise<InstanceSummary> {
    const request = AddBundleInstanceSchema.parse(input);
    this.prune();
    const staged = this.staged.get(request.token);
    if (!staged) {
      throw new UserFacingError('bundle-expired', 'The bundle is no longer open. Choose the file again.');
    }
    const { bundle, info } = staged;
    const taken = new Set(this.deps.settings.read().instances.map((c) => c.id));
    if (request.id && taken.has(request.id)) {
      throw new UserFacingError('exists', `There is already a service called "${request.id}".`);
    }
    const id = request.id ?? uniqueId(slugify(bundle.manifest.name), taken);
    checkValues(info, request.userConfig, request.secrets);

    const dir = path.join(this.deps.bundlesDir, id);
    // A failed add leaves nothing behind: no folder in bundles/, no keychain item, no setting.
    const undo = async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      await this.deps.secrets.deleteAllFor(id).catch(() => 0);
      if (this.deps.settings.read().instances.some((c) => c.id === id)) {
        this.deps.settings.update((s) => ({ ...s, instances: s.instances.filter((c) => c.id !== id) }));
        await this.deps.supervisor.sync().catch(() => undefined);
      }
    };
    try {
      for (const [key, value] of Object.entries(request.secrets)) {
        await this.deps.secrets.set(configSecretAccount(id, key), value);
      }
      // No service has this id, so anything in its folder is left over from an earlier one.
      fs.rmSync(dir, { recursive: true, force: true });
      await (await loadMcpbBundle()).extractBundle(bundle.entries, dir);
      return await this.register(request, staged, id, dir);
    } catch (error) {
      await undo();
      throw error;
    }
  }

  private async register(
    request: ReturnType<typeof AddBundleInstanceSchema.parse>,
    { info }: Staged,
    id: string,
    dir: string,
  ): Promise<InstanceSummary> {
    const config: InstanceConfig = {
      id,
      name: request.name ?? info.entry.name,
      integrationId: info.entry.id,
      enabled: true,
      createdAt: new Date(this.deps.clock.now()).toISOString(),
      userConfig: request.userConfig,
      secretFields: Object.keys(request.secrets),
      bundleDir: dir,
      disabledTools: [],
    };
    this.deps.settings.update((s) => ({ ...s, instances: [...s.instances, config] }));
    this.staged.delete(request.token);
    await this.deps.supervisor.sync();
    this.deps.publish();
    return this.deps.supervisor.summary(config);
  }

  /**
   * Unpacks another version of instance `id`'s bundle (a registry update) beside its current
   * files, into `<id>~<checksum>`: the same file always lands in the same folder, so the
   * folder a plan shows is the one the update runs from. Returns the folder and the manifest
   * as a catalog entry.
   */
  async unpackVersion(id: string, data: Buffer): Promise<{ dir: string; entry: CatalogEntry }> {
    const mcpb = await loadMcpbBundle();
    const { bundle, entry } = await this.open(data);
    const sum = createHash('sha256').update(data).digest('hex').slice(0, 16);
    const dir = path.join(this.deps.bundlesDir, `${id}~${sum}`);
    // A folder of that name holds this very file (it only ever appears whole: extractBundle
    // renames it into place). It may be the one the service runs now, so it is kept, never
    // deleted and written again under the running server.
    if (!fs.existsSync(dir)) {
      try {
        await mcpb.extractBundle(bundle.entries, dir);
      } catch (error) {
        // Another unpack of the same file (a plan and an apply at once) got there first.
        if (!fs.existsSync(dir)) throw error;
      }
    }
    return { dir, entry };
  }

  /** A bundle file checked and read, and its manifest as a catalog entry. */
  private async open(data: Buffer): Promise<{ bundle: Bundle; entry: CatalogEntry }> {
    const bundle = await (await loadMcpbBundle()).openBundle(data);
    const { manifest } = bundle;
    const entry = await bundleEntry(
      `mcpb:${manifest.name}`,
      manifest,
      bundle.entries,
      this.deps.platform,
      this.deps.runtimes,
    );
    return { bundle, entry };
  }

  /** Deletes one unpacked version (only ever a folder directly in `bundles/`). */
  discard(dir: string): void {
    if (path.dirname(path.resolve(dir)) === path.resolve(this.deps.bundlesDir))
      fs.rmSync(dir, { recursive: true, force: true });
  }

  /** Deletes the extracted files of a removed instance, every version (a no-op for others). */
  forget(id: string): void {
    this.discard(path.join(this.deps.bundlesDir, id));
    let names: string[];
    try {
      names = fs.readdirSync(this.deps.bundlesDir);
    } catch {
      return;
    }
    // Ids are slugs, so no other instance's folder starts with `<id>~`.
    for (const name of names)
      if (name.startsWith(`${id}~`)) this.discard(path.join(this.deps.bundlesDir, name));
  }

  private prune(): void {
    const now = this.deps.clock.now();
    for (const [token, staged] of this.staged) {
      if (now - staged.at > STAGED_TTL_MS) this.staged.delete(token);
    }
    // Oldest first (insertion order): make room for one more.
    for (const token of [...this.staged.keys()].slice(0, Math.max(0, this.staged.size - MAX_STAGED + 1))) {
      this.staged.delete(token);
    }
  }
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Sensitive values only as secrets, known fields only, every required field given. */
function checkValues(info: BundleInfo, userConfig: Record<string, unknown>, secrets: Record<string, string>) {
  const fields = new Map(info.entry.fields.map((field) => [field.key, field]));
  for (const key of [...Object.keys(userConfig), ...Object.keys(secrets)]) {
    if (!fields.has(key)) throw new UserFacingError('invalid-input', `The bundle has no setting "${key}".`);
  }
  for (const field of fields.values()) {
    if (field.sensitive && field.key in userConfig) {
      throw new UserFacingError('invalid-input', `${field.title} is secret: it goes to the keychain.`);
    }
    if (!field.sensitive && field.key in secrets) {
      throw new UserFacingError('invalid-input', `${field.title} is not a secret setting.`);
    }
    const given = field.sensitive ? field.key in secrets : field.key in userConfig || field.default !== null;
    if (field.required && !given) throw new UserFacingError('invalid-input', `${field.title} is required.`);
  }
}
