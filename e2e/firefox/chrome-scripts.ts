/**
 * Privileged scripts the Firefox driver runs in the browser window (`chrome://browser/content/browser.xhtml`)
 * over WebDriver BiDi. They are strings, not functions, so no transpiler (tsx, Playwright's Babel) can
 * rewrite them on the way; each is an async function body that returns a JSON-serialisable value.
 * They act as the person would on Firefox's own UI: its context menu, its panels, its clipboard.
 */

/** Every open Firefox window, as a JS expression. */
const WINDOWS = "[...Services.wm.getEnumerator('navigator:browser')]";

/**
 * Arms every window's content context menu: the next time it shows, the item `itemId` is activated (as a
 * person's click: `menus.onClicked` with the browser's own `info`, `activeTab` granted). The outcome is left
 * in `window[key]` as a promise: `{ ok: true }` or `{ ok: false, items }` (the ids the menu held instead).
 */
export function armContextMenu(key: string, itemId: string): string {
  return `
    const windows = ${WINDOWS};
    window[${JSON.stringify(key)}] = new Promise((resolve) => {
      const undo = [];
      const settle = (value) => { for (const u of undo) u(); resolve(value); };
      for (const w of windows) {
        const menu = w.document.getElementById('contentAreaContextMenu');
        if (!menu) continue;
        const onShown = (event) => {
          if (event.target !== menu) return;
          const item = w.document.getElementById(${JSON.stringify(itemId)});
          if (!item || item.hidden || item.disabled) {
            const items = [...menu.querySelectorAll('menuitem, menu')]
              .filter((i) => !i.hidden && i.id).map((i) => i.id);
            menu.hidePopup();
            settle({ ok: false, items });
            return;
          }
          const parent = item.parentNode;
          if (parent && parent !== menu && parent.localName === 'menupopup') {
            // The extension's items were grouped in a submenu (more than one applies): open it first.
            parent.addEventListener('popupshown', () => { parent.activateItem(item); settle({ ok: true }); }, { once: true });
            parent.parentNode.open = true;
            return;
          }
          menu.activateItem(item);
          settle({ ok: true });
        };
        menu.addEventListener('popupshown', onShown);
        undo.push(() => menu.removeEventListener('popupshown', onShown));
      }
    });
    return true;`;
}

/** Waits for the armed menu's outcome (see {@link armContextMenu}) and forgets it. */
export function awaitContextMenu(key: string): string {
  return `
    const outcome = await window[${JSON.stringify(key)}];
    delete window[${JSON.stringify(key)}];
    return outcome;`;
}

/** Disarms a menu that never showed (the right-click failed). */
export function disarmContextMenu(key: string): string {
  return `delete window[${JSON.stringify(key)}]; return true;`;
}

/** Closes every open panel and menu of every window (the toolbar popup swallows the next click) and waits. */
export const CLOSE_PANELS = `
  const open = [];
  for (const w of ${WINDOWS}) {
    for (const popup of w.document.querySelectorAll('panel, menupopup')) {
      if (popup.state === 'open' || popup.state === 'showing') open.push(popup);
    }
  }
  await Promise.all(open.map((popup) => new Promise((resolve) => {
    if (popup.state === 'closed') { resolve(); return; }
    popup.addEventListener('popuphidden', () => resolve(), { once: true });
    popup.hidePopup();
  })));
  return open.length;`;

/**
 * The extension's toolbar popup, as Firefox shows it: the URL of each open popup browser
 * (`browser.webextension-popup-browser` inside an open panel) and whether it finished loading.
 */
export const TOOLBAR_POPUPS = `
  const found = [];
  for (const w of ${WINDOWS}) {
    for (const browser of w.document.querySelectorAll('browser.webextension-popup-browser')) {
      const panel = browser.closest('panel');
      if (!panel || panel.state !== 'open') continue;
      found.push({ url: browser.currentURI ? browser.currentURI.spec : '', loading: browser.webProgress ? browser.webProgress.isLoadingDocument : true });
    }
  }
  return found;`;

