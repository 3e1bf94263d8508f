import { firefoxTest } from './fixtures.ts';
import { localeSuite } from './locale-checks.ts';

/** Firefox in Arabic (Debian's firefox-esr-l10n-ar): the extension right to left. */
const test = firefoxTest({ prefs: { 'intl.locale.requested': 'ar' } });
localeSuite(test, 'ar', true);
