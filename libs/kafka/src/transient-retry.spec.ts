import { NonRetriableError } from './broker-errors';
import { attemptsOf, backoffDelay, retryTransient } from './transient-retry';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** A clock that moves only when the code under test waits. */
function fakeClock(): { now: () => number; wait: (ms: number) => Promise<void>; waits: number[] } {
  let time = 1_000_000;
  const waits: number[] = [];
  return {
    now: () => time,
    wait: async (ms) => {
      waits.push(ms);
      time += ms;
    },
    waits,
  };
}

describe(retryTransient.name, () => {
  it('backs off from 0.5 s, doubling, capped at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffDelay(n))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('retries a transient failure for as long as it lasts, then returns the value and the outage', async () => {
    const clock = fakeClock();
    let calls = 0;
    const recovered = jest.fn();
    const transient = jest.fn();
    const outcome = await retryTransient(
      async () => {
        if (++calls <= 10) throw refused();
        return 'stored';
      },
      { signal: new AbortController().signal, wait: clock.wait, now: clock.now, onRecovered: recovered, onTransient: transient },
    );
    expect(outcome).toEqual({ stopped: false, value: 'stored' });
    expect(calls).toBe(11);
    expect(clock.waits).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    expect(transient).toHaveBeenCalledTimes(10);
    expect(transient.mock.calls[0][0]).toMatchObject({ failures: 1, delayMs: 500, class: { kind: 'transient', reason: 'ECONNREFUSED' } });
    expect(recovered).toHaveBeenCalledWith({ failures: 10, outageMs: 151_500 });
  });

  it('throws a permanent failure at once, without waiting', async () => {
    const clock = fakeClock();
    const attempt = jest.fn(async () => {
      throw new NonRetriableError('NO_CONTENT', 'empty');
    });
    await expect(retryTransient(attempt, { signal: new AbortController().signal, wait: clock.wait })).rejects.toThrow('empty');
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(clock.waits).toEqual([]);
  });

  it('counts the attempts a record had when a permanent failure ends them', async () => {
    const clock = fakeClock();
    const gone = new NonRetriableError('STORE_REFUSED', 'value too long');
    let calls = 0;
    const attempt = async (): Promise<never> => {
      // The database is away twice, then back and refusing the record.
      if (++calls <= 2) throw refused();
      throw gone;
    };
    await expect(retryTransient(attempt, { signal: new AbortController().signal, wait: clock.wait })).rejects.toBe(gone);
    expect(attemptsOf(gone)).toBe(3);
    expect(attemptsOf(new Error('never retried'))).toBe(1);
    expect(attemptsOf('not an object')).toBe(1);
  });

  it('stops when shutdown aborts the signal during a wait, without another attempt', async () => {
    const stop = new AbortController();
    const attempt = jest.fn(async () => {
      throw refused();
    });
    const outcome = await retryTransient(attempt, {
      signal: stop.signal,
      wait: async () => {
        if (attempt.mock.calls.length === 3) stop.abort();
      },
    });
    expect(outcome).toEqual({ stopped: true });
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('does not start when already stopped', async () => {
    const stop = new AbortController();
    stop.abort();
    const attempt = jest.fn(async () => 1);
    expect(await retryTransient(attempt, { signal: stop.signal })).toEqual({ stopped: true });
    expect(attempt).not.toHaveBeenCalled();
  });
});
