/**
 * Where the handling of `stream`'s latest chunk stands: `read` inside the `data` event that
 * brought it, `microtask` once a microtask ran after it. Call it before the code under test
 * listens, so its listener runs first for the same chunk.
 */
export function readPhase(stream: NodeJS.ReadableStream): () => string {
  let phase = 'before';
  stream.on('data', () => {
    phase = 'read';
    queueMicrotask(() => (phase = 'microtask'));
  });
  return () => phase;
}
