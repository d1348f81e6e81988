import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium, which .ci/run installs (`apt-get install -y chromium`) when it is missing. */
export const CHROMIUM = process.env.EVENTWIRE_CHROMIUM ?? '/usr/bin/chromium';

/** Whether a browser test can run here. */
export const hasChromium = existsSync(CHROMIUM);

/** Where the browser tests leave what a person may want to look at (screenshots). */
export const TEST_OUTPUT = process.env.EVENTWIRE_TEST_OUTPUT ?? join(__dirname, '..', '..', 'test-output');

/**
 * Browser tests run when chromium is here; without it they fail in CI (CI set, as .ci/run sets it), where a skipped
 * browser test would pass unseen, and are skipped elsewhere with the reason said.
 */
export function browserDescribe(title: string, body: () => void): void {
  if (hasChromium) return describe(title, body);
  const reason = `no chromium at ${CHROMIUM} (apt-get install -y chromium, or EVENTWIRE_CHROMIUM=<path>)`;
  if (process.env.CI) {
    return describe(title, () => {
      it('has a browser to run in', () => {
        throw new Error(`${reason}: .ci/run installs it before the tests`);
      });
    });
  }
  process.stderr.write(`${title}: skipped, ${reason}\n`);
  describe.skip(title, body);
}

/** Chromium headless with a fresh profile, the flags that keep it from reaching the network on its own. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'eventwire-chromium-'));
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
