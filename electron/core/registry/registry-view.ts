import type {
  RegistryEntry,
  RegistryEntryDetail,
  RegistryOption,
  RegistryPackageType,
} from '../../shared/registry-contract';
import { RUNTIME_OF, packageFields, planPackage } from './install-plan';
import type { RegistryRecord } from './registry-client';
import { remoteFields, planRemote } from './remote-plan';

/** Descriptions are cut to this for display (the schema says 100; registries hold more). */
const MAX_DESCRIPTION = 300;

/** Whether a runtime is on this computer, and how to get it when it is not. */
export type RuntimeProbe = (command: string) => Promise<{ found: boolean; hint: string | null }>;

export interface Located {
  record: RegistryRecord;
  registry: string;
  registryName: string;
}

const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** A search result row; `found` tells which runtimes this computer has. */
export function entryView(
  { record, registry, registryName }: Located,
  found: ReadonlySet<string> = new Set(),
): RegistryEntry {
  const { server } = record;
  const packages = server.packages ?? [];
  const remotes = server.remotes ?? [];
  const inputs = [
    ...packages.flatMap((p) => [
      ...(p.environmentVariables ?? []),
      ...(p.packageArguments ?? []),
      ...(p.runtimeArguments ?? []),
    ]),
    ...remotes.flatMap((r) => [...(r.headers ?? []), ...Object.values(r.variables ?? {})]),
  ];
  const needsSecret = inputs.some(
    (i) => i.isSecret === true || Object.values(i.variables ?? {}).some((v) => v.isSecret === true),
  );
  return {
    name: server.name,
    title: server.title ?? null,
    description: cut(server.description, MAX_DESCRIPTION),
    version: server.version,
    status: record.status,
    statusMessage: record.statusMessage ? cut(record.statusMessage, 500) : null,
    publishedAt: record.publishedAt,
    updatedAt: record.updatedAt,
    namespace: server.name.slice(0, server.name.indexOf('/')),
    repository: server.repository?.url ?? null,
    website: server.websiteUrl ?? null,
    kind: packages.length === 0 && remotes.length > 0 ? 'remote' : 'local',
    packageTypes: [...new Set(packages.map((p) => p.registryType))],
    remoteTypes: [...new Set(remotes.map((r) => r.type))],
    needsSecret,
    runtimes: [
      ...new Set(packages.map((p) => RUNTIME_OF[p.registryType]).filter((r): r is string => Boolean(r))),
    ],
    runnable:
      remotes.length > 0 ||
      packages.some((p) => p.registryType === 'mcpb' || found.has(RUNTIME_OF[p.registryType] ?? '')),
    registry,
    registryName,
  };
}

/** Every way to install the entry, with what each needs, and the one to offer first. */
export async function detailView(located: Located, probe: RuntimeProbe): Promise<RegistryEntryDetail> {
  const options = await installOptions(located.record, probe);
  const usable = options.filter((o) => o.problem === null && located.record.status === 'active');
  const recommended = usable.find((o) => o.runtimeFound) ?? usable[0] ?? null;
  return { ...entryView(located), options, recommended: recommended?.type ?? null };
}

/** Packages first (in the entry's order), then remotes. */
export async function installOptions(record: RegistryRecord, probe: RuntimeProbe): Promise<RegistryOption[]> {
  const options: RegistryOption[] = [];
  for (const [index, pkg] of (record.server.packages ?? []).entries()) {
    // Package types we cannot run (cargo…) are not offered at all; the entry still lists them.
    if (!(pkg.registryType in RUNTIME_OF)) continue;
    const runtime = RUNTIME_OF[pkg.registryType] ?? null;
    const found = runtime ? await probe(runtime) : { found: true, hint: null };
    let problem: string | null = null;
    let preview: RegistryOption['preview'] = null;
    try {
      const plan = planPackage(pkg, { values: {}, secrets: {}, preview: true });
      if (plan.command)
        preview = {
          command: plan.command,
          args: plan.args,
          envNames: [...Object.keys(plan.env), ...plan.secretEnvNames],
        };
      if (pkg.registryType === 'mcpb' && !pkg.fileSha256)
        problem = 'The bundle has no SHA-256 checksum to check it against.';
    } catch (error) {
      problem = (error as Error).message;
    }
    options.push({
      type: pkg.registryType as RegistryPackageType,
      index,
      identifier: pkg.identifier,
      version: pkg.version ?? null,
      runtime,
      runtimeFound: found.found,
      runtimeHint: found.found ? null : found.hint,
      transport: pkg.transport.type,
      fields: safeFields(() => packageFields(pkg).list()),
      problem,
      preview,
    });
  }
  for (const [index, remote] of (record.server.remotes ?? []).entries()) {
    let problem: string | null = null;
    try {
      planRemote(remote, { values: {}, secrets: {}, preview: true });
    } catch (error) {
      problem = (error as Error).message;
    }
    options.push({
      type: 'remote',
      index,
      identifier: remote.url,
      version: null,
      runtime: null,
      runtimeFound: true,
      runtimeHint: null,
      transport: remote.type,
      fields: safeFields(() => remoteFields(remote).list()),
      problem,
      preview: { command: remote.url, args: [], envNames: [] },
    });
  }
  return options;
}

function safeFields(make: () => RegistryOption['fields']): RegistryOption['fields'] {
  try {
    return make();
  } catch {
    return [];
  }
}
