import { REDACTED } from './redact';

/**
 * Replaces known secret values (an instance's own keychain secrets and tokens) wherever they
 * appear in a value: pattern-based redaction cannot know that `SuperSecretValue123` is a
 * password, but we do, because we handed it to the server. Values shorter than 4 characters
 * are left alone (they would blank out ordinary text).
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  const known = secrets.filter((s) => s.length >= 4);
  if (known.length === 0) return value;
  const scrubText = (text: string) => known.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return scrubText(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, v]) => [scrubText(key), walk(v)]));
    }
    return item;
  };
  return walk(value) as T;
}
