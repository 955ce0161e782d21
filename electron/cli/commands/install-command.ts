import fs from 'node:fs';
import path from 'node:path';
import type { TrayApi } from '../../shared/api';
import type { BundleInfo } from '../../shared/contract';
import { MAX_BUNDLE_BYTES } from '../../shared/bundle-contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { readSecrets } from '../secret-input';
import { statusRecord } from './instance-commands';
import { configValues } from './settings-command';
import { confirm } from '../confirm';

type Out = (line: string) => void;

function printBundle(info: BundleInfo, out: Out): void {
  const { entry } = info;
  out(`${entry.name} ${info.version} by ${entry.author}`);
  if (entry.description) out(`  ${entry.description}`);
  out(`  runs: ${[entry.launch.command, ...entry.launch.args].join(' ')}`);
  if (entry.launch.envNames.length > 0) out(`  variables: ${entry.launch.envNames.join(', ')}`);
  for (const runtime of entry.runtimes.filter((r) => !r.found)) {
    out(`  needs ${runtime.name}, not found on this computer${runtime.hint ? `: ${runtime.hint}` : ''}`);
  }
  for (const field of entry.fields) {
    out(`  setting ${field.key}: ${field.title}${field.sensitive ? ' (secret, asked for)' : ''}`);
  }
  out(`  ${info.fileCount} files, ${Math.ceil(info.totalBytes / 1024)} KB`);
}

/**
 * `mcp-tray install <file.mcpb>`: the same two steps as the Add dialog's bundle tab: the core
 * checks the bundle and says what it would run (inspectBundle), then adds it once confirmed.
 */
export async function installCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [file, extra] = args.positionals;
  if (!file || extra !== undefined) throw new UsageError('install takes exactly one .mcpb file');
  let data: Buffer;
  try {
    if (fs.statSync(file).size > MAX_BUNDLE_BYTES) {
      throw new Error(`${file} is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB`);
    }
    data = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `there is no file ${file}` : (error as Error).message, {
      cause: error,
    });
  }
  const info = await api.inspectBundle({
    fileName: path.basename(file),
    dataBase64: data.toString('base64'),
  });
  if (!args.json) printBundle(info, out);
  const userConfig = configValues(args.config, info.entry.fields, info.entry.name);
  const missing = info.entry.fields.filter(
    (f) => f.required && !f.sensitive && f.default === null && !(f.key in userConfig),
  );
  if (missing.length > 0) {
    throw new UsageError(`${info.entry.name} needs ${missing.map((f) => `--config ${f.key}=…`).join(' ')}`);
  }
  if (!args.yes && !(await confirm(`Add ${info.entry.name}? [y/N] `))) {
    if (args.json) out(JSON.stringify({ bundle: info, added: false }));
    else out('Not added. Run again with --yes to add it.');
    return 1;
  }
  const secretFields = info.entry.fields.filter((f) => f.sensitive && f.required);
  const values = await readSecrets(secretFields.map((f) => f.title));
  const secrets = Object.fromEntries(secretFields.map((f, i) => [f.key, values[i]!]));
  const summary = await api.addBundleInstance({
    token: info.token,
    id: args.as,
    name: args.name,
    userConfig,
    secrets,
  });
  if (args.json) out(JSON.stringify({ bundle: info, added: true, instance: statusRecord(summary) }));
  else out(`${summary.id}: added, ${summary.state}`);
  return 0;
}
