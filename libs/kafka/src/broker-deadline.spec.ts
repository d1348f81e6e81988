import { BrokerTimeoutError, withDeadline } from './broker-deadline';
import { classifyFailure } from './failure-classifier';

describe(withDeadline.name, () => {
  it('returns what the call returns when it settles in time', async () => {
    await expect(withDeadline(Promise.resolve(42), 1000, 'send')).resolves.toBe(42);
  });

  it('passes the call’s own error through when it fails in time', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    await expect(withDeadline(Promise.reject(refused), 1000, 'send')).rejects.toBe(refused);
  });

  it('fails with a retriable BROKER_TIMEOUT once the deadline passes, and the late rejection is nobody’s error', async () => {
    let rejectLate: (error: Error) => void = () => undefined;
    const hanging = new Promise<void>((_resolve, reject) => (rejectLate = reject));
    const started = Date.now();
    const error = await withDeadline(hanging, 50, 'send').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(BrokerTimeoutError);
    expect(error).toMatchObject({ code: 'BROKER_TIMEOUT', retriable: true, timeoutMs: 50, message: 'send: no answer from the broker within 50 ms' });
    expect(classifyFailure(error)).toEqual({ kind: 'transient', reason: 'BROKER_TIMEOUT' });
    rejectLate(new Error('retries exceeded')); // would fail the test run as an unhandled rejection if it were not caught
    await new Promise((resolve) => setImmediate(resolve));
  });
});
