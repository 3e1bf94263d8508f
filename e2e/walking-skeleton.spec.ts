import { expect, imagesSettled, showPage, test } from './fixtures.ts';

const AUTOTASK = 'otpauth://totp/Autotask:username@domain.com?secret=abcdefghijklmnop';

test('right-click on a same-origin QR image shows issuer, account and grouped key', async ({
  page,
  server,
  extension,
}) => {
  const src = server.qrUrl(AUTOTASK);
  await showPage(
    page,
    server,
    `<h1>Set up two-factor authentication</h1><img id="qr" src="${src}" alt="QR">`,
  );
  await imagesSettled(page);

  const popup = await extension.scan(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });

  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
  const entry = popup.getByTestId('entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-kind', 'otp');
  await expect(entry.getByTestId('issuer')).toHaveText('Autotask');
  await expect(entry.getByTestId('account')).toHaveText('username@domain.com');
  await expect(entry.getByTestId('secret')).toHaveText('ABCD EFGH IJKL MNOP');
  await expect(entry.getByTestId('type')).toHaveText('TOTP');
  await expect(entry.getByTestId('code')).toHaveText(/^\d{3} ?\d{3}$/);
});

test('the copy button puts the key, without spaces, on the clipboard', async ({
  page,
  server,
  extension,
}) => {
  const src = server.qrUrl(AUTOTASK);
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);

  const popup = await extension.scan(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
  await popup.getByTestId('copy-secret').click();

  await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe('ABCDEFGHIJKLMNOP');
});

test('an image without a QR code gives a sentence, not silence', async ({ page, server, extension }) => {
  server.serve(
    '/blank.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#8ac"/></svg>',
    'image/svg+xml',
  );
  const src = `${server.origin}/blank.svg`;
  await showPage(page, server, `<img src="${src}" alt="not a QR code">`);
  await imagesSettled(page);

  const popup = await extension.scan(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });

  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error');
  await expect(popup.getByTestId('error-message')).toBeVisible();
  await expect(popup.getByTestId('error-message')).toHaveText(/No QR code was found in this image/);
});

test('a popup opened during a scan shows scanning, never the previous result', async ({
  page,
  server,
  extension,
}) => {
  const first = server.qrUrl('first result');
  await showPage(page, server, `<img src="${first}" alt="QR">`);
  await imagesSettled(page);
  const popup = await extension.scan(page, {
    menuItemId: 'read-qr-image',
    mediaType: 'image',
    srcUrl: first,
  });
  await expect(popup.getByTestId('text')).toHaveText('first result');

  const states: string[] = [];
  await popup.exposeFunction('recordState', (state: string) => states.push(state));
  await popup.evaluate(() => {
    const result = document.querySelector('[data-testid="result"]');
    if (!result) throw new Error('no result element');
    new MutationObserver(() => {
      const texts = Array.from(document.querySelectorAll('[data-testid="text"]')).map((e) => e.textContent);
      (window as unknown as { recordState(s: string): void }).recordState(
        `${result.getAttribute('data-state')}:${texts.join('|')}`,
      );
    }).observe(result, { attributes: true, childList: true, subtree: true });
  });

  const second = server.qrUrl('second result');
  await showPage(page, server, `<img src="${second}" alt="QR">`);
  await imagesSettled(page);
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: second });
  await expect(popup.getByTestId('text')).toHaveText('second result');
  expect(states[0]).toMatch(/^scanning:/);
  expect(states.filter((s) => s.includes('first result'))).toEqual([]);
});
