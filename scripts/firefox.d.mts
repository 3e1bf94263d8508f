export const FIREFOX_PACKAGE: string;
export const FIREFOX_INSTALL_COMMAND: string;
export function findFirefox(): Promise<string | undefined>;
