import { firefoxTest } from './fixtures.ts';
import { localeSuite } from './locale-checks.ts';

/** Firefox in Japanese (Debian's firefox-esr-l10n-ja). */
const test = firefoxTest({ prefs: { 'intl.locale.requested': 'ja' } });
localeSuite(test, 'ja', false);
