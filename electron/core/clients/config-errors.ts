/**
 * A client's config file that we refuse to touch because it does not parse (or parses to
 * something we cannot edit safely). The file is left exactly as it was.
 */
export class ConfigParseError extends Error {
  override readonly name = 'ConfigParseError';

  constructor(
    readonly file: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based. */
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
  }
}

/**
 * The file kept changing under us (its client rewriting it) across every retry; nothing was
 * written. Trying again later is safe.
 */
export class ConfigConflictError extends Error {
  override readonly name = 'ConfigConflictError';

  constructor(readonly file: string) {
    super(`${file} kept changing while MCP Tray was updating it; nothing was written. Try again.`);
  }
}

/**
 * An edit that would not leave the file as intended (for example our entry is written in a
 * form we cannot rewrite without touching other lines). Nothing was written.
 */
export class ConfigEditError extends Error {
  override readonly name = 'ConfigEditError';

  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/**
 * The config file's path cannot be used as a file: a folder sits there, or the OS refuses access.
 * Nothing was written.
 */
export class ConfigPathError extends Error {
  override readonly name = 'ConfigPathError';

  constructor(
    readonly file: string,
    readonly reason: 'folder' | 'denied' | 'other',
    detail = '',
  ) {
    super(
      reason === 'folder'
        ? `${file} is a folder, not a file, so MCP Tray cannot keep the client's settings there. Move or rename that folder, then try again.`
        : reason === 'denied'
          ? `MCP Tray is not allowed to read or write ${file} (permission denied). Check the file's owner and permissions.`
          : `MCP Tray could not use ${file}: ${detail}`,
    );
  }
}

/** The words for a file-system error on a config path, or the error itself when it is not one. */
export function configPathError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EISDIR') return new ConfigPathError(file, 'folder');
  if (code === 'EACCES' || code === 'EPERM') return new ConfigPathError(file, 'denied');
  if (code === 'ENOTDIR' || code === 'ELOOP' || code === 'ENAMETOOLONG') {
    return new ConfigPathError(file, 'other', (error as Error).message);
  }
  return error;
}
