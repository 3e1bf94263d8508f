import { workerOwners, workersRunning } from './chrome-scripts.ts';
import type { FirefoxExtension } from './driver.ts';
import { expect, firefoxTest, imagesSettled, readImage, showPage } from './fixtures.ts';

/**
 * Firefox holds no decoder either while nothing is read: the event page's decoder worker ends within a
 * minute of the scan (or Firefox suspends the event page, and the worker with it), and the next scan reads
 * correctly. The wait is a poll bounded above that minute, never a sleep. (Should the event page fail to end
 * its worker, the worker asks to be ended, then ends itself: src/worker/quiet-watch.ts.)
 */
const test = firefoxTest();

/** Decoder workers alive in the extension's process; none when Firefox suspended the event page. */
async function decoderWorkers(firefox: FirefoxExtension): Promise<number> {
  try {
    return await firefox.chrome<number>(workersRunning(firefox.geckoId, 'decoder-worker.js'));
  } catch (error) {
    if (/not running/.test(String(error))) return 0;
    throw error;
  }
}

/**
 * Waits (a poll bounded above the minute) until no decoder worker is left. Failing, it says whose the
 * workers still running are: this background page's, another page's, or a page that is gone.
 */
async function decoderWorkersEnd(firefox: FirefoxExtension): Promise<void> {
  try {
    await expect.poll(() => decoderWorkers(firefox), { timeout: 90_000, intervals: [500] }).toBe(0);
  } catch (error) {
    const owners = await firefox
      .chrome<string[]>(workerOwners(firefox.geckoId, 'decoder-worker.js'))
      .catch((reason: unknown) => [`not known: ${String(reason)}`]);
    throw new Error(`${String(error)}\nDecoder workers still running, by owner: ${JSON.stringify(owners)}`);
  }
}

test('after a scan the decoder worker ends within a minute, and the next scan still reads', async ({
  firefox,
  tab,
  server,
}) => {
  test.setTimeout(180_000);
  const show = async (account: string, secret: string) => {
    await showPage(
      tab,
      server,
      `<h1>Enrol</h1><img id="qr" src="${server.qrUrl(`otpauth://totp/Idle:${account}?secret=${secret}&issuer=Idle`, { scale: 6 })}" alt="QR">`,
    );
    await imagesSettled(tab);
    return readImage(firefox, tab, '#qr');
  };
  const first = await show('first', 'JBSWY3DPEHPK3PXP');
  expect(first.entries.map((e) => e.account)).toEqual(['first']);
  expect(await decoderWorkers(firefox)).toBe(1);

  await firefox.closePanels();
  await decoderWorkersEnd(firefox);

  const second = await show('second', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  expect(second.entries.map((e) => [e.account, e.secret])).toEqual([
    ['second', 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ'],
  ]);
});

test('a context menu on an image starts the decoder before any click (on a page: not); unused, it ends within a minute', async ({
  firefox,
  tab,
  server,
}) => {
  test.setTimeout(180_000);
  await showPage(tab, server, `<h1>Enrol</h1><img id="qr" src="${server.qrUrl('ready early')}" alt="QR">`);
  await imagesSettled(tab);
  // Any worker of an earlier scan in this browser ends first.
  await decoderWorkersEnd(firefox);
  // The page's own menu (text, no image) shows the page scan item only: no decoder is started for it.
  expect(await firefox.menuItems(tab, 'h1')).toContain(firefox.menuItemDomId('scan-qr-page'));
  expect(await decoderWorkers(firefox)).toBe(0);
  // The image's menu is opened and closed again, nothing picked: the worker starts all the same.
  expect(await firefox.menuItems(tab, '#qr')).toContain(firefox.menuItemDomId('read-qr-image'));
  await expect.poll(() => decoderWorkers(firefox)).toBe(1);
  await decoderWorkersEnd(firefox);
});
