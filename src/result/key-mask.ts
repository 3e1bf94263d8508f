/**
 * Whether one account's key is masked right now. The key (`masked-key.ts`) and the account's QR code
 * (`account-qr-view.ts`) follow the same mask: "Show key" reveals both, "Hide key" hides both again.
 */
export class KeyMask {
  private readonly listeners: ((masked: boolean) => void)[] = [];

  constructor(private value: boolean) {}

  get masked(): boolean {
    return this.value;
  }

  set(masked: boolean): void {
    if (masked === this.value) return;
    this.value = masked;
    for (const listener of this.listeners) listener(masked);
  }

  /** Calls `listener` on every change (not now). */
  onChange(listener: (masked: boolean) => void): void {
    this.listeners.push(listener);
  }
}
