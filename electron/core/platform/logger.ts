import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured logger handed to every service. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface FileLoggerOptions {
  /** Log file; its directory is created 0700 and the file 0600. */
  file: string | null;
  level?: LogLevel;
  /** Also write human-readable lines here (the terminal of `mcp-tray serve`). */
  echo?: NodeJS.WritableStream | null;
  echoLevel?: LogLevel;
}

/** JSON-lines logger writing synchronously so a crash loses no earlier line. */
export class FileLogger implements Logger {
  private fd: number | null = null;

  constructor(
    private readonly options: FileLoggerOptions,
    private readonly scope = 'core',
  ) {
    if (options.file) {
      fs.mkdirSync(path.dirname(options.file), { recursive: true, mode: 0o700 });
      this.fd = fs.openSync(options.file, 'a', 0o600);
    }
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.write('error', message, fields);
  }

  child(scope: string): Logger {
    const child = new FileLogger({ ...this.options, file: null }, `${this.scope}.${scope}`);
    child.fd = this.fd;
    return child;
  }

  private write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.options.level ?? 'info']) return;
    const time = new Date().toISOString();
    if (this.fd !== null) {
      const line = JSON.stringify({ time, level, scope: this.scope, message, ...fields });
      fs.writeSync(this.fd, line + '\n');
    }
    const echo = this.options.echo;
    if (echo && ORDER[level] >= ORDER[this.options.echoLevel ?? 'warn']) {
      // The terminal gets the short facts too ("client: cursor"), so a warning says what it is about.
      const facts = Object.entries(fields ?? {})
        .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
        .map(([k, v]) => `${k}: ${String(v).slice(0, 200)}`)
        .join(', ');
      echo.write(
        `mcp-tray: ${level === 'info' ? '' : level + ': '}${message}${facts ? ` (${facts})` : ''}\n`,
      );
    }
  }
}

/** A logger that drops everything (for tests that do not look at logs). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
