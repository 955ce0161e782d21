import { describe, expect, it } from 'vitest';
import { ConfigEditError } from './config-errors';
import { jsonConfigEditor } from './json-config-edit';

const strict = jsonConfigEditor({
  file: 'c.json',
  clientName: 'Test Client',
  comments: false,
  trailingCommas: false,
  serversPath: ['mcpServers'],
});
const lenient = jsonConfigEditor({
  file: 'c.jsonc',
  clientName: 'Test Client',
  comments: true,
  trailingCommas: true,
  serversPath: ['servers'],
});
const ours = { command: 'node', args: ['mcp-tray.mjs', 'connect', 'x'] };

/** Adds `x`, checks the result, removes it again and expects the original bytes back. */
function roundTrip(editor: typeof strict, text: string, key = 'x'): string {
  const added = editor.edit(text, { set: { [key]: ours }, remove: [] });
  expect(editor.servers(added)[key]).toEqual(ours);
  expect(editor.edit(added, { set: {}, remove: [key] })).toBe(text);
  return added;
}

describe('JSON edits keep every byte that is not ours', () => {
  it("leaves the user's one-line entries as they are", () => {
    const text = '{\n  "mcpServers": {\n    "a": { "command": "x", "args": ["1"] }\n  }\n}\n';
    const added = roundTrip(strict, text);
    expect(added).toContain(
      '\n    "a": { "command": "x", "args": ["1"] },\n    "x": {\n      "command": "node",\n',
    );
  });

  it('keeps a comment on the line before or after ours', () => {
    const text =
      '{\n  "servers": {\n    "a": { "command": "x" }, // the a server\n    // more later\n  }\n}\n';
    const added = roundTrip(lenient, text);
    expect(added).toContain('"a": { "command": "x" }, // the a server\n    "x": {');
    expect(added).toContain('    // more later\n  }');
  });

  it('follows the trailing-comma style of a JSONC file', () => {
    const text = '{\n  "servers": {\n    "a": {},\n  },\n}\n';
    expect(roundTrip(lenient, text)).toContain('    "a": {},\n    "x": {\n');
    expect(roundTrip(lenient, text)).toMatch(/\n {4}\},\n {2}\},\n\}\n$/);
  });

  it('stays on the line in a compact file', () => {
    const text = '{"mcpServers": {"a": {"command": "x"}}, "theme": "dark"}';
    const added = roundTrip(strict, text);
    expect(added.startsWith('{"mcpServers": {"a": {"command": "x"}, "x": {')).toBe(true);
    expect(added.endsWith('}, "theme": "dark"}')).toBe(true);
  });

  it('fills an empty servers object and an empty file', () => {
    const added = strict.edit('{\n  "mcpServers": {}\n}\n', { set: { x: ours }, remove: [] });
    expect(added).toBe(
      '{\n  "mcpServers": {\n    "x": {\n      "command": "node",\n      "args": [\n' +
        '        "mcp-tray.mjs",\n        "connect",\n        "x"\n      ]\n    }\n  }\n}\n',
    );
    expect(JSON.parse(strict.edit('{}', { set: { x: ours }, remove: [] }))).toEqual({
      mcpServers: { x: ours },
    });
    expect(JSON.parse(strict.edit('  \n', { set: { x: ours }, remove: [] }))).toEqual({
      mcpServers: { x: ours },
    });
  });

  it('keeps comments in an otherwise empty servers object', () => {
    const text = '{\n  "servers": {\n    // nothing yet\n  }\n}\n';
    const added = lenient.edit(text, { set: { x: ours }, remove: [] });
    expect(added).toContain('// nothing yet');
    expect(lenient.servers(added)).toEqual({ x: ours });
  });

  it('removes an entry from the start or the middle without touching the others', () => {
    const text =
      '{\n  "mcpServers": {\n    "x": {"command": "old"},\n    "a": {"command": "a"},\n    "b": 1\n  }\n}\n';
    expect(strict.edit(text, { set: {}, remove: ['x'] })).toBe(
      '{\n  "mcpServers": {\n    "a": {"command": "a"},\n    "b": 1\n  }\n}\n',
    );
    expect(strict.edit(text, { set: {}, remove: ['a'] })).toBe(
      '{\n  "mcpServers": {\n    "x": {"command": "old"},\n    "b": 1\n  }\n}\n',
    );
    expect(strict.edit('{"mcpServers": {"a": 1, "x": 2, "b": 3}}', { set: {}, remove: ['x'] })).toBe(
      '{"mcpServers": {"a": 1, "b": 3}}',
    );
  });

  it('replaces an entry in place, whatever its layout', () => {
    const text = '{\n  "mcpServers": {\n    "x": {"command": "old"}, "a": {"command": "a"}\n  }\n}\n';
    const out = strict.edit(text, { set: { x: ours }, remove: [] });
    expect(out.startsWith('{\n  "mcpServers": {\n    "x": {\n      "command": "node",')).toBe(true);
    expect(out).toContain('\n    }, "a": {"command": "a"}\n  }\n}\n');
  });

  it('does nothing when our entry is already there, even with its keys reordered', () => {
    const text = '{"mcpServers": {"x": {"args": ["mcp-tray.mjs", "connect", "x"], "command": "node"}}}';
    expect(strict.edit(text, { set: { x: ours }, remove: [] })).toBe(text);
    expect(strict.edit(text, { set: {}, remove: ['missing'] })).toBe(text);
  });

  it('never edits a file where a key appears twice (it cannot tell which one counts)', () => {
    const text = '{"mcpServers": {"x": {"command": "a"}, "x": {"command": "b"}}}';
    expect(() => strict.edit(text, { set: { x: ours }, remove: [] })).toThrow(ConfigEditError);
  });
});
