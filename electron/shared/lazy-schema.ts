import type * as z from 'zod';

// Building a zod schema costs about 16 µs a node on the machines we measure, and the contract had
// 1,442 of them: ~20 ms of every start of the core, which needs a few dozen before its first
// request. A schema made with `lazily` is built the first time anything reads it (a parse, a
// method, a nested schema's parse), and every read from then on goes to that schema.
//
// What differs from the schema itself, none of which the contract uses: the proxy is not the
// schema (`s.brand() !== s`; a registry or `.meta()` entry made inside `build` is the schema's,
// so `toJSONSchema` of the proxy misses it), Node's util.inspect prints the proxy's empty
// target, and each parse of a nested proxy costs a trap (~0.5 µs; the broker's hot path does not
// use zod).

/**
 * A schema built on first use: a Proxy that forwards every operation to the schema `build`
 * returns. Its type is the schema's, so callers, `z.infer` and other schemas use it unchanged.
 */
export function lazily<T extends z.ZodType>(build: () => T): T {
  let schema: T | undefined;
  const real = (): T => (schema ??= build());
  return new Proxy(Object.create(null) as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    ownKeys: () => Reflect.ownKeys(real()),
    // The proxy's own (empty) target must not contradict what it reports: say "configurable".
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

/** A request's two schemas, built together the first time either is read. */
export function spec<T extends { input: z.ZodType; output: z.ZodType }>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return {
    get input() {
      return real().input;
    },
    get output() {
      return real().output;
    },
  } as T;
}
