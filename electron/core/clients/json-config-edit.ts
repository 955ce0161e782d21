import type { Node, ParseError } from 'jsonc-parser';
import {
  createScanner,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { isRecord } from './client-adapter';
import type { ConfigChanges, ConfigEditor } from './config-changes';
import { pendingChanges, valueAt, verifyEdit } from './config-changes';
import { ConfigParseError } from './config-errors';
import type { TextEdit } from './json-text-edits';
import { applyTextEdits, insertProperty, removeProperty, replaceValue } from './json-text-edits';
import type { TextStyle } from './text-format';
import { detectStyle, lineColumn, withEol } from './text-format';

/** What the client accepts in its JSON file. */
export interface JsonRules {
  file: string;
  clientName: string;
  /** Comments allowed (JSONC). */
  comments: boolean;
  trailingCommas: boolean;
  serversPath: readonly string[];
}

/**
 * jsonc-parser's `SyntaxKind` is a const enum, which isolated modules cannot read; these are its
 * values (stable since jsonc-parser 2).
 */
const Kind = {
  CloseBrace: 2,
  CloseBracket: 4,
  Comma: 5,
  LineComment: 12,
  BlockComment: 13,
  LineBreak: 14,
  Trivia: 15,
  EOF: 17,
} as const;

/** The first comment or trailing comma the client would choke on. */
function findDisallowed(
  text: string,
  rules: JsonRules,
): { offset: number; what: 'comment' | 'comma' } | null {
  const scanner = createScanner(text, false);
  let lastSignificant: number | null = null;
  let lastOffset = 0;
  for (let kind: number = scanner.scan(); kind !== Kind.EOF; kind = scanner.scan()) {
    if (kind === Kind.LineComment || kind === Kind.BlockComment) {
      if (!rules.comments) return { offset: scanner.getTokenOffset(), what: 'comment' };
      continue;
    }
    if (kind === Kind.Trivia || kind === Kind.LineBreak) continue;
    const closes = kind === Kind.CloseBrace || kind === Kind.CloseBracket;
    if (closes && lastSignificant === Kind.Comma && !rules.trailingCommas) {
      return { offset: lastOffset, what: 'comma' };
    }
    lastSignificant = kind;
    lastOffset = scanner.getTokenOffset();
  }
  return null;
}

function parseError(text: string, rules: JsonRules, offset: number, detail: string): ConfigParseError {
  const { line, column } = lineColumn(text, offset);
  return new ConfigParseError(rules.file, line, column, detail);
}

/** Parses like the client would, refusing anything the client itself could not read. */
function parseJsonConfig(text: string, rules: JsonRules): Record<string, unknown> {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: true,
  });
  const first = errors[0];
  if (first) {
    throw parseError(
      text,
      rules,
      first.offset,
      `this is not valid JSON (${printParseErrorCode(first.error)}). MCP Tray leaves the file alone; ` +
        `fix it (or let ${rules.clientName} recreate it) and try again.`,
    );
  }
  const disallowed = findDisallowed(text, rules);
  if (disallowed) {
    const what = disallowed.what === 'comment' ? 'a comment' : 'a trailing comma';
    throw parseError(
      text,
      rules,
      disallowed.offset,
      `${rules.clientName} reads this file as strict JSON and cannot read ${what}, so it would fail ` +
        `to load the file as it is. Remove it, then try again.`,
    );
  }
  if (!root) return {};
  if (root.type !== 'object') {
    throw parseError(text, rules, root.offset, 'the file should hold a JSON object ({ … }).');
  }
  return getNodeValue(root) as Record<string, unknown>;
}

function serversOf(text: string, rules: JsonRules, root: Record<string, unknown>): Record<string, unknown> {
  const servers = valueAt(root, rules.serversPath);
  if (servers === undefined) return {};
  if (isRecord(servers)) return servers;
  const node: Node | undefined = findNodeAtLocation(parseTree(text) as Node, [...rules.serversPath]);
  throw parseError(
    text,
    rules,
    node?.offset ?? 0,
    `"${rules.serversPath.join('.')}" should be an object of servers; MCP Tray will not replace it.`,
  );
}

/** Edits setting `<servers>.<name>` to `value`, creating the servers object if missing. */
function setEdits(
  text: string,
  rules: JsonRules,
  name: string,
  value: unknown,
  style: TextStyle,
): TextEdit[] {
  const tree = parseTree(text) as Node;
  const existing = findNodeAtLocation(tree, [...rules.serversPath, name]);
  if (existing?.parent) return [replaceValue(text, existing.parent, value, style)];
  let parent = tree;
  for (let i = 0; i < rules.serversPath.length; i++) {
    const child = findNodeAtLocation(tree, rules.serversPath.slice(0, i + 1));
    if (!child) {
      let nested: unknown = { [name]: value };
      for (const key of rules.serversPath.slice(i + 1).reverse()) nested = { [key]: nested };
      return insertProperty(text, parent, rules.serversPath[i]!, nested, style);
    }
    parent = child;
  }
  return insertProperty(text, parent, name, value, style);
}

function removeEdits(text: string, rules: JsonRules, name: string): TextEdit[] {
  const property = findNodeAtLocation(parseTree(text) as Node, [...rules.serversPath, name])?.parent;
  return property?.parent ? removeProperty(text, property.parent, property) : [];
}

/**
 * A JSON/JSONC editor that changes only the named entries, as small text edits located with
 * jsonc-parser: every other byte (comments, trailing commas, key order, spacing, the user's
 * one-line entries) stays, and inserted text follows the file's indentation and line ends. The
 * servers object is never replaced as a whole. (jsonc-parser's own `modify` is not used: it
 * re-formats the whole lines around an edit, neighbours included.)
 */
export function jsonConfigEditor(rules: JsonRules): ConfigEditor {
  return {
    parse: (text) => parseJsonConfig(text, rules),
    servers: (text) => serversOf(text, rules, parseJsonConfig(text, rules)),
    edit(text, changes: ConfigChanges) {
      const root = parseJsonConfig(text, rules);
      const pending = pendingChanges(serversOf(text, rules, root), changes);
      if (Object.keys(pending.set).length === 0 && pending.remove.length === 0) return text;
      const style = detectStyle(text);
      let out = text;
      if (text.trim() === '') {
        // Nothing to keep: a fresh document with just our entries.
        let doc: unknown = pending.set;
        for (const key of [...rules.serversPath].reverse()) doc = { [key]: doc };
        const indent = style.indent.tabs ? '\t' : ' '.repeat(style.indent.size);
        out = withEol(`${JSON.stringify(doc, null, indent)}\n`, style.eol);
      } else {
        // One change at a time on freshly parsed text: offsets never go stale.
        for (const name of pending.remove) out = applyTextEdits(out, removeEdits(out, rules, name));
        for (const [name, value] of Object.entries(pending.set)) {
          out = applyTextEdits(out, setEdits(out, rules, name, value, style));
        }
      }
      verifyEdit(rules.file, rules.serversPath, root, parseJsonConfig(out, rules), pending);
      return out;
    },
  };
}
