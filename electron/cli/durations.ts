import { UsageError } from './args';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * "30s", "10m", "2h", "7d", "500ms" or a plain number of seconds, in milliseconds.
 * Refused in words (a UsageError naming `flag`) when it is none of them.
 */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(text.trim());
  if (!match) {
    throw new UsageError(`${flag} takes a duration such as 30s, 10m, 2h or 7d, not "${text}"`);
  }
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? 's').toLowerCase()]!);
}

/** `--since`: an ISO time, or a duration back from `now`; answers an ISO time. */
export function parseSince(text: string, now: number = Date.now()): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const at = Date.parse(text);
    if (Number.isNaN(at)) throw new UsageError(`--since: "${text}" is not a time MCP Tray can read`);
    return new Date(at).toISOString();
  }
  return new Date(now - parseDuration(text, '--since')).toISOString();
}
