import fs from 'node:fs';
import type { TrayApi } from '../../shared/api';
import type { ImportReview } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { readSecrets } from '../secret-input';
import { confirm } from '../confirm';

type Out = (line: string) => void;

/** `mcp-tray export [--profile NAME]`: the setup file on standard output. */
export async function exportCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  if (args.positionals.length) throw new UsageError('usage: mcp-tray export [--profile NAME] > setup.json');
  const { text } = await api.exportSetup(args.profile ? { profile: args.profile } : {});
  out(text.trimEnd());
  return 0;
}

function showReview(review: ImportReview, say: Out): void {
  say('This setup file would add:');
  for (const s of review.services) {
    if (s.exists) continue;
    const what = s.kind === 'remote' ? `remote server ${s.command}` : [s.command, ...s.args].join(' ');
    say(`  ${s.id} (${s.name}${s.version ? `, version ${s.version}` : ''}): ${what}`);
    if (s.envNames.length) say(`    variables: ${s.envNames.join(', ')}`);
    if (s.secretFields.length)
      say(`    secrets (asked now, kept in the keychain): ${s.secretFields.join(', ')}`);
  }
  if (review.profiles.length) say(`  profiles: ${review.profiles.join(', ')}`);
  if (review.clients.length) say(`  choices for clients: ${review.clients.join(', ')}`);
  for (const note of review.notes) say(`  note: ${note}`);
}

/**
 * `mcp-tray import setup.json [--yes]`: the review first (exactly what will run), then the
 * secrets (hidden, or one line each on standard input), then the install.
 */
export async function importCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [file, extra] = args.positionals;
  if (!file || extra !== undefined) throw new UsageError('usage: mcp-tray import setup.json [--yes]');
  const text = fs.readFileSync(file, 'utf8');
  const review = await api.planImport({ text });
  const say: Out = (line) => process.stderr.write(line + '\n');
  showReview(review, say);
  const toAdd = review.services.filter((s) => !s.exists);
  if (toAdd.length === 0) {
    say('Nothing new to add.');
  }
  if (!args.yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError('add --yes to import without a question (the review is above)');
    }
    if (!(await confirm('Import this? [y/N] ', { piped: true }))) {
      say('Nothing was imported.');
      return 1;
    }
  }
  const wanted = toAdd.flatMap((s) => s.secretFields.map((field) => ({ id: s.id, field })));
  const values = await readSecrets(wanted.map((w) => `${w.id} ${w.field}`));
  const secrets: Record<string, Record<string, string>> = {};
  wanted.forEach((w, i) => ((secrets[w.id] ??= {})[w.field] = values[i]!));
  const result = await api.applyImport({ text, secrets });
  if (args.json) out(JSON.stringify(result));
  else out(result.added.length ? `Imported: ${result.added.join(', ')}` : 'Nothing was added.');
  return 0;
}
