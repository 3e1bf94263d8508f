// Makes sure a Chromium exists for the e2e tests. On a Debian machine, as root, it installs Debian's
// `chromium` package and says so; anywhere else it stops with the exact command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, INSTALL_COMMAND, L10N_INSTALL_COMMAND, LANGUAGE_PACK } from './chromium.mjs';

const found = await findChromium();
if (found) {
  console.log(`e2e: using Chromium at ${found}`);
  ensureLanguagePacks(found);
} else if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
  console.log("e2e: no Chromium found; installing Debian's chromium package (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'chromium-l10n'], { stdio: 'inherit', env });
  console.log(`e2e: installed ${await findChromium()}`);
} else {
  console.error(
    `e2e: no Chromium found. Install one with:\n  ${INSTALL_COMMAND}\nor set CHROMIUM_PATH to a Chromium binary.`,
  );
  process.exit(1);
}

/**
 * Debian's `chromium` ships only English: without `chromium-l10n` the browser cannot start in Arabic or
 * Hebrew (`@@bidi_dir` stays `ltr`), and the locale e2e tests would fail for the browser's sake.
 */
function ensureLanguagePacks(chromiumPath) {
  if (!chromiumPath.startsWith('/usr/bin/chromium') || existsSync(LANGUAGE_PACK)) return;
  if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
    console.log("e2e: installing Debian's chromium-l10n (the browser's language packs)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium-l10n'], { stdio: 'inherit', env });
  } else {
    console.error(
      `e2e: the browser's language packs are missing. Install them with:\n  ${L10N_INSTALL_COMMAND}`,
    );
    process.exit(1);
  }
}
