import { describe, expect, it } from 'vitest';
import { connectorEntry, isOurEntry, ourInstanceId, resolveEntryName } from './connector-entry';

const node = { command: '/usr/local/bin/node', args: ['/opt/mcp-tray/dist/cli/mcp-tray.mjs'] };

describe('connectorEntry', () => {
  it('runs the connector with the instance id and, when given, the data dir', () => {
    expect(connectorEntry(node, 'files', null)).toEqual({
      command: '/usr/local/bin/node',
      args: ['/opt/mcp-tray/dist/cli/mcp-tray.mjs', 'connect', 'files'],
    });
    expect(connectorEntry(node, 'files', '/data/dir')).toEqual({
      command: '/usr/local/bin/node',
      args: ['/opt/mcp-tray/dist/cli/mcp-tray.mjs', 'connect', 'files', '--data-dir', '/data/dir'],
    });
  });

  it('does not share the runtime args array and adds no env for plain Node', () => {
    const entry = connectorEntry(node, 'files', null);
    expect(entry.args).not.toBe(node.args);
    expect(node.args).toHaveLength(1);
    expect(Object.keys(entry)).toEqual(['command', 'args']);
    expect(Object.keys(connectorEntry({ ...node, env: {} }, 'files', null))).toEqual(['command', 'args']);
  });

  it("carries the packaged app's runtime variable, and is still recognised as ours", () => {
    const app = {
      command: '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray',
      args: ['/Applications/MCP Tray.app/Contents/Resources/app.asar.unpacked/dist/cli/mcp-tray.mjs'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    };
    const entry = connectorEntry(app, 'github-work', null);
    expect(entry).toEqual({
      command: app.command,
      args: [...app.args, 'connect', 'github-work'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    expect(entry.env).not.toBe(app.env);
    expect(ourInstanceId(entry)).toBe('github-work');
    const windows = {
      command: 'C:\\Users\\ada\\AppData\\Local\\Programs\\MCP Tray\\MCP Tray.exe',
      args: [
        'C:\\Users\\ada\\AppData\\Local\\Programs\\MCP Tray\\resources\\app.asar.unpacked\\dist\\cli\\mcp-tray.mjs',
      ],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    };
    expect(ourInstanceId(connectorEntry(windows, 'notes', 'D:\\data'))).toBe('notes');
  });
});

describe('isOurEntry / ourInstanceId', () => {
  it('recognises our script after node, our npm shim, and the app binary', () => {
    expect(ourInstanceId(connectorEntry(node, 'files', '/d'))).toBe('files');
    expect(ourInstanceId({ command: 'mcp-tray', args: ['connect', 'git'] })).toBe('git');
    expect(
      ourInstanceId({
        command: 'C:\\Users\\a\\AppData\\Roaming\\npm\\mcp-tray.cmd',
        args: ['connect', 'git'],
      }),
    ).toBe('git');
    expect(
      ourInstanceId({
        command: '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray',
        args: ['connect', 'git'],
      }),
    ).toBe('git');
    expect(
      ourInstanceId({
        command: 'C:\\Program Files\\MCP Tray\\MCP Tray.exe',
        args: ['connect', 'git', '--data-dir', 'x'],
      }),
    ).toBe('git');
    expect(
      ourInstanceId({
        command: 'node',
        args: ['--no-warnings', 'C:\\apps\\dist\\cli\\mcp-tray.mjs', 'connect', 'a-1'],
      }),
    ).toBe('a-1');
  });

  it("leaves the user's entries alone, including look-alikes", () => {
    const theirs = [
      { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'] },
      { command: 'node', args: ['server.mjs', 'connect', 'files'] },
      { command: 'mcp-tray-fork', args: ['connect', 'files'] },
      { command: 'node', args: ['mcp-tray.mjs', 'serve'] },
      { command: 'node', args: ['mcp-tray.mjs', 'connect'] },
      { command: 'node', args: ['mcp-tray.mjs', 'connect', '--data-dir', 'x'] },
      { command: 'node', args: ['mcp-tray.mjs', 'run', 'connect', 'files'] },
    ];
    for (const entry of theirs) expect(isOurEntry(entry), JSON.stringify(entry)).toBe(false);
  });
});

describe('resolveEntryName', () => {
  const ours = (id: string) => connectorEntry(node, id, null);
  const theirs = { command: 'npx', args: ['-y', 'some-server'] };

  it('uses the instance id when the name is free', () => {
    expect(resolveEntryName({}, 'files')).toBe('files');
    expect(resolveEntryName({ other: theirs }, 'files')).toBe('files');
  });

  it('keeps the name an entry of ours for the same instance already has', () => {
    expect(resolveEntryName({ files: ours('files') }, 'files')).toBe('files');
    expect(resolveEntryName({ files: theirs, 'files-mcp-tray': ours('files') }, 'files')).toBe(
      'files-mcp-tray',
    );
  });

  it('never takes over a user entry: <id>-mcp-tray, then -2, -3…', () => {
    expect(resolveEntryName({ files: theirs }, 'files')).toBe('files-mcp-tray');
    expect(resolveEntryName({ files: theirs, 'files-mcp-tray': theirs }, 'files')).toBe('files-mcp-tray-2');
    expect(
      resolveEntryName({ files: theirs, 'files-mcp-tray': theirs, 'files-mcp-tray-2': null }, 'files'),
    ).toBe('files-mcp-tray-3');
  });

  it('treats an entry of ours for another instance as taken', () => {
    expect(resolveEntryName({ files: ours('other') }, 'files')).toBe('files-mcp-tray');
  });
});
