import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { BACKUP_MARK, BackupStore, MOVED_SECRET_MARKER, scrubSecrets } from './backup-store';

const clock = { now: () => Date.parse('2026-12-06T10:00:00Z') };

describe('BackupStore (real files)', () => {
  it('writes every backup owner-only and makes older ones owner-only on the next write', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    const old = `${file}${BACKUP_MARK}20260101T000000000Z`;
    fs.writeFileSync(old, '{"old":true}');
    fs.chmodSync(old, 0o644);
    const made = await new BackupStore(clock).save(file, Buffer.from('{"now":true}'));
    expect(fs.statSync(made).mode & 0o777).toBe(0o600);
    expect(fs.statSync(old).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(old, 'utf8')).toBe('{"old":true}');
  });

  it('replaces moved secrets with a marker in the new backup and in the kept ones', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    const secret = 'ghp_"quoted\\value';
    const content = JSON.stringify({ env: { TOKEN: secret, OTHER: 'kept' } });
    const old = `${file}${BACKUP_MARK}20260101T000000000Z`;
    fs.writeFileSync(old, content, { mode: 0o600 });
    const made = await new BackupStore(clock).save(file, Buffer.from(content), [secret]);
    for (const backup of [made, old]) {
      expect(JSON.parse(fs.readFileSync(backup, 'utf8'))).toEqual({
        env: { TOKEN: MOVED_SECRET_MARKER, OTHER: 'kept' },
      });
    }
  });

  it('scrubs TOML strings too', () => {
    const toml = '[mcp_servers.x.env]\nAPI_KEY = "sk-abc123"\n';
    expect(scrubSecrets(Buffer.from(toml), ['sk-abc123']).toString()).toBe(
      `[mcp_servers.x.env]\nAPI_KEY = "${MOVED_SECRET_MARKER}"\n`,
    );
  });
});
