/**
 * Windows' AppUserModelID for the app. It must equal electron-builder's `appId` (the NSIS
 * shortcut carries that one), or toasts show under the wrong name or not at all.
 */
export const APP_USER_MODEL_ID = 'dev.mcptray.app';
