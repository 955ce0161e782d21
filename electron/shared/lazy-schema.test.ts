import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import type * as Contract from './contract';
import { lazily, spec } from './lazy-schema';

type ZodConfig = { postProcessor?: (schema: unknown) => void };
const zodConfig = (globalThis as { __zod_globalConfig?: ZodConfig }).__zod_globalConfig!;

/** Counts the zod schemas constructed while `run` runs (zod's internal post-construction hook). */
async function schemasBuiltBy(run: () => Promise<unknown> | unknown): Promise<number> {
  let built = 0;
  zodConfig.postProcessor = () => void built++;
  try {
    await run();
  } finally {
    delete zodConfig.postProcessor;
  }
  return built;
}

afterEach(() => {
  delete zodConfig.postProcessor;
});

describe('lazily', () => {
  it('builds the schema on first use, once, and then is that schema', () => {
    const build = vi.fn(() =>
      z.object({ kind: z.literal('a'), n: z.number().int().optional() }).describe('an A'),
    );
    const A = lazily(build);
    expect(build).not.toHaveBeenCalled();
    expect(A.parse({ kind: 'a', n: 1 })).toEqual({ kind: 'a', n: 1 });
    expect(A.safeParse({ kind: 'a', n: 1.5 }).error?.issues[0]?.path).toEqual(['n']);
    expect(A.description).toBe('an A');
    expect(A).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(A.shape)).toEqual(['kind', 'n']);
    expect(A.extend({ extra: z.boolean() }).parse({ kind: 'a', extra: true })).toEqual({
      kind: 'a',
      extra: true,
    });
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('works inside other schemas, unions and defaults as the schema itself', () => {
    const A = lazily(() => z.object({ kind: z.literal('a') }));
    const B = lazily(() => z.object({ kind: z.literal('b'), s: z.string().min(1) }));
    const E = lazily(() => z.enum(['x', 'y']));
    const Outer = z.object({ items: z.array(z.discriminatedUnion('kind', [A, B])), e: E.default('x') });
    expect(Outer.parse({ items: [{ kind: 'a' }, { kind: 'b', s: 'q' }] })).toEqual({
      items: [{ kind: 'a' }, { kind: 'b', s: 'q' }],
      e: 'x',
    });
    const failed = Outer.safeParse({ items: [{ kind: 'b', s: '' }, { kind: 'c' }], e: 'z' });
    expect(failed.error?.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      'items.0.s:too_small',
      'items.1.kind:invalid_union',
      'e:invalid_value',
    ]);
    expect(E.options).toEqual(['x', 'y']);
  });
});

describe('spec', () => {
  it("builds a request's schemas together the first time either is read", () => {
    const build = vi.fn(() => ({ input: z.object({ id: z.string() }), output: z.boolean() }));
    const request = spec(build);
    expect(build).not.toHaveBeenCalled();
    expect(request.input.parse({ id: 'x' })).toEqual({ id: 'x' });
    expect(request.output.parse(true)).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe('the contract', () => {
  it('builds none of its schemas when imported; a request builds its own when first used', async () => {
    vi.resetModules();
    let contract: typeof Contract | undefined;
    const atImport = await schemasBuiltBy(async () => {
      contract = (await import('./contract')) as typeof Contract;
    });
    // Built eagerly, importing the contract made 1,442 schemas; now none (a new eager one fails this).
    expect(atImport).toBe(0);
    const firstUse = await schemasBuiltBy(() => contract!.requests.getInstance.input.parse({ id: 'github' }));
    expect(firstUse).toBeGreaterThan(0);
  });
});
