export const FIREFOX_PACKAGE: string;
export const FIREFOX_INSTALL_COMMAND: string;
export function findFirefox(): Promise<string | undefined>;
export const FIREFOX_LANGUAGES: string[];
export const FIREFOX_PACKAGES: string[];
export function missingLanguagePacks(): string[];
