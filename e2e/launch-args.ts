/**
 * The Chromium flags every run of the built extension uses (e2e fixtures, trust fixtures, bench:e2e): load
 * only the unpacked extension, allow `Extensions.triggerAction` over the DevTools Protocol, and keep the
 * browser from reaching out on its own (this machine's network is closed; the trust specs record requests).
 */
export function extensionLaunchArgs(extensionDir: string, extra: readonly string[] = []): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--enable-unsafe-extension-debugging',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...extra,
  ];
}
