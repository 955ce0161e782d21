import { readZip as readEntries } from '../../../electron/core/integrations/mcpb-bundle';

/**
 * A zip's entries by name (tests only), through the app's own reader: central directory,
 * name checks and a CRC check per entry.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(readEntries(zip).map((entry) => [entry.name, entry.read()]));
}
