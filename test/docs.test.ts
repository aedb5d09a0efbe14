import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, skipWithoutChromium } from './helpers/chromium.js';

describe.skipIf(skipWithoutChromium('the docs test'))('the API reference (docs/index.html)', () => {
  const work = mkdtempSync(join(tmpdir(), 'sms-docs-'));
  const page = join(work, 'index.html');
  let browser: Browser;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/docs.mjs', page], { stdio: 'pipe' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('works with no network: no page error, the operation, the 403 example and search', async () => {
    const context = await browser.newContext();
    const blocked: { type: string; url: string }[] = [];
    await context.route('**/*', (route) => {
      const request = route.request();
      if (request.url().startsWith('file:')) return route.continue();
      blocked.push({ type: request.resourceType(), url: request.url() });
      return route.abort();
    });
    const tab = await context.newPage();
    const pageErrors: Error[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error));

    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    const body = tab.locator('body');
    await tab.getByText('Migration tasks').first().click();
    await tab.getByText('Unlock the target server of a task', { exact: true }).first().click();
    await expect.poll(() => body.innerText(), { timeout: 10_000 }).toContain('Unlocks the target server of the given migration task.');

    expect(await body.innerText()).not.toContain('SMS.9004');
    for (const tabButton of await tab.getByText('403', { exact: true }).all()) await tabButton.click();
    await expect.poll(() => body.innerText(), { timeout: 10_000 }).toContain('"SMS.9004"');

    // Search results highlight the matched word in a span of its own.
    const highlights = tab.locator('span').filter({ hasText: /^unlock$/i });
    expect(await highlights.count()).toBe(0);
    await tab.getByText('Search', { exact: false }).first().click();
    await tab.getByPlaceholder(/search/i).fill('unlock');
    await expect.poll(() => highlights.count(), { timeout: 10_000 }).toBeGreaterThan(0);

    expect(pageErrors).toEqual([]);
    // Redoc's "API docs by" badge tries an image from its CDN and hides itself when that fails; nothing
    // the page needs (script, style, font, data) may come from the network.
    expect(blocked.filter(({ type }) => type !== 'image')).toEqual([]);
    await context.close();
  });
});
