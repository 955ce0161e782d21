import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Kernel32 } from './job-object';
import {
  KERNEL32_SIGNATURES,
  createJobObject,
  killOnCloseLimits,
  loadKernel32,
  windowsJobObjects,
} from './job-object';
import { Watchdog } from './watchdog';

/** Records the kernel32 calls in order; handles are strings so the log reads well. */
function recordingKernel32(options: { setFails?: boolean } = {}) {
  const calls: unknown[][] = [];
  const kernel32: Kernel32 = {
    CreateJobObjectW: (...args) => (calls.push(['CreateJobObjectW', ...args]), 'job'),
    SetInformationJobObject: (job, infoClass, info, length) => {
      calls.push(['SetInformationJobObject', job, infoClass, info.readUInt32LE(16), length]);
      return options.setFails ? 0 : 1;
    },
    OpenProcess: (access, inherit, pid) => (
      calls.push(['OpenProcess', access, inherit, pid]),
      `process ${pid}`
    ),
    AssignProcessToJobObject: (...args) => (calls.push(['AssignProcessToJobObject', ...args]), 1),
    CloseHandle: (handle) => (calls.push(['CloseHandle', handle]), 1),
  };
  return { kernel32, calls };
}

describe('killOnCloseLimits', () => {
  it('is the 64-bit JOBOBJECT_EXTENDED_LIMIT_INFORMATION with only KILL_ON_JOB_CLOSE in LimitFlags', () => {
    const info = killOnCloseLimits();
    expect(info.length).toBe(144);
    expect(info.readUInt32LE(16)).toBe(0x2000);
    const rest = Buffer.concat([info.subarray(0, 16), info.subarray(20)]);
    expect(rest.every((byte) => byte === 0)).toBe(true);
  });
});

describe('createJobObject', () => {
  it('creates a kill-on-close job, assigns each server through a short-lived handle, closes once', () => {
    const { kernel32, calls } = recordingKernel32();
    const job = createJobObject(kernel32)!;
    job.assign(1234);
    job.close();
    job.close();
    job.assign(99);
    expect(calls).toEqual([
      ['CreateJobObjectW', null, null],
      ['SetInformationJobObject', 'job', 9, 0x2000, 144],
      ['OpenProcess', 0x0101, 0, 1234],
      ['AssignProcessToJobObject', 'job', 'process 1234'],
      ['CloseHandle', 'process 1234'],
      ['CloseHandle', 'job'],
    ]);
  });

  it('gives no job (and leaks no handle) when the limit cannot be set', () => {
    const { kernel32, calls } = recordingKernel32({ setFails: true });
    expect(createJobObject(kernel32)).toBeNull();
    expect(calls.at(-1)).toEqual(['CloseHandle', 'job']);
  });
});

describe('windowsJobObjects', () => {
  it('loads nothing native outside Windows', () => {
    let loads = 0;
    const factory = windowsJobObjects('linux', () => (loads++, recordingKernel32().kernel32));
    expect(factory()).toBeNull();
    expect(loads).toBe(0);
  });

  it('on Windows, makes its job through kernel32', () => {
    const { kernel32, calls } = recordingKernel32();
    expect(windowsJobObjects('win32', () => kernel32)()).not.toBeNull();
    expect(calls[0]?.[0]).toBe('CreateJobObjectW');
  });

  it('binds prototypes koffi can parse (checked with the real koffi, without kernel32)', () => {
    const koffi = createRequire(import.meta.url)('koffi') as { proto(signature: string): unknown };
    for (const signature of Object.values(KERNEL32_SIGNATURES)) expect(koffi.proto(signature)).toBeTruthy();
    expect(() => koffi.proto('int CloseHandle(HANDLE handle)')).toThrow();
  });

  it('is null where kernel32 cannot be loaded: the real koffi here, or no koffi at all', () => {
    expect(loadKernel32()).toBeNull();
    expect(
      loadKernel32(() => {
        throw new Error('Cannot find module koffi');
      }),
    ).toBeNull();
  });
});

describe('Watchdog on Windows', () => {
  it('starts no guardian: each watched server goes into the job, which is closed at stop', () => {
    const { kernel32, calls } = recordingKernel32();
    const watchdog = new Watchdog(
      { execPath: process.execPath, env: {}, guardianScript: '/nonexistent/guardian.cjs' },
      { platform: 'win32', jobObjects: () => createJobObject(kernel32) },
    );
    watchdog.start();
    watchdog.watch(4321);
    watchdog.unwatch(4321);
    watchdog.stop();
    expect(watchdog.pid).toBeUndefined();
    expect(calls.map((call) => call[0])).toEqual([
      'CreateJobObjectW',
      'SetInformationJobObject',
      'OpenProcess',
      'AssignProcessToJobObject',
      'CloseHandle',
      'CloseHandle',
    ]);
    expect(calls.at(-1)).toEqual(['CloseHandle', 'job']);
  });
});
