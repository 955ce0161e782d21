import { UserInputError } from './tool-result';

/**
 * Opaque pagination cursors: what the provider needs for the next page (a page number, a page
 * token, a start cursor) wrapped so clients pass it back unchanged (MCP pagination style).
 */
export function encodeCursor(state: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string | undefined,
): T | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as T;
  } catch {
    // fall through
  }
  throw new UserInputError('The cursor is not one this tool returned; start again without a cursor.');
}
