// Escapes every non-ASCII character left in the bundles (esbuild keeps comments, and a regex
// literal as written). Node reads a module's source as UTF-8: a file that is all ASCII decodes
// on the fast path into a one-byte string, one with a single "…" in a comment takes the slow
// one (5–8 ms more at the start of `serve` here, for ~1 MB of code). An escape means the same
// in a string, a regex and an identifier, and nothing in a comment; it would change the raw
// text of a tagged template (String.raw), which no bundled code has on a non-ASCII character.
import fs from 'node:fs';
import path from 'node:path';

const CODE = /\.(mjs|cjs|js)$/;

/** Rewrites the `.mjs`/`.cjs`/`.js` files under `dirs` as ASCII; returns how many it changed. */
export function escapeNonAscii(dirs) {
  let changed = 0;
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir, { recursive: true })) {
      const file = path.join(dir, String(name));
      if (!CODE.test(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      // An odd run of backslashes escaped the character itself (`\’` is `’`): drop one, or the
      // escape would turn into a literal backslash.
      // eslint-disable-next-line no-control-regex -- the range is the point
      const ascii = text.replace(/(\\*)([^\x00-\x7f])/g, (_m, slashes, c) => {
        const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
        return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
      });
      if (ascii === text) continue;
      // A raw line or paragraph separator ends a // comment; escaped, the rest of that line would
      // become comment. None is in the bundles: stop rather than change what the code means.
      if (/[\u2028\u2029]/.test(text))
        throw new Error(`${file}: a raw U+2028/U+2029; escape it in the source`);
      fs.writeFileSync(file, ascii);
      changed++;
    }
  }
  return changed;
}
