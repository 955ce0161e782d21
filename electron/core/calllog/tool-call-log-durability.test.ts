import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolCallQuery } from '../../shared/contract';
import type { Logger } from '../platform/logger';
import { silentLogger } from '../platform/logger';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { ManualClock, newCall, openLog, sixCalls } from '../../../test/core/calllog/test-calls';
import { ToolCallLog } from './tool-call-log';

const ids = (log: ToolCallLog, query: ToolCallQuery = {}) => log.query(query).records.map((r) => r.id);
const files = (dir: string) => fs.readdirSync(dir).sort();

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const add = (message: string) => void lines.push(message);
  return { ...silentLogger, lines, info: add, warn: add, error: add };
}

describe('ToolCallLog durability', () => {
  it('survives a torn last line and a damaged line, and appends cleanly after them', () => {
    const dir = tempDir();
    const first = openLog(dir);
    sixCalls(first);
    first.close();
    const [segment] = files(dir);
    const file = path.join(dir, segment!);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[2] = '{"id": 3, "not": "a record"}';
    fs.writeFileSync(file, lines.join('\n') + lines[1]!.slice(0, 40));
    const logger = recordingLogger();
    const second = openLog(dir, { logger });
    expect(ids(second)).toEqual([6, 5, 4, 2, 1]);
    expect(logger.lines).toEqual(['tool-call log had damaged lines']);
    expect(second.append(newCall({ tool: 'after_tear' })).id).toBe(7);
    second.close();
    const third = openLog(dir, { logger });
    expect(ids(third)).toEqual([7, 6, 5, 4, 2, 1]);
    expect(logger.lines.at(-1)).toBe('tool-call log had damaged lines');
    expect(fs.readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  it('keeps its folder 0700 and its files 0600', () => {
    if (process.platform === 'win32') return;
    const dir = path.join(tempDir(), 'calls');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    const log = openLog(dir, { segmentBytes: 300 });
    for (let i = 0; i < 5; i++) log.append(newCall());
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(files(dir).length).toBeGreaterThan(1);
    for (const name of files(dir)) expect(fs.statSync(path.join(dir, name)).mode & 0o777).toBe(0o600);
  });

  it('never writes a secret to disk', () => {
    const dir = tempDir();
    const github = 'ghp_' + 'Qw7Er4Ty1Ui8'.repeat(3);
    const openai = 'sk-' + 'Zx5Cv2Bn8Mq3'.repeat(4);
    const bearer = 'Zm9vYmFyYmF6cXV4' + 'Lk3Jh6Gf9Ds2';
    const log = openLog(dir);
    const record = log.append(
      newCall({
        arguments: { token: github, note: `my key is ${openai}`, nested: [{ auth: 'hunter2hunter2' }] },
        outcome: 'protocol-error',
        error: `401 from upstream: Authorization: Bearer ${bearer} was rejected`,
        result: { content: [{ type: 'text', text: `echo ${github}` }] },
      }),
    );
    log.close();
    const onDisk = files(dir)
      .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
      .join('\n');
    expect(onDisk).toContain('my key is [redacted]');
    for (const secret of [github, openai, bearer, 'hunter2hunter2']) {
      expect(onDisk).not.toContain(secret);
      expect(JSON.stringify(record)).not.toContain(secret);
    }
  });

  it('refuses appends before open and after close; queries still answer after close', () => {
    const log = new ToolCallLog({ dir: tempDir(), clock: new ManualClock(), logger: silentLogger });
    expect(() => log.append(newCall())).toThrow('the tool-call log is not open');
    log.open();
    log.append(newCall());
    log.close();
    expect(() => log.append(newCall())).toThrow('the tool-call log is closed');
    expect(ids(log)).toEqual([1]);
    log.open();
    expect(log.append(newCall()).id).toBe(2);
    log.close();
  });

  it('carries on in memory when the disk fails, and says so once', () => {
    const dir = path.join(tempDir(), 'calls');
    const logger = recordingLogger();
    const log = openLog(dir, { logger, segmentBytes: 100 });
    log.append(newCall());
    // The next append starts a new segment, in a folder that is gone.
    fs.rmSync(dir, { recursive: true });
    for (let i = 0; i < 3; i++) expect(log.append(newCall()).id).toBe(i + 2);
    expect(ids(log)).toEqual([4, 3, 2, 1]);
    expect(logger.lines.filter((line) => line.includes('no longer written'))).toHaveLength(1);
  });
});
