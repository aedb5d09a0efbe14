import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.SMS_REQUIRE_CHROMIUM === '1';
const available = existsSync(CHROMIUM);

/**
 * Whether a browser test should be skipped: only when Debian's Chromium is missing and CI has not made
 * it required (SMS_REQUIRE_CHROMIUM=1, where a missing Chromium fails the test instead).
 */
export function skipWithoutChromium(what: string): boolean {
  if (available || required) return false;
  console.log(`Skipping ${what}: no Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
  return true;
}

/** Headless Chromium with the flags that keep it off the network on these machines. */
export async function launchChromium(): Promise<Browser> {
  if (!available) throw new Error(`SMS_REQUIRE_CHROMIUM=1 but there is no Chromium at ${CHROMIUM}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
