import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { TOTP } from 'otpauth';
import practice from '../src/onboarding/practice-account.json' with { type: 'json' };
import { expect, test } from './fixtures.ts';
import { expectCurrentCode } from './live-code.ts';
import { expectNoAxeViolations, SCREENSHOTS } from './popup-support.ts';

/** The onboarding tab the extension opened when it was installed (this profile is new). */
async function installedOnboarding(context: BrowserContext, id: string): Promise<Page> {
  const url = `chrome-extension://${id}/onboarding.html`;
  const page =
    context.pages().find((p) => p.url() === url) ??
    (await context.waitForEvent('page', { predicate: (p) => p.url() === url }));
  await page.waitForLoadState();
  return page;
}

test('installing opens the onboarding page once', async ({ context, extension }) => {
  const page = await installedOnboarding(context, extension.id);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to QR Key Reader');
  await expect(page.getByRole('heading', { name: 'How to use it' })).toBeVisible();
  for (const app of ['Google Authenticator', 'Microsoft Authenticator', 'Duo Mobile', 'Any other app']) {
    await expect(page.getByText(app, { exact: true })).toBeVisible();
  }
  await expect(page.getByText('A code lasts 30 seconds')).toBeVisible();
  await expect(page.getByText('The phone’s clock must be set automatically')).toBeVisible();
  expect(context.pages().filter((p) => p.url().endsWith('/onboarding.html'))).toHaveLength(1);
});

test('the practice QR code reads with the same right-click, and its live code matches', async ({
  context,
  extension,
}) => {
  const page = await installedOnboarding(context, extension.id);
  const qr = page.getByTestId('practice-qr');
  await expect(qr).toHaveJSProperty('complete', true);
  await expect(page.getByText('PRACTICE ONLY · demo key, not a real account')).toBeVisible();
  // A person sees the code when they right-click it.
  await qr.scrollIntoViewIfNeeded();
  const popup = await extension.scan(page, {
    menuItemId: 'read-qr-image',
    mediaType: 'image',
    srcUrl: await qr.evaluate((img: HTMLImageElement) => img.currentSrc),
  });
  await expect(popup.getByTestId('error-message')).toHaveText('');
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
  const entry = popup.getByTestId('entry');
  await expect(entry.getByTestId('issuer')).toHaveText('QR Key Reader Practice');
  await expect(entry.getByTestId('account')).toHaveText('demo');
  await expect(entry.getByTestId('secret')).toHaveText('QRKE YREA DERP RACT ICED EMOK EY23 4567');
  await expect(entry.getByTestId('warning')).toHaveCount(0);

  const totp = new TOTP({ secret: 'QRKEYREADERPRACTICEDEMOKEY234567' });
  expect(practice.uri).toContain('secret=QRKEYREADERPRACTICEDEMOKEY234567');
  const generate = (timestamp: number) => totp.generate({ timestamp });
  await expectCurrentCode(() => page.getByTestId('practice-code').textContent(), generate);
  await expectCurrentCode(() => entry.getByTestId('code').textContent(), generate);
});

test('the popup’s “How to use” opens the onboarding page', async ({ context, extension }) => {
  await installedOnboarding(context, extension.id);
  const popup = await extension.openPopup();
  const [opened] = await Promise.all([
    context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/onboarding.html') }),
    popup.getByRole('link', { name: 'How to use' }).click(),
  ]);
  await expect(opened.getByRole('heading', { level: 1 })).toHaveText('Welcome to QR Key Reader');
});

test('onboarding: no axe violations, keyboard reachable app guides, screenshot', async ({
  context,
  extension,
}) => {
  const page = await installedOnboarding(context, extension.id);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.screenshot({ path: resolve(SCREENSHOTS, 'onboarding.png'), fullPage: true });
  const microsoft = page.getByText('Microsoft Authenticator', { exact: true });
  await microsoft.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Or enter code manually', { exact: false })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Or enter code manually', { exact: false })).toBeHidden();
});
