import { addHref } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import type { InstallRequest } from '../../../../electron/shared/contract';

export type { InstallRequest };

/** A request waits this long for its screen to pick it up. */
const REQUEST_TTL_MS = 30_000;

let pending: { request: InstallRequest; at: number } | null = null;

/** The `#/add/<segment>` a request opens. */
export const installSegment = (request: InstallRequest): string =>
  request.kind === 'catalog' ? request.integrationId : request.kind;

/**
 * Opens the add flow for a request, pre-filled. Nothing runs: the flow always shows what would
 * run and waits for the user to confirm. The app calls it for every `installRequested` event
 * (an `mcp-tray://install` link opened in the shell or with `mcp-tray open`).
 */
export function requestInstall(request: InstallRequest): void {
  pending = { request, at: Date.now() };
  navigate(addHref(installSegment(request)));
}

/**
 * The request waiting for the screen at `segment`, if any. Not consumed on read (StrictMode
 * renders twice); the screen calls {@link clearInstallRequest} once it has used it.
 */
export function peekInstallRequest(segment: string): InstallRequest | null {
  if (!pending || Date.now() - pending.at > REQUEST_TTL_MS) return null;
  return installSegment(pending.request) === segment ? pending.request : null;
}

export function clearInstallRequest(): void {
  pending = null;
}
