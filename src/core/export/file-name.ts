import type { ExportFormat } from './types.ts';

/** The name each app's import dialog expects: Aegis and Bitwarden `.json`, 2FAS `.2fas`. */
const SUFFIX: Record<ExportFormat, string> = {
  otpauth: '.txt',
  aegis: '.aegis.json',
  bitwarden: '.bitwarden.json',
  '2fas': '.2fas',
  csv: '.csv',
};

const two = (n: number): string => String(n).padStart(2, '0');

/** `qr-key-reader-export-2026-12-01.aegis.json`: the local calendar date of `now`. */
export function exportFileName(format: ExportFormat, now: number): string {
  const date = new Date(now);
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `qr-key-reader-export-${day}${SUFFIX[format]}`;
}
