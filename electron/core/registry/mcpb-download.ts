import { createHash } from 'node:crypto';
import { MAX_BUNDLE_BYTES } from '../../shared/bundle-contract';
import { UserFacingError } from '../rpc/errors';

/**
 * Downloads an `.mcpb` bundle and checks it against the entry's `fileSha256` before anything
 * reads it: a mismatch is refused with nothing written. The size is capped while reading, so a
 * server that lies about (or omits) its length cannot fill memory.
 */
export async function downloadBundle(
  fetch: typeof globalThis.fetch,
  url: string,
  sha256: string,
  maxBytes = MAX_BUNDLE_BYTES,
): Promise<Buffer> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new UserFacingError('download-failed', `Could not download the bundle from ${host} (${cause}).`);
  }
  if (!response.ok || !response.body) {
    throw new UserFacingError('download-failed', `${host} answered HTTP ${response.status} for the bundle.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw new UserFacingError(
        'download-failed',
        `The bundle is larger than ${Math.round(maxBytes / 1048576)} MB.`,
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  const data = Buffer.concat(chunks);
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== sha256.toLowerCase()) {
    throw new UserFacingError(
      'checksum-mismatch',
      `The downloaded bundle does not match the registry's checksum (expected ${sha256}, got ${actual}); nothing was installed.`,
    );
  }
  return data;
}
