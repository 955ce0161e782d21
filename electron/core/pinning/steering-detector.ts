import type { PinnedDefinition } from './tool-definition';

/** Why a piece of tool text may be trying to steer the model rather than describe the tool. */
type SteeringKind = 'instruction' | 'hidden-unicode' | 'encoded-blob' | 'tool-reference' | 'secret-reference';

/** One finding, shown in the review as a warning (never a block: the user decides). */
export interface SteeringWarning {
  kind: SteeringKind;
  /** Which part of the definition: `description`, `inputSchema.properties.path.description`… */
  field: string;
  message: string;
  /** The text around the finding, invisible characters written out as `<U+200B>`. */
  excerpt: string;
}

const INSTRUCTION: RegExp[] = [
  /\b(ignore|disregard|forget)\s+(all\s+|any\s+)?(the\s+|your\s+)?(previous|prior|above|earlier|preceding|other|existing)\b/i,
  /\byou\s+(must|have\s+to|need\s+to|are\s+required\s+to|shall)\b/i,
  /<\s*\/?\s*(important|system|instructions?|secret|hidden|admin|assistant|prompt|note_to_ai)\b[^>]*>/i,
  /\b(do\s+not|don['’]?t|never)\s+(tell|inform|mention|reveal|show|notify|alert|let)\b[^.]{0,40}\buser\b/i,
  /\b(without|before)\s+(telling|informing|asking|notifying|alerting)\s+(the\s+)?user\b/i,
  /\bsystem\s+prompt\b|\bnew\s+instructions?\b|\bprevious\s+instructions?\b/i,
  /\b(the\s+)?(assistant|model|ai|llm|agent)\s+(must|should|shall|needs?\s+to)\b/i,
  /\bas\s+an?\s+(ai|assistant|language\s+model)\b/i,
];

const TOOL_REFERENCE: RegExp[] = [
  /\b(call|use|invoke|run)\s+(the\s+)?[`'"]?[\w.-]+[`'"]?\s+tool\b/i,
  /\b(all|any|every)\s+other\s+tools?\b|\bother\s+tools\b/i,
  /\binstead\s+of\s+(using|calling)\b/i,
  /\bbefore\s+(using|calling)\s+(any|another|other|the\s+\w+)\b/i,
];

const SECRET_REFERENCE: RegExp[] = [
  /~\/\.(ssh|aws|gnupg|kube|docker|netrc|npmrc|pgpass|config\/gcloud)\b/i,
  /\bid_(rsa|ed25519|ecdsa|dsa)\b/,
  /\.git-credentials\b|\.aws\/credentials\b|\/etc\/(passwd|shadow)\b|claude_desktop_config\.json|\bmcp\.json\b/i,
  /\bprocess\.env\b|\benvironment\s+variables?\b|\benv\s+vars?\b/i,
  /\$\{?[A-Z][A-Z0-9_]{2,}\}?|%[A-Z][A-Z0-9_]{2,}%/,
  /\b(api[\s_-]?keys?|secret[\s_-]?keys?|access[\s_-]?tokens?|refresh[\s_-]?tokens?|bearer\s+tokens?|private[\s_-]?keys?|passwords?|passphrases?|credentials?|session\s+cookies?|auth(entication)?[\s_-]?tokens?|seed\s+phrase)\b/i,
];

const ENCODED: RegExp[] = [
  /data:[\w/+.-]+;base64,/i,
  /(?:%[0-9A-Fa-f]{2}){8,}/,
  /(?:\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}){6,}/,
  /\b[0-9a-fA-F]{40,}\b/,
];
/** A base64 run: long, and with digits and both cases (long identifiers are not blobs). */
const BASE64 = /[A-Za-z0-9+/_-]{40,}={0,2}/g;

/**
 * Invisible or direction-changing characters: zero-width, bidi controls, tag characters (which
 * can spell hidden ASCII), variation selectors other than the emoji ones, and C0/C1 controls
 * other than tab and newlines.
 */
// Control characters and lone variation selectors are exactly what this looks for.
const HIDDEN =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFE00-\uFE0D\uFEFF]|[\u{E0000}-\u{E007F}]|[\u{E0100}-\u{E01EF}]/gu;

const MESSAGES: Record<SteeringKind, string> = {
  instruction: 'Gives the AI model instructions instead of describing the tool',
  'hidden-unicode': 'Has characters you cannot see but the AI model reads',
  'encoded-blob': 'Has a long encoded string (base64, hex or escapes) that could hide instructions',
  'tool-reference': 'Refers to other tools: it may steer the AI model away from or toward them',
  'secret-reference': 'Mentions secrets or where they are kept (keys, tokens, ~/.ssh, environment variables)',
};

const MAX_WARNINGS = 20;

/**
 * Looks for text in a tool's definition that tries to steer the model: instructions addressed
 * to it, hidden Unicode, long encoded blobs, references to other tools (`otherTools`: names
 * of every other tool the user has) and to secrets. A pure function; findings are warnings.
 */
export function detectSteering(
  definition: PinnedDefinition,
  otherTools: readonly string[] = [],
): SteeringWarning[] {
  const warnings: SteeringWarning[] = [];
  const seen = new Set<string>();
  const add = (kind: SteeringKind, field: string, text: string, at: number, length: number, extra = '') => {
    const key = `${kind}|${field}`;
    if (seen.has(key) || warnings.length >= MAX_WARNINGS) return;
    seen.add(key);
    warnings.push({ kind, field, message: MESSAGES[kind] + extra, excerpt: excerpt(text, at, length) });
  };
  const names = otherTools.filter((n) => n !== definition.name && /^[\w.-]{4,}$/.test(n) && /[_.-]/.test(n));
  for (const [field, text] of texts(definition)) {
    for (const [kind, patterns] of [
      ['instruction', INSTRUCTION],
      ['tool-reference', TOOL_REFERENCE],
      ['secret-reference', SECRET_REFERENCE],
      ['encoded-blob', ENCODED],
    ] as const) {
      for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match) add(kind, field, text, match.index, match[0].length);
      }
    }
    for (const match of text.matchAll(BASE64)) {
      if (/\d/.test(match[0]) && /[A-Z]/.test(match[0]) && /[a-z]/.test(match[0]))
        add('encoded-blob', field, text, match.index, match[0].length);
    }
    for (const name of names) {
      const at = wordIndex(text, name);
      if (at !== -1) add('tool-reference', field, text, at, name.length, ` ("${name}")`);
    }
    const hidden = [...text.matchAll(HIDDEN)];
    if (hidden.length > 0) {
      const codes = [...new Set(hidden.map((m) => codePoint(m[0])))].slice(0, 5).join(', ');
      const tagText = decodeTags(text);
      const spelled = tagText ? `; the tag characters spell "${tagText}"` : '';
      add('hidden-unicode', field, text, hidden[0]!.index, hidden[0]![0].length, ` (${codes})${spelled}`);
    }
  }
  return warnings;
}

