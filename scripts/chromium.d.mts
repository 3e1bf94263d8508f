export const INSTALL_COMMAND: string;
export function findChromium(): Promise<string | undefined>;
