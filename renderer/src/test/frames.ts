import { act } from '@testing-library/react';
import { LIVE_FLUSH_MS } from '../screens/logs/use-tool-calls';

/**
 * Lets the call log show the live calls it received: they are added on the next frame, and
 * then at most every LIVE_FLUSH_MS, so this waits that long and one frame more, inside `act`.
 */
export async function liveUpdate(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, LIVE_FLUSH_MS));
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  });
}
