// conf asks `assert.deepEqual(file, fileWithDefaults)` only to learn whether the file lacks a
// default; loading node:assert for that was ~6 ms of every start. Same answer for JSON values
// (loose, prototypes ignored, as assert.deepEqual).

/** Whether two JSON values are equal the way `assert.deepEqual` sees them. */
function looselyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const [objectA, objectB] = [typeof a === 'object' && a !== null, typeof b === 'object' && b !== null];
  if (objectA !== objectB) return false;
  if (!objectA) {
    // Loose, as assert.deepEqual.
    return a == b || (Number.isNaN(a) && Number.isNaN(b));
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((key) => Object.hasOwn(y, key) && looselyEqual(x[key], y[key]));
}

export default {
  deepEqual(actual: unknown, expected: unknown): void {
    if (!looselyEqual(actual, expected)) throw new Error('Expected values to be loosely deep-equal');
  },
};
