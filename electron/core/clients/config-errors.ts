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