/** Every string of the definition with where it is; schema keys count too (they reach the model). */
function texts(definition: PinnedDefinition): [string, string][] {
  const out: [string, string][] = [['name', definition.name]];
  if (definition.title !== undefined) out.push(['title', definition.title]);
  if (definition.description !== undefined) out.push(['description', definition.description]);
  const walk = (value: unknown, at: string) => {
    if (typeof value === 'string') out.push([at, value]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        out.push([`${at}.${key} (key)`, key]);
        walk(v, `${at}.${key}`);
      }
    }
  };
  walk(definition.inputSchema, 'inputSchema');
  if (definition.annotations !== undefined) walk(definition.annotations, 'annotations');
  return out;
}

function wordIndex(text: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`(^|[^\\w-])${escaped}($|[^\\w-])`).exec(text)?.index ?? -1;
}

const codePoint = (char: string): string =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The ASCII that Unicode tag characters (U+E0020–U+E007E) spell, if any. */
function decodeTags(text: string): string {
  return [...text]
    .map((c) => c.codePointAt(0)!)
    .filter((cp) => cp >= 0xe0020 && cp <= 0xe007e)
    .map((cp) => String.fromCharCode(cp - 0xe0000))
    .join('')
    .slice(0, 200);
}

/** Up to 40 characters either side of a finding, invisible ones written out. */
function excerpt(text: string, at: number, length: number): string {
  let from = Math.max(0, at - 40);
  let to = Math.min(text.length, at + Math.min(length, 120) + 40);
  // Never cut a surrogate pair (tag characters are outside the BMP).
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  const body = text
    .slice(from, to)
    .replace(HIDDEN, (c) => `<${codePoint(c)}>`)
    .replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
