export function fixedDate(env?: Record<string, string | undefined>): Date;
export function normalizeZip(zip: Uint8Array, date?: Date): Promise<Buffer>;
export function zipExtension(sourceDir: string, date?: Date): Promise<Buffer>;
export function packageAll(options?: {
  distDir?: string;
  outDir?: string;
  storeDir?: string;
}): Promise<string[]>;
