import fs from 'node:fs';
import path from 'node:path';
import type { DiagnosticsExport, InstanceSummary } from '../../shared/contract';
import { ACCESS_TOKEN_FIELD, CLIENT_SECRET_FIELD, REFRESH_TOKEN_FIELD } from '../auth/token-store';
import { redact, redactText } from '../calllog/redact';
import { scrubSecrets } from '../calllog/scrub-secrets';
import type { ToolCallLog } from '../calllog/tool-call-log';
import { configSecretAccount, envSecretAccount } from '../integrations/launch-spec';
import type { Clock } from '../platform/clock';
import type { AppPaths } from '../platform/paths';
import type { ZipEntry } from '../platform/zip-writer';
import { buildZip } from '../platform/zip-writer';
import type { SecretStore } from '../secrets/secret-store';
import { secretAccount } from '../secrets/secret-store';
import type { Settings } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { AppInfoService } from './app-info-service';

/** The newest tool calls included. */
const DIAGNOSTIC_CALLS = 500;
/** Only the end of each log file goes in: the recent past is what explains a problem. */
const LOG_TAIL_BYTES = 2 * 1024 * 1024;

/** Generous bounds: a diagnostics file should be complete, only secrets are taken out. */
const WIDE = {
  maxString: 100_000,
  maxItems: 100_000,
  maxKeys: 100_000,
  maxDepth: 32,
  maxBytes: 64 * 1024 * 1024,
};

/** What the export reads: files by path, settings, keychain, call log, live state. */
export interface DiagnosticsDeps {
  paths: AppPaths;
  settings: SettingsStore;
  secrets: SecretStore;
  calls: ToolCallLog;
  appInfo: AppInfoService;
  instances: () => InstanceSummary[];
  /** Secret values the running servers were given (not all of them are in the keychain). */
  runningSecrets: () => string[];
  clock: Clock;
  /** The user's Downloads folder when it exists; otherwise the zip goes into the data folder. */
  downloadsDir: () => string | null;
  runtime: { node: string; electron: string | null };
}

/**
 * "Export diagnostics": one zip of what helps someone find a problem — app info, settings
 * (account metadata only: tokens live in the keychain), the app log, each server's error
 * output and the latest tool calls — with every secret taken out twice: by shape and key name
 * (the call log's redaction) and by value (every secret MCP Tray knows, from the keychain and
 * from the running servers), so even a password that looks like a word is gone.
 */
export class DiagnosticsService {
  constructor(private readonly deps: DiagnosticsDeps) {}

  async export(): Promise<DiagnosticsExport> {
    const secrets = await this.knownSecrets();
    const clean = (text: string) => scrubSecrets(redactText(text), secrets);
    const json = (value: unknown) => scrubSecrets(JSON.stringify(redact(value, WIDE), null, 2), secrets);
    const now = new Date(this.deps.clock.now());
    const settings = this.deps.settings.read();
    const entries: ZipEntry[] = [
      { name: 'README.txt', data: readme(now) },
      {
        name: 'app-info.json',
        data: json({
          ...(await this.deps.appInfo.info()),
          runtime: this.deps.runtime,
          instances: this.deps.instances(),
        }),
      },
      { name: 'settings.json', data: json(settingsForExport(settings)) },
      ...this.logs(clean),
      { name: 'tool-calls.jsonl', data: this.calls(clean) },
    ];
    const zip = await buildZip(entries, now);
    const file = this.target(now);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, zip, { mode: 0o600 });
    return { path: file, bytes: zip.length, files: entries.map((e) => e.name) };
  }

  /** Every secret value MCP Tray holds for its instances. A keychain that fails gives none. */
  private async knownSecrets(): Promise<string[]> {
    const accounts = this.deps.settings
      .read()
      .instances.flatMap((c) => [
        ...c.secretFields.flatMap((field) => [
          envSecretAccount(c.id, field),
          configSecretAccount(c.id, field),
        ]),
        secretAccount(c.id, ACCESS_TOKEN_FIELD),
        secretAccount(c.id, REFRESH_TOKEN_FIELD),
        secretAccount(c.id, CLIENT_SECRET_FIELD),
      ]);
    const values = await Promise.all(accounts.map((a) => this.deps.secrets.get(a).catch(() => null)));
    const known = [...values.filter((v): v is string => v !== null), ...this.deps.runningSecrets()];
    // Longest first: a secret that contains another is replaced whole.
    return [...new Set(known)].sort((a, b) => b.length - a.length);
  }

  private logs(clean: (text: string) => string): ZipEntry[] {
    const entries: ZipEntry[] = [];
    const add = (file: string, name: string) => {
      const text = tail(file);
      if (text !== null) entries.push({ name, data: text.split('\n').map(clean).join('\n') });
    };
    add(this.deps.paths.coreLog, 'logs/core.log');
    const instancesDir = path.join(this.deps.paths.logsDir, 'instances');
    for (const file of safeList(instancesDir)) add(path.join(instancesDir, file), `logs/instances/${file}`);
    return entries;
  }

  private calls(clean: (text: string) => string): string {
    const { records } = this.deps.calls.query({ limit: DIAGNOSTIC_CALLS });
    return records
      .reverse()
      .map((r) => clean(JSON.stringify(r)))
      .join('\n');
  }

  private target(now: Date): string {
    const stamp = now
      .toISOString()
      .replace(/[:.]/g, '-')
      .replace(/-\d{3}Z$/, 'Z');
    const dir = this.deps.downloadsDir() ?? path.join(this.deps.paths.dataDir, 'diagnostics');
    return path.join(dir, `mcp-tray-diagnostics-${stamp}.zip`);
  }
}

/** Settings as they are (they hold no secret values), launch env values taken out by name. */
function settingsForExport(settings: Settings): unknown {
  return {
    ...settings,
    instances: settings.instances.map((c) => ({
      ...c,
      ...(c.launch
        ? {
            launch: {
              ...c.launch,
              env: Object.fromEntries(Object.keys(c.launch.env).map((k) => [k, '[value]'])),
            },
          }
        : {}),
    })),
  };
}

function tail(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, LOG_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    // Start at a whole line when the file was cut.
    return size > length ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    fs.closeSync(fd);
  }
}

function safeList(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.includes('.log'))
      .sort();
  } catch {
    return [];
  }
}

function readme(now: Date): string {
  return [
    'MCP Tray diagnostics',
    `Exported ${now.toISOString()}.`,
    '',
    'app-info.json     version, system, keychain status and the state of each service',
    'settings.json     your settings (sign-ins as metadata only; values of environment variables left out)',
    'logs/core.log     what MCP Tray itself logged (the latest part)',
    'logs/instances/   what each service wrote to its error output (the latest part)',
    'tool-calls.jsonl  the latest tool calls, oldest first',
    '',
    'Secrets were removed before writing: values MCP Tray keeps in the keychain, tokens, and',
    'anything shaped like a key or password were replaced by [redacted].',
    '',
  ].join('\n');
}
