import { TomlError, parse, stringify } from 'smol-toml';
import { isRecord } from './client-adapter';
import type { ConfigChanges, ConfigEditor } from './config-changes';
import { pendingChanges, valueAt, verifyEdit } from './config-changes';
import { ConfigEditError, ConfigParseError } from './config-errors';
import { detectEol, withEol } from './text-format';
import { scanTomlHeaders } from './toml-scan';

/** Where the servers table is in the client's TOML file. */
export interface TomlRules {
  file: string;
  clientName: string;
  serversPath: readonly string[];
}

/** Parses TOML, turning a syntax error into a ConfigParseError with its line and column. */
function parseTomlConfig(text: string, rules: TomlRules): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new ConfigParseError(
      rules.file,
      error.line,
      error.column,
      `this is not valid TOML (${reason}). MCP Tray leaves the file alone; fix it and try again.`,
    );
  }
}

function serversOf(root: Record<string, unknown>, rules: TomlRules): Record<string, unknown> {
  const servers = valueAt(root, rules.serversPath);
  if (servers === undefined) return {};
  if (isRecord(servers)) return servers;
  throw new ConfigParseError(
    rules.file,
    1,
    1,
    `"${rules.serversPath.join('.')}" should be a table of servers; MCP Tray will not replace it.`,
  );
}

/** Moves `end` back over blank and comment-only lines: they introduce what follows. */
function trimTrailingTrivia(text: string, start: number, end: number): number {
  let cut = end;
  while (cut > start) {
    const lineStart = text.lastIndexOf('\n', cut - 2) + 1;
    const line = text.slice(Math.max(lineStart, start), cut).trim();
    if (line !== '' && !line.startsWith('#')) break;
    cut = Math.max(lineStart, start);
  }
  return cut;
}

/** Removes the tables `[<servers>.<name>]` and their sub-tables for every name in `drop`. */
function removeTables(text: string, rules: TomlRules, drop: Set<string>): string {
  const headers = scanTomlHeaders(text);
  const depth = rules.serversPath.length;
  const cuts: Array<[number, number]> = [];
  headers.forEach((header, index) => {
    const inServers = rules.serversPath.every((key, i) => header.path[i] === key);
    if (!inServers || header.path.length <= depth || !drop.has(header.path[depth]!)) return;
    const blockEnd = headers[index + 1]?.lineStart ?? text.length;
    let start = header.lineStart;
    // Also take the blank line we put before tables we append, so add-then-remove is clean.
    const blank = /(\r?\n)[ \t]*\r?\n$/.exec(text.slice(0, start));
    if (blank) start -= blank[0].length - blank[1]!.length;
    cuts.push([start, trimTrailingTrivia(text, header.lineEnd, blockEnd)]);
  });
  let out = '';
  let at = 0;
  for (const [start, end] of cuts) {
    out += text.slice(at, Math.max(at, start));
    at = Math.max(at, end);
  }
  return out + text.slice(at);
}

/** Our entries as TOML tables, nested under the servers path. */
function renderTables(rules: TomlRules, set: Record<string, unknown>): string {
  return Object.entries(set)
    .map(([name, value]) => {
      let doc: Record<string, unknown> = { [name]: value };
      for (const key of [...rules.serversPath].reverse()) doc = { [key]: doc };
      return stringify(doc).trim();
    })
    .join('\n\n');
}

/**
 * A TOML editor that works on the text: it cuts out exactly our `[mcp_servers.<name>]` tables
 * (with their sub-tables) and appends the new ones at the end, so other tables, comments and
 * formatting stay byte for byte. The result must parse and differ only in our entries.
 */
export function tomlConfigEditor(rules: TomlRules): ConfigEditor {
  return {
    parse: (text) => parseTomlConfig(text, rules),
    servers: (text) => serversOf(parseTomlConfig(text, rules), rules),
    edit(text, changes: ConfigChanges) {
      const root = parseTomlConfig(text, rules);
      const servers = serversOf(root, rules);
      const pending = pendingChanges(servers, changes);
      if (Object.keys(pending.set).length === 0 && pending.remove.length === 0) return text;
      const existing = Object.keys(servers);
      const drop = new Set([
        ...pending.remove,
        ...Object.keys(pending.set).filter((n) => existing.includes(n)),
      ]);
      const eol = detectEol(text);
      let out = removeTables(text, rules, drop);
      const left = serversOf(parseOrExplain(out, rules), rules);
      for (const name of drop) {
        if (Object.prototype.hasOwnProperty.call(left, name)) {
          throw new ConfigEditError(
            rules.file,
            `"${name}" is not written as its own [${[...rules.serversPath, name].join('.')}] table, so ` +
              'MCP Tray cannot replace it without touching other lines; edit it by hand.',
          );
        }
      }
      if (Object.keys(pending.set).length > 0) {
        if (out.length > 0 && !out.endsWith('\n')) out += eol;
        if (out.trim().length > 0 && !/\n[ \t]*\r?\n$/.test(out)) out += eol;
        out += withEol(`${renderTables(rules, pending.set)}\n`, eol);
      }
      verifyEdit(rules.file, rules.serversPath, root, parseOrExplain(out, rules), pending);
      return out;
    },
  };
}

/** Parses our own output; a failure (say, `mcp_servers` is an inline table) becomes an edit error. */
function parseOrExplain(text: string, rules: TomlRules): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigEditError(
      rules.file,
      `the edited file would not be valid TOML (${reason}), so nothing was written. This happens when ` +
        `"${rules.serversPath.join('.')}" is an inline table; write it as [${rules.serversPath.join('.')}.<name>] tables.`,
    );
  }
}