/**
 * Reads the toolbar popup's page (in the extension's process) with a frame script: waits until its result is
 * in one of `states`, then evaluates `snapshot` (an expression over `document`) there. Answers
 * `{ snapshot }`, or `{ missing: true }` when no toolbar popup has loaded, or `{ timeout: state }`.
 */
export function readToolbarPopup(snapshot: string, states: readonly string[], timeoutMs: number): string {
  const frameScript = `
    const doc = content.document;
    const send = (data) => sendAsyncMessage('qrkr:toolbar-popup', data);
    const state = () => {
      const result = doc.querySelector('[data-testid="result"]');
      // Busy until the popup has drawn the stored scan: its markup's own state means nothing yet.
      return result && result.getAttribute('aria-busy') !== 'true' ? result.getAttribute('data-state') : 'busy';
    };
    const states = ${JSON.stringify(states)};
    const answer = () => send({ snapshot: ((document) => ${snapshot})(doc) });
    if (states.length === 0 || states.includes(state())) answer();
    else {
      const observer = new content.MutationObserver(() => {
        if (!states.includes(state())) return;
        observer.disconnect();
        answer();
      });
      observer.observe(doc, { subtree: true, childList: true, attributes: true });
      content.setTimeout(() => { observer.disconnect(); send({ timeout: state() ?? 'none' }); }, ${timeoutMs});
    }`;
  return `
    const browser = ${WINDOWS}
      .flatMap((w) => [...w.document.querySelectorAll('browser.webextension-popup-browser')])
      .find((b) => b.closest('panel')?.state === 'open' && b.currentURI?.spec.endsWith('/popup.html') && !b.webProgress?.isLoadingDocument);
    if (!browser?.messageManager) return { missing: true };
    const mm = browser.messageManager;
    return await new Promise((resolve) => {
      const listener = (message) => { mm.removeMessageListener('qrkr:toolbar-popup', listener); resolve(message.data); };
      mm.addMessageListener('qrkr:toolbar-popup', listener);
      mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript)}), false);
    });`;
}

/** The text on the system clipboard (Firefox's headless clipboard when headless). */
export const READ_CLIPBOARD = `
  const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
  transferable.init(null);
  transferable.addDataFlavor('text/plain');
  Services.clipboard.getData(transferable, Services.clipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
  const data = {};
  try {
    transferable.getTransferData('text/plain', data);
  } catch {
    return '';
  }
  return data.value ? data.value.QueryInterface(Ci.nsISupportsString).data : '';`;

/** Puts `text` on the system clipboard, as another program would. */
export function writeClipboard(text: string): string {
  return `
    Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(${JSON.stringify(text)});
    return true;`;
}

/** Sets the zoom of the tab showing `url` (1.5 = 150 %), as Ctrl + does; answers how many tabs it zoomed. */
export function setZoom(url: string, level: number): string {
  return `
    let zoomed = 0;
    for (const w of ${WINDOWS}) {
      for (const browser of w.gBrowser.browsers) {
        if (browser.currentURI.spec !== ${JSON.stringify(url)}) continue;
        w.FullZoom.setZoom(${JSON.stringify(level)}, browser);
        zoomed++;
      }
    }
    return zoomed;`;
}

/** The extension's parent-process object, as a JS statement defining `ext` (and its alarms API). */
function extensionOf(geckoId: string): string {
  return `
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(geckoId)});
    if (!ext) throw new Error('the extension is not running');`;
}

/**
 * Runs `frameScript` (a script for the message manager, with `content` the page and `reply(value)`) in the
 * extension's background page, and answers what it replied.
 */
