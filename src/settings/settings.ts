/**
 * The person's choices. They persist in `storage.local`, so they hold choices only, never a key or
 * anything read from a QR code.
 */
export interface Settings {
  /** Show keys as `•••• ••••` until the person presses "Show key". */
  hideKeys: boolean;
  /** A minute after "Copy key", empty the clipboard if it still holds that key. */
  clearClipboard: boolean;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = { hideKeys: false, clearClipboard: false };

/** Keeps only known boolean fields: whatever else is in storage is ignored. */
export function parseSettings(value: unknown): Settings {
  const settings = { ...DEFAULT_SETTINGS };
  if (typeof value !== 'object' || value === null) return settings;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'boolean') settings[key] = field;
  }
  return settings;
}
