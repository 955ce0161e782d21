/** What a credential is replaced with, in text and in values. */
export const REDACTED = '[redacted]';

/** Query parameters and `name=value` pairs whose value is a credential. */
const SENSITIVE_PARAM =
  /token|secret|passw(or)?d|pwd|api[-_]?key|^key$|_key$|auth|sig(nature)?$|credential|^code$/i;

type Replacer = (match: string, ...groups: string[]) => string;

/**
 * Credential shapes, most specific first. Each one replaces only the secret part, so the text
 * around it (an error message, a URL's host, a header name) stays readable in the log.
 */
const RULES: ReadonlyArray<readonly [RegExp, string | Replacer]> = [
  // https://user:pass@host: the user part is often a token too (x-access-token:…, ghp_…@github.com).
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, `$1${REDACTED}@`],
  [
    /([?&;#])([^=&#\s]+)=([^&#\s]+)/g,
    (match, sep, name) => (SENSITIVE_PARAM.test(name!) ? `${sep}${name}=${REDACTED}` : match),
  ],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, REDACTED],
  [/\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/g, REDACTED],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/g, REDACTED],
  [/\bya29\.[A-Za-z0-9_-]{20,}/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, REDACTED],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, REDACTED],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  [/\b(Basic)\s+[A-Za-z0-9+/]{8,}={0,2}/g, `$1 ${REDACTED}`],
  // `PASSWORD=…`, `"api_key": "…"`: a .env file or JSON printed by a tool.
  [
    /\b([A-Za-z0-9_.-]*(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*)("?\s*[:=]\s*"?)(?!\[redacted\])([^\s"',;&}\]]+)/gi,
    `$1$2${REDACTED}`,
  ],
  [/[A-Za-z0-9_\-+/]{32,}={0,2}/g, (match) => (looksLikeSecret(match) ? REDACTED : match)],
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const WORDS = /[a-z]{3,}|[A-Z][a-z]{2,}/g;

/**
 * Whether a long run without spaces is a random credential rather than a path, an identifier
 * or a UUID. Random strings change between lowercase, uppercase and digits all the time and
 * use many different characters; paths and names are made of words. Measured on random
 * base64 and hex, fewer than 1 in 1000 are taken for words; hex-only runs always count as
 * secrets, since many API keys are hex (so are git hashes, which are hidden too).
 */
function looksLikeSecret(run: string): boolean {
  const text = run.replace(UUID, '-');
  if (text.length < 32 || !/[A-Za-z]/.test(text) || !/[0-9]/.test(text)) return false;
  if (/^[0-9a-fA-F]+$/.test(text)) return true;
  return !(classChanges(text) < 0.15 || (wordShare(text) >= 0.6 && entropy(text) < 4.4));
}

/** Changes between lowercase, uppercase and digit per character (not counting `Word` starts). */
function classChanges(text: string): number {
  let changes = 0;
  let previous = '';
  for (const char of text) {
    const kind =
      char >= 'a' && char <= 'z'
        ? 'l'
        : char >= 'A' && char <= 'Z'
          ? 'u'
          : char >= '0' && char <= '9'
            ? 'd'
            : '';
    if (kind && previous && kind !== previous && !(previous === 'u' && kind === 'l')) changes++;
    previous = kind;
  }
  return changes / text.length;
}

function wordShare(text: string): number {
  let inWords = 0;
  for (const match of text.matchAll(WORDS)) inWords += match[0].length;
  return inWords / text.length;
}

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Extra characters redacted past a cut, so a credential straddling it is still recognised. */
const CUT_MARGIN = 256;

/**
 * Replaces credentials inside free text (error messages, previews, string values) and, with
 * `maxLength`, cuts what is longer, saying how much was left out.
 */
export function redactText(text: string, maxLength = Infinity): string {
  if (text.length <= maxLength) return applyRules(text);
  // Only the kept part (and a margin) is scanned: a 10 MB string costs no more than a short one.
  const kept = applyRules(text.slice(0, maxLength + CUT_MARGIN)).slice(0, maxLength);
  return `${kept}… [${text.length - maxLength} more characters]`;
}

/**
 * Below this length only three rules can match: user info in a URL (needs `@`), a query
 * parameter (needs `=`) and a secret-sounding name (needs `=` or `:` and the name). Every
 * other shape is longer (the shortest, `Basic` and 8 characters, is 14).
 */
const SHORT = 14;
const SHORT_NAME = /passw|pwd|secret|token|key/i;

/** Whether a rule could match `text`: most keys and short values are passed over. */
function mayHoldCredential(text: string): boolean {
  if (text.length >= SHORT || text.includes('@') || text.includes('=')) return true;
  return text.includes(':') && SHORT_NAME.test(text);
}

function applyRules(text: string): string {
  if (!mayHoldCredential(text)) return text;
  let out = text;
  for (const [pattern, replacement] of RULES) {
    pattern.lastIndex = 0;
    out =
      typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}
