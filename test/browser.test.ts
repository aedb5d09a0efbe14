import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { bundleForBrowser } from '../scripts/size.mjs';
import { launchChromium, skipWithoutChromium } from './helpers/chromium.js';
import { mockServer } from './helpers/servers.js';

const KEYS = { accessKey: 'AKBROWSER000000000000', secretKey: 'SKBROWSER0000000000000000000000000000000' };

/** A page that uses the built package as a browser app would, through the same entry as the size check. */
const APP = `
import { createSmsClient, SmsServiceError } from './dist/src/index.js';
window.unlock = async (options, taskId) => {
  try {
    const sms = createSmsClient({ endpoint: location.origin, iamEndpoint: location.origin, ...options });
    return await sms.unlockTargetEcs({ taskId });
  } catch (error) {
    return { error: error.name, status: error.status, message: error.message, isServiceError: error instanceof SmsServiceError };
  }
};
`;

describe.skipIf(skipWithoutChromium('the browser test'))('in a browser', () => {
  let browser: Browser;
  let script: string;
  beforeAll(async () => {
    script = await bundleForBrowser(APP);
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  async function openApp(options: Parameters<typeof mockServer>[0]): Promise<{ page: Page; server: Awaited<ReturnType<typeof mockServer>> }> {
    const server = await mockServer({
      ...options,
      files: {
        '/index.html': { contentType: 'text/html', body: '<!doctype html><script type="module" src="/app.js"></script>' },
        '/app.js': { contentType: 'text/javascript', body: script },
      },
    });
    const page = await browser.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    // Only the mock server's own origin is reachable.
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => typeof (window as { unlock?: unknown }).unlock === 'function');
    expect(pageErrors).toEqual([]);
    return { page, server };
  }

  const unlock = (page: Page, options: object, taskId: string) =>
    page.evaluate(([o, t]) => (window as unknown as { unlock: (o: object, t: string) => Promise<unknown> }).unlock(o as object, t as string), [options, taskId] as const);

  test('the bundle has no node: import', () => {
    expect(script).not.toMatch(/["']node:/);
  });

  test('unlocks with a token', async () => {
    const { page, server } = await openApp({ token: 'browser-token' });
    await expect(unlock(page, { token: 'browser-token' }, 'task/ü 1')).resolves.toEqual({ status: 200, requestId: expect.any(String), body: '{}' });
    expect(server.requests).toEqual([expect.objectContaining({ method: 'POST', taskId: 'task/ü 1' })]);
    await page.close();
  });

  test('unlocks with AK/SK signing (Web Crypto), the domain id looked up from IAM', async () => {
    const { page, server } = await openApp({ credentials: [{ ...KEYS, domainId: 'browser-domain' }] });
    await expect(unlock(page, { credentials: KEYS }, 'a:b c')).resolves.toEqual({ status: 200, requestId: expect.any(String), body: '{}' });
    expect(server.requests.map((request) => request.path)).toEqual(['/v3/auth/domains', '/v3/tasks/a%3Ab%20c/unlock']);
    expect(server.requests[1]!.headers['x-domain-id']).toBe('browser-domain');
    await page.close();
  });

  test('a wrong secret key is refused with a typed error', async () => {
    const { page } = await openApp({ credentials: [{ ...KEYS, domainId: 'd' }] });
    await expect(unlock(page, { credentials: { ...KEYS, secretKey: 'wrong', domainId: 'd' } }, 'x')).resolves.toMatchObject({
      error: 'SmsServiceError',
      status: 401,
      isServiceError: true,
    });
    await page.close();
  });
});
