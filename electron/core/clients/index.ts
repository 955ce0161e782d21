/**
 * The AI-client config engine: which clients exist and where their files are (adapters), our
 * connector entries, and the writer that changes only those entries, safely.
 */
export type { AdapterContext, ClientAdapter, ServerEntry } from './client-adapter';
export { readHttpEntry } from './client-adapter';
export { ourHttpInstanceId } from './http-entry';
export { clientAdapter, clientAdapters, isClaudeMsixInstall } from './adapters/index';
export type { ConfigChanges } from './config-changes';
export { ConfigConflictError, ConfigEditError, ConfigParseError, ConfigPathError } from './config-errors';
export { ConfigWriter } from './config-writer';
export type { ConnectorRuntime } from './connector-entry';
export { connectorEntry, ourInstanceId } from './connector-entry';
export { entrySyncChanges } from './entry-sync';
export { nodeAdapterContext } from './node-adapter-context';
export { restartClient } from './client-restart';
