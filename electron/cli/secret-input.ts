/**
 * Reads secret values for `--secret-env`: a hidden prompt on a terminal, else one line per
 * name from standard input, in order. Never from argv (visible to every user in `ps`).
 */
export async function readSecrets(
  names: string[],
  input: NodeJS.ReadStream = process.stdin,
): Promise<string[]> {
  if (names.length === 0) return [];
  if (input.isTTY) {
    const values: string[] = [];
    for (const name of names) values.push(await promptHidden(`Value for ${name} (hidden): `, input));
    return values;
  }
  const lines: string[] = [];
  // node:readline on demand: it is a tenth of a short command's start, and few commands ask.
  const reader = process
    .getBuiltinModule('node:readline')
    .createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of reader) {
    lines.push(line);
    if (lines.length === names.length) break;
  }
  reader.close();
  if (lines.length < names.length) {
    throw new Error(
      `expected ${names.length} secret value(s) on standard input (one per line), got ${lines.length}`,
    );
  }
  return lines;
}

function promptHidden(question: string, input: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let value = '';
    input.setRawMode(true);
    input.resume();
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          done();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          done();
          reject(new Error('cancelled'));
          return;
        }
        if (char === '\u007f') value = value.slice(0, -1);
        else value += char;
      }
    };
    const done = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    input.on('data', onData);
  });
}
