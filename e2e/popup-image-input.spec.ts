import QRCode from 'qrcode';
import { expect, showPage, test } from './fixtures.ts';

const URI = 'otpauth://totp/Fileshare:sam?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Fileshare';

function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', scale: 6, margin: 4 });
}

test('file-input: an image file the person chose is read into the same result view', async ({
  extension,
}) => {
  const popup = await extension.openPopup();
  await popup
    .getByTestId('file-input')
    .setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: await qrPng(URI) });
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
  await expect(popup.getByTestId('issuer')).toHaveText('Fileshare');
  await expect(popup.getByTestId('secret')).toHaveText('MFRG GZDF MZTW Q2LK NNWG 23TP OBYX E43U');
  await expect(popup.getByRole('heading', { name: 'Read from your image' })).toBeVisible();
});

test('pasting an image (Ctrl+V) reads it', async ({ extension }) => {
  const popup = await extension.openPopup();
  const png = (await qrPng('pasted text')).toString('base64');
  await popup.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, png);
  await expect(popup.getByTestId('text')).toHaveText('pasted text');
});

test('dropping an image file on the popup reads it', async ({ extension }) => {
  const popup = await extension.openPopup();
  const png = (await qrPng(URI)).toString('base64');
  const data = await popup.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
    return transfer;
  }, png);
  await popup.locator('main').dispatchEvent('dragenter', { dataTransfer: data });
  await expect(popup.locator('.drop-overlay')).toBeVisible();
  await popup.locator('main').dispatchEvent('drop', { dataTransfer: data });
  await expect(popup.locator('.drop-overlay')).toBeHidden();
  await expect(popup.getByTestId('issuer')).toHaveText('Fileshare');
});

test('a file that is not an image, or holds no QR code, gets a sentence', async ({ extension }) => {
  const popup = await extension.openPopup();
  await popup
    .getByTestId('file-input')
    .setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error');
  await expect(popup.getByTestId('error-message')).toHaveText(/could not be read as an image/);

  await popup.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'just words');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(popup.getByText('That is not an image.')).toBeVisible();
});

test('Scan this page reads the tab in front of the browser window', async ({
  page,
  server,
  extension,
  context,
}) => {
  await showPage(
    page,
    server,
    `<h1>Canvas code</h1><canvas id="c" width="240" height="240"></canvas>
     <script type="module">
       const c = document.getElementById('c');
       c.getContext('2d').drawImage(await createImageBitmap(await (await fetch('${server.qrUrl('from the page', { scale: 6 })}')).blob()), 0, 0);
       document.body.dataset.ready = '1';
     </script>`,
  );
  await page.waitForSelector('body[data-ready="1"]');
  // The toolbar click gives activeTab; the popup then opens as its own window (the toolbar popup is not
  // scriptable in tests), and its button scans the page in front.
  await page.bringToFront();
  await extension.grantActiveTab(page);
  const sw = await extension.serviceWorker();
  const [popup] = await Promise.all([
    context.waitForEvent('page', (p) => p.url().endsWith('/popup.html')),
    sw.evaluate(() =>
      chrome.windows.create({
        url: chrome.runtime.getURL('popup.html'),
        type: 'popup',
        width: 400,
        height: 600,
      }),
    ),
  ]);
  await popup.getByTestId('scan-page').click();
  await expect(popup.getByTestId('text')).toHaveText('from the page');
  await expect(popup.getByRole('heading', { name: 'Found on this page' })).toBeVisible();
});
