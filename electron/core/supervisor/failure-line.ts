/**
 * The line of a failed server's error output that says why, not merely the last one. The last
 * line is often a runtime's epilogue ("npm error A complete log of this run can be found in…",
 * "Node.js v22.12.0") while the cause sits above it. Rules per runtime, most specific first; the
 * full output stays one click away in the Process tab.
 */
const RULES: { name: string; pick: (lines: string[]) => string | null }[] = [
  // npm: the E404 / ERR! line names the package or the problem.
  {
    name: 'npm',
    pick: (lines) =>
      lastMatch(lines, /\b(E404|ERR!|npm error code E\w+|npm ERR!)\b/) ??
      lastMatch(lines, /^npm error (?!A complete log|\s*$)(?!code )/),
  },
  // docker: the image it could not find or pull.
  {
    name: 'docker',
    pick: (lines) => lastMatch(lines, /Unable to find image|pull access denied|docker: Error/i),
  },
  // A shell or exec that could not find the program.
  {
    name: 'not found',
    pick: (lines) =>
      lastMatch(
        lines,
        /command not found|No such file or directory|ENOENT|is not recognized as an internal or external command/,
      ),
  },
  // Python: the last line of a traceback is the exception and its message.
  { name: 'python', pick: (lines) => pythonException(lines) },
  // Node: the thrown error (with its code when there is one).
  { name: 'node', pick: (lines) => nodeError(lines) },
];

/** Epilogue lines that never explain anything. */
const NOISE =
  /^(Node\.js v\d|npm error A complete log|npm ERR! A complete log|\s*at |\s*\^+\s*$|Traceback \(most recent call last\)|\s*$)/;

function lastMatch(lines: string[], pattern: RegExp): string | null {
  for (let i = lines.length - 1; i >= 0; i--) if (pattern.test(lines[i]!)) return lines[i]!.trim();
  return null;
}

function pythonException(lines: string[]): string | null {
  const start = lines.findLastIndex((l) => l.startsWith('Traceback (most recent call last)'));
  if (start === -1) return null;
  for (let i = lines.length - 1; i > start; i--) {
    if (/^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b/.test(lines[i]!)) return lines[i]!.trim();
  }
  return null;
}

function nodeError(lines: string[]): string | null {
  const at = lines.findLastIndex((l) => /^(\w*Error|Error \[[A-Z_]+\])(: | \{|$)/.test(l.trim()));
  if (at === -1) return null;
  const line = lines[at]!.trim();
  // `code: 'ERR_MODULE_NOT_FOUND'` is printed a few lines below the message.
  const code = lines
    .slice(at + 1, at + 20)
    .map((l) => /^\s*code: '([A-Z0-9_]+)'/.exec(l)?.[1])
    .find(Boolean);
  return code && !line.includes(code) ? `${line} (${code})` : line;
}

/** The line that explains a failure, from the last lines of a server's stderr; null if none. */
export function failureLine(tail: readonly string[]): string | null {
  const lines = tail.map((l) => l.replace(/\r$/, ''));
  for (const rule of RULES) {
    const found = rule.pick(lines);
    if (found) return found;
  }
  return lastMatch(
    lines.filter((l) => !NOISE.test(l)),
    /./,
  );
}
