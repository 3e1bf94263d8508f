/**
 * Bench-side script added to every page of the bench's browser (Playwright `addInitScript`); it acts only in
 * `popup.html`. It notes when the result element first shows a finished scan and when that frame is painted
 * (the next animation frame), in ms since the epoch, so the bench can time the popup without any code in
 * the extension. `arm()` starts a new measure that only counts a finished scan seen after `scanning`.
 */
export interface PopupProbe {
  /** When the finished state was drawn (the attribute changed), and painted (the next frame). */
  rendered?: number;
  painted?: number;
  state?: string;
  /** When the file input's `change` event fired (the person chose a file). */
  chosen?: number;
  arm(needScanning: boolean): void;
}

/** As a string: it runs in the page as written (tsx's helpers do not exist there). */
export const POPUP_PROBE = `(() => {
  if (!location.pathname.endsWith('/popup.html')) return;
  const now = () => performance.timeOrigin + performance.now();
  const probe = { rendered: undefined, painted: undefined, state: undefined, chosen: undefined };
  let needScanning = false;
  let sawScanning = false;
  probe.arm = (need) => {
    probe.rendered = probe.painted = probe.state = probe.chosen = undefined;
    needScanning = need;
    sawScanning = false;
  };
  window.__qrkrBench = probe;
  const look = () => {
    const result = document.querySelector('[data-testid="result"]');
    const state = result && result.getAttribute('data-state');
    if (!state || probe.rendered !== undefined) return;
    if (state === 'scanning') sawScanning = true;
    if ((state === 'done' || state === 'error') && (sawScanning || !needScanning)) {
      probe.rendered = now();
      probe.state = state;
      requestAnimationFrame(() => { probe.painted = now(); });
    }
  };
  // Only the result element's attribute is watched, from the moment the page is parsed: the popup's script
  // (deferred) ran by then, and it draws a result only after its storage reads, later.
  const watch = () => {
    const result = document.querySelector('[data-testid="result"]');
    if (!result) return;
    new MutationObserver(look).observe(result, { attributes: true, attributeFilter: ['data-state'] });
    look();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
  addEventListener('change', () => { probe.chosen = now(); }, true);
})();`;
