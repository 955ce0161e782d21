import { createRequire } from 'node:module';

/**
 * Windows' answer to the orphan guardian: a Job Object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE.
 * Every server is assigned to one job the core holds; a server's children join it when they are
 * created, daemons included. When the core's last handle to the job closes (at a normal exit,
 * or because the kernel closed it when the core died, TerminateProcess included) the kernel
 * ends every process still in the job.
 */
export interface JobObject {
  /** Puts a running process (and the children it creates from now on) into the job. */
  assign(pid: number): void;
  /** Closes the handle: every process still in the job ends. */
  close(): void;
}

/** Makes jobs; null when this machine cannot (not Windows, or the FFI module did not load). */
export type JobObjectFactory = () => JobObject | null;

/** The kernel32 calls a job needs, typed for the handful of signatures used. */
export interface Kernel32 {
  CreateJobObjectW(attributes: null, name: null): unknown;
  SetInformationJobObject(job: unknown, infoClass: number, info: Buffer, length: number): number;
  OpenProcess(access: number, inheritHandle: number, pid: number): unknown;
  AssignProcessToJobObject(job: unknown, process: unknown): number;
  CloseHandle(handle: unknown): number;
}

/** JOBOBJECTINFOCLASS: JobObjectExtendedLimitInformation. */
const JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9;
const JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000;
/** What AssignProcessToJobObject needs on the process handle. */
const PROCESS_SET_QUOTA_AND_TERMINATE = 0x0100 | 0x0001;

/**
 * JOBOBJECT_EXTENDED_LIMIT_INFORMATION on 64-bit Windows, 144 bytes, zero but for LimitFlags:
 * BasicLimitInformation (64: two LARGE_INTEGER time limits at 0 and 8, DWORD LimitFlags at 16,
 * 4 of padding, two SIZE_T working-set sizes at 24 and 32, DWORD ActiveProcessLimit at 40,
 * padding, ULONG_PTR Affinity at 48, DWORD PriorityClass at 56, DWORD SchedulingClass at 60),
 * IoInfo (six ULONGLONG, 48, at 64), then four SIZE_T memory figures at 112, 120, 128, 136.
 */
export function killOnCloseLimits(): Buffer {
  const info = Buffer.alloc(144);
  info.writeUInt32LE(JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, 16);
  return info;
}

/**
 * A kill-on-close job through `kernel32`. A process that could not be assigned (it already
 * exited, or it is in a job that forbids nesting, which Windows 8 and later allow) is skipped:
 * the normal stop (`taskkill /T`) still reaches it.
 */
export function createJobObject(kernel32: Kernel32): JobObject | null {
  const job = kernel32.CreateJobObjectW(null, null);
  if (!job) return null;
  const info = killOnCloseLimits();
  if (!kernel32.SetInformationJobObject(job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, info, info.length)) {
    kernel32.CloseHandle(job);
    return null;
  }
  let open = true;
  return {
    assign(pid) {
      if (!open) return;
      const process = kernel32.OpenProcess(PROCESS_SET_QUOTA_AND_TERMINATE, 0, pid);
      if (!process) return;
      kernel32.AssignProcessToJobObject(job, process);
      kernel32.CloseHandle(process);
    },
    close() {
      if (open) kernel32.CloseHandle(job);
      open = false;
    },
  };
}

/** The koffi module's few calls used here (an FFI with prebuilt N-API binaries; MIT). */
interface Koffi {
  load(library: string): { func(signature: string): (...args: unknown[]) => unknown };
}

/**
 * The C prototypes koffi binds. BOOL is a 4-byte int (koffi's `bool` is one byte), handles are
 * `void *` (koffi gives null for NULL); `__stdcall` matters on 32-bit Windows only.
 */
export const KERNEL32_SIGNATURES: { readonly [name in keyof Kernel32]: string } = {
  CreateJobObjectW: 'void * __stdcall CreateJobObjectW(void *attributes, const char16_t *name)',
  SetInformationJobObject:
    'int __stdcall SetInformationJobObject(void *job, int infoClass, void *info, uint32_t length)',
  OpenProcess: 'void * __stdcall OpenProcess(uint32_t access, int inheritHandle, uint32_t pid)',
  AssignProcessToJobObject: 'int __stdcall AssignProcessToJobObject(void *job, void *process)',
  CloseHandle: 'int __stdcall CloseHandle(void *handle)',
};

/**
 * kernel32 through koffi, required only when called (only on Windows), so no other platform
 * loads a native module for it. Null when koffi is missing or fails to load.
 */
export function loadKernel32(
  load: (id: string) => unknown = createRequire(import.meta.url),
): Kernel32 | null {
  try {
    const lib = (load('koffi') as Koffi).load('kernel32.dll');
    const bind = (name: keyof Kernel32) => lib.func(KERNEL32_SIGNATURES[name]);
    return {
      CreateJobObjectW: bind('CreateJobObjectW'),
      SetInformationJobObject: bind('SetInformationJobObject'),
      OpenProcess: bind('OpenProcess'),
      AssignProcessToJobObject: bind('AssignProcessToJobObject'),
      CloseHandle: bind('CloseHandle'),
    } as Kernel32;
  } catch {
    return null;
  }
}

/** The production factory: a job on Windows, null elsewhere without loading anything. */
export function windowsJobObjects(platform: NodeJS.Platform, load = loadKernel32): JobObjectFactory {
  return () => {
    if (platform !== 'win32') return null;
    const kernel32 = load();
    return kernel32 ? createJobObject(kernel32) : null;
  };
}
