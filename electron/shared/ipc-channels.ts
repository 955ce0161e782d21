import type { EventName, RequestName } from './contract';

/** IPC channel for one request; each request has its own, so there is no generic invoke. */
export const requestChannel = (name: RequestName): string => `mcp-tray:request:${name}`;

/** IPC channel for one event. */
export const eventChannel = (name: EventName): string => `mcp-tray:event:${name}`;

/** Name of the object the preload exposes on `window`. */
export const EXPOSED_API_KEY = 'mcpTray';
