import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PermissionProfile } from '../../shared/permissions-contract';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { describeProfile } from './describe-profile';
import { defaultProfile, folderArguments } from './profile-defaults';
import { applyEdit } from './profile-edit';

const standard: PermissionProfile = { level: 'standard', allowRead: [], allowWrite: [], allowNet: [] };

describe('editing a permission profile', () => {
  it('refuses relative, ".." and missing paths in words, and changes nothing', () => {
    const dir = tempDir();
    const current = { ...standard, allowWrite: [dir] };
    expect(() => applyEdit(current, { id: 'x', allowWrite: ['notes'] })).toThrow(
      /"notes" is a relative path/,
    );
    expect(() => applyEdit(current, { id: 'x', allowRead: [`${dir}/../etc`] })).toThrow(/uses "\.\."/);
    expect(() => applyEdit(current, { id: 'x', allowRead: [path.join(dir, 'nope')] })).toThrow(
      /does not exist/,
    );
    // One bad path refuses the whole edit, the good one included.
    expect(() => applyEdit(current, { id: 'x', allowRead: [dir, 'rel'] })).toThrow(/Not changed/);
    expect(current.allowWrite).toEqual([dir]);
  });

  it('adds grants and hosts, revokes paths, and removes hosts with deny-net under strict', () => {
    const dir = tempDir();
    const strict = applyEdit(standard, {
      id: 'x',
      level: 'strict',
      allowNet: ['api.github.com', 'uploads.github.com'],
    });
    expect(strict).toMatchObject({ level: 'strict', allowNet: ['api.github.com', 'uploads.github.com'] });
    const granted = applyEdit(strict, { id: 'x', allowWrite: [`${dir}/`], denyNet: ['uploads.github.com'] });
    expect(granted.allowWrite).toEqual([dir]);
    expect(granted.allowNet).toEqual(['api.github.com']);
    expect(applyEdit(granted, { id: 'x', revokePath: [dir] }).allowWrite).toEqual([]);
  });

  it('refuses to block one host while the network is open, rather than pretend', () => {
    expect(() => applyEdit(standard, { id: 'x', denyNet: ['evil.example.com'] })).toThrow(/network is open/);
  });

  it('refuses host names the network filter cannot use', () => {
    expect(() => applyEdit(standard, { id: 'x', allowNet: ['*'] })).toThrow();
    expect(() => applyEdit(standard, { id: 'x', allowNet: ['https://api.github.com'] })).toThrow();
  });
});

describe('default profiles', () => {
  it('built-ins are strict with their API hosts (and a changed API address); others are standard', () => {
    expect(defaultProfile({ integrationId: 'github', userConfig: {} }, true)).toMatchObject({
      level: 'strict',
      allowNet: ['api.github.com'],
    });
    expect(
      defaultProfile(
        { integrationId: 'github', userConfig: { api_url: 'https://ghe.example.com/api/v3' } },
        true,
      ).allowNet,
    ).toEqual(['api.github.com', 'ghe.example.com']);
    expect(defaultProfile({ integrationId: 'custom', userConfig: {} }, false).level).toBe('standard');
    expect(defaultProfile({ integrationId: 'custom', userConfig: {} }, false, 'none').level).toBe('none');
  });

  it('folders given as arguments (a filesystem server) become exactly those write grants', () => {
    const dir = tempDir();
    const file = path.join(dir, 'f.txt');
    fs.writeFileSync(file, '');
    const args = ['-y', '@modelcontextprotocol/server-filesystem', dir, file, 'relative', `${dir}/../x`];
    expect(folderArguments(args)).toEqual([dir]);
    const launch = { command: 'npx', args, env: {} };
    expect(defaultProfile({ integrationId: 'custom', userConfig: {}, launch }, false).allowWrite).toEqual([
      dir,
    ]);
  });
});

describe('a profile in words', () => {
  const ctx = { home: '/home/ada', instanceDir: '/home/ada/.config/mcp-tray/instances/gh', remote: false };
  it('says what strict enforces and never claims protection for none', () => {
    const words = describeProfile({ ...standard, level: 'strict', allowNet: ['api.github.com'] }, ctx).join(
      '\n',
    );
    expect(words).toContain('Can read your files except secret stores');
    expect(words).toContain('~/.config/mcp-tray/instances/gh');
    expect(words).toContain('Can reach only api.github.com');
    const none = describeProfile({ ...standard, level: 'none' }, ctx).join('\n');
    expect(none).toMatch(/^Not sandboxed/);
    expect(none).not.toMatch(/except|only/);
  });
});
