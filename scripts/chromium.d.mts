export const INSTALL_COMMAND: string;
export function findChromium(): Promise<string | undefined>;
export const LANGUAGE_PACK: string;
export const L10N_INSTALL_COMMAND: string;
