/**
 * Asks a yes/no question on standard error; true only for `y` or `yes`. Without a terminal the
 * answer is no, unless `piped` says to read it as a line of standard input (`import`, whose
 * input also carries the secrets that follow).
 */
export async function confirm(question: string, { piped = false } = {}): Promise<boolean> {
  if (!process.stdin.isTTY && !piped) return false;
  // node:readline on demand: it is a tenth of a short command's start, and few commands ask.
  const reader = process
    .getBuiltinModule('node:readline')
    .createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) => reader.question(question, resolve));
  reader.close();
  return /^y(es)?$/i.test(answer.trim());
}
