import { REDACTED, redactText } from './redact-text';

export { REDACTED, redactText };

/** Bounds of a redacted value; every field is optional for {@link redact}. */
export interface RedactLimits {
  /** Longer strings are cut, ending in `… [N more characters]`. */
  maxString: number;
  /** Longer arrays keep this many items and a `… [N more items]` marker item. */
  maxItems: number;
  /** Objects keep this many keys and a `"…": "[N more keys]"` entry. */
  maxKeys: number;
  /** Objects and arrays nested deeper become `[…]`. */
  maxDepth: number;
  /** Cap on the JSON of the whole value, in bytes. */
  maxBytes: number;
}

const DEFAULT_REDACT_LIMITS: RedactLimits = {
  maxString: 1000,
  maxItems: 50,
  maxKeys: 100,
  maxDepth: 8,
  maxBytes: 16 * 1024,
};

/** Marker for what was left out because it was too deep or past the size cap. */
export const CUT = '[…]';

/** Keys whose values are credentials whatever they look like. */
const SECRET_KEY =
  /token|secret|passw(or)?d|api[-_]?key|^key$|_key$|authorization|^auth$|^auth[-_]|cookie|credential|private[-_]?key/i;

/** Flags and counts are not credentials (`private: true`, `max_tokens: 1000`): keep them readable. */
const COUNT_KEY = /tokens$|_count$|^max_?|^num_?/i;
const isPlainScalar = (key: string, value: unknown): boolean =>
  typeof value === 'boolean' || (typeof value === 'number' && COUNT_KEY.test(key));

/**
 * A deep copy of `value` that is safe to keep and show: values under secret-sounding keys and
 * credential-shaped strings are replaced by `[redacted]`, and the copy is bounded in size, so a
 * tool call with a 10 MB argument costs the log no more than a small one. Only JSON-like data
 * survives (functions and symbols are dropped, bigints become strings).
 */
export function redact(value: unknown, limits: Partial<RedactLimits> = {}): unknown {
  const bounds = { ...DEFAULT_REDACT_LIMITS, ...limits };
  // The budget is an estimate: the last string may pass it, escapes take more bytes than counted.
  // Leave room for that, and in the rare case it is not enough, go again with half the budget.
  let budget = bounds.maxBytes - bounds.maxString - 512;
  if (budget < bounds.maxBytes / 2) budget = bounds.maxBytes / 2;
  for (; budget >= 64; budget /= 2) {
    const copier = new Copier(bounds, budget);
    const copy = copier.copy(value, 0);
    // The copier measured an upper bound of the JSON while copying: only a value that may be
    // over the cap is serialised to find out (the common small call never is).
    if (copier.maxJsonBytes <= bounds.maxBytes) return copy;
    const json = JSON.stringify(copy);
    if (json === undefined || Buffer.byteLength(json) <= bounds.maxBytes) return copy;
  }
  return CUT;
}

/** Worst case UTF-8 bytes of a string in JSON: every UTF-16 unit escaped as `\uXXXX`, plus quotes. */
const jsonStringBytes = (text: string): number => text.length * 6 + 2;

/** One redaction pass; holds the size budget shared by the whole value. */
class Copier {
  /** Upper bound of the copy's JSON size in bytes (separators and escapes counted at worst). */
  maxJsonBytes = 0;

  constructor(
    private readonly limits: RedactLimits,
    private budget: number,
  ) {}

  copy(value: unknown, depth: number): unknown {
    if (this.budget <= 0) {
      this.maxJsonBytes += jsonStringBytes(CUT) + 1;
      return CUT;
    }
    switch (typeof value) {
      case 'string':
        return this.spend(redactText(value, this.limits.maxString));
      case 'number':
      case 'boolean':
        this.budget -= 8;
        // The longest number in JSON is 24 characters (-1.7976931348623157e+308), plus a comma.
        this.maxJsonBytes += 25;
        return value;
      case 'bigint':
        return this.spend(String(value));
      case 'object':
        if (value === null) {
          this.budget -= 4;
          this.maxJsonBytes += 5;
          return null;
        }
        if (depth >= this.limits.maxDepth) return this.spend(CUT);
        return Array.isArray(value) ? this.array(value, depth) : this.object(value, depth);
      default:
        return undefined;
    }
  }

  private array(value: readonly unknown[], depth: number): unknown[] {
    const kept = value.slice(0, this.limits.maxItems).map((item) => this.copy(item, depth + 1));
    // JSON turns a dropped item into null; keep that visible rather than shifting the others.
    const out = kept.map((item) => (item === undefined ? null : item));
    const more = value.length - kept.length;
    if (more > 0) out.push(this.spend(`… [${more} more items]`));
    this.budget -= 2;
    // Brackets, and a null for every dropped item.
    this.maxJsonBytes += 2 + 5 * (kept.length - kept.filter((item) => item !== undefined).length);
    return out;
  }

  private object(value: object, depth: number): unknown {
    const source = hasToJson(value) ? value.toJSON() : value;
    if (source !== value) return this.copy(source, depth + 1);
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value);
    let done = 0;
    for (const key of keys) {
      if (done === this.limits.maxKeys || this.budget <= 0) break;
      done++;
      const name = redactText(key, this.limits.maxString);
      this.budget -= name.length + 4;
      this.maxJsonBytes += jsonStringBytes(name) + 1;
      const raw = (value as Record<string, unknown>)[key];
      const item =
        SECRET_KEY.test(key) && !isPlainScalar(key, raw)
          ? this.spend(REDACTED)
          : this.copy((value as Record<string, unknown>)[key], depth + 1);
      // defineProperty: a key named __proto__ must stay a key, not change the prototype.
      if (item !== undefined) {
        Object.defineProperty(out, name, {
          value: item,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    if (done < keys.length) {
      this.maxJsonBytes += jsonStringBytes('…') + 1;
      out['…'] = this.spend(`[${keys.length - done} more keys]`);
    }
    this.budget -= 2;
    this.maxJsonBytes += 2;
    return out;
  }

  private spend(text: string): string {
    this.budget -= text.length + 2;
    this.maxJsonBytes += jsonStringBytes(text) + 1;
    return text;
  }
}

function hasToJson(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
