// The stand-ins conf is bundled with (scripts/build-node.mjs) answer as the modules they replace.
import assert from 'node:assert';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from './conf-stand-ins/ajv';
import standInAssert from './conf-stand-ins/assert';
import standInSemver from './conf-stand-ins/semver';

// The real semver, conf's own dependency (no types for it here).
const semver = createRequire(import.meta.url)('semver') as Record<
  'eq' | 'lte' | 'gt',
  (a: string, b: string) => boolean
> & {
  clean(version: string): string | null;
};

const answer = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (error) {
    return error instanceof TypeError ? 'TypeError' : 'Error';
  }
};

describe('conf stand-ins', () => {
  it('semver: clean, eq, lte and gt answer as semver does, throwing where it throws', () => {
    const versions = [
      ...['0.0.0', '1.0.0', '2.0.0', '9.0.0', '10.0.0', '1.2.3', 'v1.0.0', ' v1.0.0 ', '=1.0.0', '==v1.0.0'],
      ...['1.0.0-alpha', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-1'],
      ...['1.0.0-a-b', '1.0.0-0A', '1.0.0-rc.1+b5', '1.0.0+x', '1.0', 'abc', '01.0.0', '1.0.0-01', ''],
      ...['99999999999999999999.0.0', `1.0.0-${'a'.repeat(300)}`],
    ];
    for (const a of versions) {
      expect(
        answer(() => standInSemver.clean(a)),
        `clean(${a})`,
      ).toEqual(semver.clean(a));
      for (const b of versions) {
        for (const f of ['eq', 'lte', 'gt'] as const) {
          expect(
            answer(() => standInSemver[f](a, b)),
            `${f}(${a}, ${b})`,
          ).toEqual(answer(() => semver[f](a, b)));
        }
      }
    }
    for (const notText of [5, null, undefined] as unknown as string[]) {
      expect(answer(() => standInSemver.clean(notText))).toEqual(answer(() => semver.clean(notText)));
      expect(answer(() => standInSemver.eq(notText, '1.0.0'))).toEqual(
        answer(() => semver.eq(notText, '1.0.0')),
      );
    }
    expect(() => standInSemver.satisfies('1.0.0', '>=1')).toThrow(/plain versions only/);
  });

  it('assert: deepEqual throws exactly when node:assert would, for JSON values with or without a prototype', () => {
    const plain = (value: object) => Object.assign(Object.create(null) as object, value);
    const values: unknown[] = [
      ...[
        1,
        '1',
        0,
        '',
        null,
        true,
        'a',
        NaN,
        [],
        [1, 2],
        [2, 1],
        ['1', 2],
        {},
        { a: 1 },
        { a: '1' },
        { b: 1 },
      ],
      ...[
        plain({ a: 1 }),
        { a: 1, b: undefined },
        { a: { b: [1, { c: null }] } },
        plain({ a: { b: [1, { c: null }] } }),
      ],
      ...[{ a: { b: [1, { c: 0 }] } }, { 0: 1, 1: 2 }, { a: [] }, { a: {} }],
    ];
    for (const a of values) {
      for (const b of values) {
        const expected = answer(() => assert.deepEqual(a, b));
        expect(
          answer(() => standInAssert.deepEqual(a, b)),
          `${JSON.stringify(a)} ~ ${JSON.stringify(b)}`,
        ).toEqual(expected === undefined ? undefined : 'Error');
      }
    }
  });

  it('ajv: refuses to be used (conf is never given a schema)', () => {
    expect(() => new Ajv2020()).toThrow(/without ajv/);
  });
});
