// conf compares migration versions with semver: 70 KB whose regexes are built on load, ~6 ms of
// every start. This answers conf's five questions for versions (prerelease included) and throws
// as semver does for what is not one; a range among the migrations is refused.
const NUM = '(0|[1-9]\\d*)';
const ID = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const VERSION = new RegExp(
  `^v?${NUM}\\.${NUM}\\.${NUM}(?:-(${ID}(?:\\.${ID})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);

const MAX_LENGTH = 256;

function parse(version: unknown): { core: number[]; pre: string[] } {
  if (typeof version !== 'string') {
    throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
  }
  if (version.length > MAX_LENGTH) throw new TypeError(`version is longer than ${MAX_LENGTH} characters`);
  const match = VERSION.exec(version.trim());
  if (!match) throw new TypeError(`Invalid Version: ${version}`);
  const core = match.slice(1, 4).map(Number);
  ['major', 'minor', 'patch'].forEach((part, i) => {
    if (!Number.isSafeInteger(core[i])) throw new TypeError(`Invalid ${part} version`);
  });
  return { core, pre: match[4] ? match[4].split('.') : [] };
}

function compareIds(a: string, b: string): number {
  const [x, y] = [/^\d+$/.test(a), /^\d+$/.test(b)];
  if (x && y) return Math.sign(Number(a) - Number(b));
  if (x !== y) return x ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! < y.core[i]! ? -1 : 1;
  // A prerelease comes before its release; two prereleases compare identifier by identifier.
  if (!x.pre.length || !y.pre.length) return x.pre.length === y.pre.length ? 0 : x.pre.length ? -1 : 1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    if (x.pre[i] === undefined) return -1;
    if (y.pre[i] === undefined) return 1;
    const order = compareIds(x.pre[i]!, y.pre[i]!);
    if (order) return order;
  }
  return 0;
}

export default {
  clean(version: string): string | null {
    // As semver: a value that is not a string throws; a string that is not a version is null.
    const cleaned = version.trim().replace(/^[=v]+/, '');
    try {
      const { core, pre } = parse(cleaned);
      return core.join('.') + (pre.length ? `-${pre.join('.')}` : '');
    } catch {
      return null;
    }
  },
  eq: (a: string, b: string): boolean => compare(a, b) === 0,
  lte: (a: string, b: string): boolean => compare(a, b) <= 0,
  gt: (a: string, b: string): boolean => compare(a, b) > 0,
  satisfies(_version: string, _range: string): never {
    throw new Error('conf was given a migration range: MCP Tray bundles conf for plain versions only');
  },
};
