import pkg from '../../package.json' with { type: 'json' };

/** The app's version; its own module so the connector can show it without loading the core. */
export const APP_VERSION: string = pkg.version;
