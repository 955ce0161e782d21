import { addHref } from '../../routing/routes';
import { navigate } from '../../routing/use-route';

/**
 * What a deep link (`mcp-tray://install?…`) asks to add. Mirrors the core's `InstallRequest`
 * (the `installRequested` event); kept here until that event is in the contract.
 */
export type InstallRequest =
  | { kind: 'catalog'; integrationId: string }
  | { kind: 'remote'; url: string; name?: string }
  | {
      kind: 'custom';
      id?: string;
      name?: string;
      command: string;
      args: string[];
      env: Record<string, string>;
      /** Names only: the user types the values (they go to the keychain). */
      secretEnvNames: string[];
    };

/** A request waits this long for its screen to pick it up. */
const REQUEST_TTL_MS = 30_000;

let pending: { request: InstallRequest; at: number } | null = null;

/** The `#/add/<segment>` a request opens. */
export const installSegment = (request: InstallRequest): string =>
  request.kind === 'catalog' ? request.integrationId : request.kind;

/**
 * Opens the add flow for a request, pre-filled. Nothing runs: the flow always shows what would
 * run and waits for the user to confirm. Wiring the deep-link event is one line:
 * `api.onInstallRequested(({ request }) => requestInstall(request))`.
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
