import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readZip } from '../../core/support/read-zip';
import { writeZip } from '../../core/support/zip-writer';
import { KeytarSecretStore } from '../../../electron/core/secrets/keytar-secret-store';
import { silentLogger } from '../../../electron/core/platform/logger';
import type { ChaosCase } from '../harness';
import { ChaosContext, result, runningPids, seed, serve, until } from '../harness';

const UNRELATED = { theme: 'dark', projects: { '/work/app': { allowedTools: ['Bash'] } }, numStartups: 42 };

/** SIGKILL of the core while it writes a client's config, at 20 random points. */
export const configKill: ChaosCase = {
  name: 'SIGKILL during client-config writes',
  budgetMs: 150_000,
  async run(ctx) {
    const runs = 20;
    let survived = 0;
    const notes: string[] = [];
    for (let i = 0; i < runs; i++) {
      const { home, dataDir } = ctx.home();
      seed(dataDir, [{ id: 'notes' }, { id: 'files' }]);
      const file = path.join(home, '.claude.json');
      fs.writeFileSync(file, JSON.stringify(UNRELATED, null, 2));
      const served = await serve(ctx, home, dataDir);
      const { api } = await served.control();
      const writes = (async () => {
        for (let n = 0; ; n++) {
          await api.setClientSelection({
            client: 'claude-code',
            instances: n % 2 ? ['notes'] : ['notes', 'files'],
          });
          await api.applyClientConfig({ client: 'claude-code' });
        }
      })().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 900)));
      served.child.kill('SIGKILL');
      await writes;
      try {
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        const intact = Object.entries(UNRELATED).every(
          ([k, v]) => JSON.stringify(parsed[k]) === JSON.stringify(v),
        );
        if (intact) survived++;
        else notes.push(`run ${i}: unrelated keys changed`);
      } catch (error) {
        notes.push(`run ${i}: ${(error as Error).message.slice(0, 60)}`);
      }
    }
    return result(
      runs,
      survived,
      runs - survived,
      notes.join('; ') || 'every file parses, unrelated keys intact',
    );
  },
};

/** Bundles that try to escape or explode: refused at inspection, nothing written. */
export const maliciousBundles: ChaosCase = {
  name: 'malicious .mcpb archives',
  budgetMs: 60_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    const served = await serve(ctx, home, dataDir);
    const { api } = await served.control();
    const manifest = {
      manifest_version: '0.3',
      name: 'evil',
      version: '1.0.0',
      description: 'x',
      author: { name: 'x' },
      server: { type: 'node', mcp_config: { command: 'node', args: ['server.mjs'] } },
    };
    const m = (extra: object = {}) => ({
      name: 'manifest.json',
      data: JSON.stringify({ ...manifest, ...extra }),
    });
    const archives: Record<string, Buffer> = {
      'zip slip': writeZip([m(), { name: '../../escape.txt', data: 'x' }]),
      'absolute path': writeZip([m(), { name: '/tmp/mcp-tray-chaos-abs.txt', data: 'x' }]),
      'backslash slip': writeZip([m(), { name: '..\\..\\escape.txt', data: 'x' }]),
      symlink: writeZip([m(), { name: 'link', data: '/etc/passwd', mode: 0o120777 }]),
      bomb: writeZip([m(), { name: 'big.bin', data: Buffer.alloc(300 * 1024 * 1024) }]),
      'huge fields': writeZip([
        m({
          name: 'n'.repeat(2_000_000),
          tools: Array.from({ length: 20_000 }, (_, i) => ({ name: `t${i}` })),
        }),
      ]),
      'not a zip': randomBytes(4096),
    };
    let refused = 0;
    const notes: string[] = [];
    for (const [kind, data] of Object.entries(archives)) {
      try {
        await api.inspectBundle({ fileName: `${kind}.mcpb`, dataBase64: data.toString('base64') });
        notes.push(`${kind} accepted`);
      } catch {
        refused++;
      }
    }
    const written =
      fs.existsSync(path.join(dataDir, 'bundles')) || fs.existsSync(path.join(home, 'escape.txt'));
    return result(
      Object.keys(archives).length,
      written ? 0 : refused,
      Object.keys(archives).length - refused,
      notes.join('; ') || 'all refused, nothing written',
    );
  },
};

/** A damaged settings.json: moved aside, defaults used, keychain items kept. */
export const corruptSettings: ChaosCase = {
  name: 'corrupt settings.json',
  budgetMs: 60_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    const secrets = new KeytarSecretStore(silentLogger);
    const value = `sk-chaos-${randomBytes(8).toString('hex')}`;
    ChaosContext.planted.add(value);
    await secrets.set('kept:env:API_KEY', value);
    ctx.onCleanup(() => void secrets.delete('kept:env:API_KEY'));
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{"instances": [ {"id": "kept", trunc');
    const served = await serve(ctx, home, dataDir);
    const { api } = await served.control();
    const aside = fs.readdirSync(dataDir).some((f) => /^settings\.corrupt-.*\.json$/.test(f));
    const defaults = (await api.listInstances()).length === 0;
    const kept = (await secrets.get('kept:env:API_KEY')) === value;
    const held = [aside, defaults, kept].filter(Boolean).length;
    return result(3, held, 3 - held, `set aside ${aside}, defaults ${defaults}, keychain kept ${kept}`);
  },
};

/** After everything: no planted secret in any data folder, HOME, or a diagnostics zip. */
export const secretScan: ChaosCase = {
  name: 'secret scan of data, HOME and diagnostics',
  budgetMs: 90_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    const value = `ghp_chaos${randomBytes(12).toString('hex')}`;
    ChaosContext.planted.add(value);
    seed(dataDir, [{ id: 'notes' }]);
    const served = await serve(ctx, home, dataDir);
    const { api } = await served.control();
    await api.addCustomInstance({
      id: 'secretive',
      command: process.execPath,
      args: [path.join(path.dirname(ctx.root), 'missing.mjs')],
      secretEnv: { NOTES_TOKEN: value },
    });
    await runningPids(served, 1);
    await api.setClientSelection({ client: 'claude-code', instances: ['notes', 'secretive'] });
    await api.applyClientConfig({ client: 'claude-code' });
    const zip = await api.exportDiagnostics();
    await until(() => fs.existsSync(zip.path), 'the diagnostics zip');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) files.push(full);
      }
    };
    walk(ctx.root);
    if (!zip.path.startsWith(ctx.root)) files.push(zip.path);
    const hits: string[] = [];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      // Zips (diagnostics) are compressed: look inside each file of them.
      const texts = file.endsWith('.zip')
        ? [...readZip(bytes).values()].map((data) => data.toString('latin1'))
        : [bytes.toString('latin1')];
      for (const secret of ChaosContext.planted) {
        if (texts.some((t) => t.includes(secret))) hits.push(path.relative(ctx.root, file));
      }
    }
    await api.removeInstance({ id: 'secretive' });
    return result(
      files.length,
      files.length - hits.length,
      hits.length,
      hits.length
        ? `found in ${hits.join(', ')}`
        : `${files.length} files scanned, ${ChaosContext.planted.size} secrets planted, 0 hits`,
    );
  },
};
