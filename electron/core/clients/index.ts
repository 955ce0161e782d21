/**
 * The AI-client config engine: which clients exist and where their files are (adapters), our
 * connector entries, and the writer that changes only those entries, safely.
 */
export type {
  AdapterContext,
  ClientAdapter,
  ClientId,
  ConfigFormat,
  HttpEntryShape,
  HttpServerEntry,
  LaunchCommand,
  ServerEntry,
} from './client-adapter';
export { readHttpEntry, readStdioEntry } from './client-adapter';
export type { HttpEntryTarget } from './http-entry';
export { entryOwner, httpEntryHeaders, httpEntryUrl, ourHttpInstanceId } from './http-entry';
export {
  CLAUDE_MSIX_PACKAGE,
  clientAdapter,
  clientAdapters,
  isClaudeMsixInstall,
  lmStudioHome,
} from './adapters/index';
export type { ConfigChanges } from './config-changes';
export { ConfigConflictError, ConfigEditError, ConfigParseError, ConfigPathError } from './config-errors';
export type { ApplyOptions, ApplyResult, ConfigEntries, ConfigWriterDeps, Plan } from './config-writer';
export { ConfigWriter } from './config-writer';
export type { ConnectorRuntime } from './connector-entry';
export {
  connectorEntry,
  isOurEntry,
  nameForInstance,
  ourInstanceId,
  resolveEntryName,
} from './connector-entry';
export type { EntrySyncInput } from './entry-sync';
export { entrySyncChanges } from './entry-sync';
export { nodeAdapterContext } from './node-adapter-context';
export { BACKUP_MARK } from './backup-store';
export type { RestartResult, RunCommand } from './client-restart';
export { restartClient } from './client-restart';