export function inBackground(geckoId: string, frameScript: string): string {
  const wrapped = `const reply = (value) => sendAsyncMessage('qrkr:background', value); ${frameScript}`;
  return `
    ${extensionOf(geckoId)}
    const browser = ext.backgroundContext?.xulBrowser;
    if (!browser?.messageManager) throw new Error('the background page is not running');
    const mm = browser.messageManager;
    return await new Promise((resolve) => {
      const listener = (message) => { mm.removeMessageListener('qrkr:background', listener); resolve(message.data); };
      mm.addMessageListener('qrkr:background', listener);
      mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(wrapped)}), false);
    });`;
}

/** The alarm `name` as Firefox's alarms API holds it (`{ name, scheduledTime }`), or null. */
export function alarmOf(geckoId: string, name: string): string {
  return `
    ${extensionOf(geckoId)}
    const alarm = ext.apiManager.getAPI('alarms', ext, 'addon_parent')?.alarms.get(${JSON.stringify(name)});
    return alarm ? alarm.data : null;`;
}

/**
 * Sets the background page's clock (`Date.now`) `offsetMs` ahead of the real one (0 puts it back), as if
 * that much time had passed there.
 */
export function shiftBackgroundClock(geckoId: string, offsetMs: number): string {
  return inBackground(
    geckoId,
    `
    const win = content.wrappedJSObject;
    const date = win.Date;
    if (!date.__qrkrRealNow) date.__qrkrRealNow = date.now;
    const real = date.__qrkrRealNow;
    if (${offsetMs} === 0) date.now = real;
    else Cu.exportFunction(() => real.call(date) + ${offsetMs}, date, { defineAs: 'now' });
    reply(date.now() - real.call(date));`,
  );
}

/** Fires the alarm `name` now, as Firefox's timer does at its time (the alarm is then used up). */
export function fireAlarm(geckoId: string, name: string): string {
  return `
    ${extensionOf(geckoId)}
    const alarm = ext.apiManager.getAPI('alarms', ext, 'addon_parent')?.alarms.get(${JSON.stringify(name)});
    if (!alarm) return false;
    alarm.timer.cancel();
    alarm.observe();
    return true;`;
}

/**
 * How many dedicated workers running `scriptName` (e.g. `decoder-worker.js`) are alive in the extension's
 * process (the background page's and any extension page's), asked in the background page. Throws when the
 * background page is not running (Firefox suspended it, and its workers with it).
 */
export function workersRunning(geckoId: string, scriptName: string): string {
  return inBackground(
    geckoId,
    `
    const manager = Cc['@mozilla.org/dom/workers/workerdebuggermanager;1'].getService(Ci.nsIWorkerDebuggerManager);
    let open = 0;
    for (const worker of manager.getWorkerDebuggerEnumerator())
      if (!worker.isClosed && worker.url.endsWith('/' + ${JSON.stringify(scriptName)})) open++;
    reply(open);`,
  );
}

/**
 * For a failure message: each live worker running `scriptName` in the extension's process, and whose it is
 * (the background page now running, another page of the extension, or a page that is gone).
 */
export function workerOwners(geckoId: string, scriptName: string): string {
  return inBackground(
    geckoId,
    `
    const manager = Cc['@mozilla.org/dom/workers/workerdebuggermanager;1'].getService(Ci.nsIWorkerDebuggerManager);
    const owners = [];
    for (const worker of manager.getWorkerDebuggerEnumerator()) {
      if (worker.isClosed || !worker.url.endsWith('/' + ${JSON.stringify(scriptName)})) continue;
      let owner;
      try {
        const window = worker.window;
        const id = (w) => w?.windowGlobalChild?.innerWindowId ?? w?.windowUtils?.currentInnerWindowID;
        if (!window) owner = 'no window';
        else if (id(window) !== undefined && id(window) === id(content)) owner = 'this background page';
        else owner = (window.closed ? 'closed: ' : '') + String(window.location?.href) + ' #' + id(window) + ' (background #' + id(content) + ')';
      } catch (error) {
        owner = 'unknown (' + error + ')';
      }
      owners.push(owner);
    }
    reply(owners);`,
  );
}
