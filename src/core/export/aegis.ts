import type { OtpAccount } from '../otp/types.ts';
import { note } from './notes.ts';
import type { ExportNote, Writer } from './types.ts';

/** The algorithms Aegis's OtpInfo accepts; an entry with another one fails to import. */
const AEGIS_ALGORITHMS = new Set(['SHA1', 'SHA256', 'SHA512']);

function info(account: OtpAccount): Record<string, string | number> {
  const common = { secret: account.secret, algo: account.algorithm, digits: account.digits };
  if (account.type === 'HOTP') return { ...common, counter: account.counter };
  if (account.type === 'Steam') return { secret: account.secret, algo: 'SHA1', digits: 5, period: 30 };
  return { ...common, period: account.period };
}

/**
 * An Aegis vault without encryption, as Aegis itself writes one (VaultFile version 1, an empty header,
 * vault `db` version 3 with `entries`, `groups`, `icons_optimized`): each entry with its `type`
 * (`totp`, `hotp`, `steam`), a new `uuid`, `name` (the account), `issuer`, an empty `note`, `favorite`
 * false, no icon, no groups, and `info` (`secret`, `algo`, `digits`, then `period` or `counter`).
 * Aegis imports it under "Import → Aegis". An algorithm Aegis lacks is left out with a note.
 */
export const writeAegisVault: Writer = (accounts, { newId }) => {
  const notes: ExportNote[] = [];
  const entries: object[] = [];
  accounts.forEach((account, index) => {
    if (account.type !== 'Steam' && !AEGIS_ALGORITHMS.has(account.algorithm)) {
      notes.push(note(account, index, 'left-out-algorithm', 'Aegis', account.algorithm));
      return;
    }
    entries.push({
      type: account.type.toLowerCase(),
      uuid: newId(),
      name: account.account,
      issuer: account.issuer,
      note: '',
      favorite: false,
      icon: null,
      info: info(account),
      groups: [],
    });
  });
  const vault = {
    version: 1,
    header: { slots: null, params: null },
    db: { version: 3, entries, groups: [], icons_optimized: true },
  };
  return { text: JSON.stringify(vault, null, 4), notes, written: entries.length };
};
