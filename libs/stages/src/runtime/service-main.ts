import { ConfigValidationError } from '@eventwire/config';

/**
 * The body of every service's main.ts: boot, and on a start-up failure say
 * why on stderr and exit non-zero (a bad config lists every bad variable).
 */
export function runService(name: string, boot: () => Promise<void>): void {
  boot().catch((error: unknown) => {
    const message = error instanceof ConfigValidationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: name, msg: 'start-up failed', error: message })}\n`);
    process.exit(1);
  });
}
