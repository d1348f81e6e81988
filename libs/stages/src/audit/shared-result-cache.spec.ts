import { SharedResultCache } from './shared-result-cache';

/** A computation the test finishes when it wants, counting how often it was started. */
function gate<T>(): { started: number; compute: () => Promise<T>; finish: (value: T) => void; fail: (error: Error) => void } {
  const resolvers: Array<{ resolve: (v: T) => void; reject: (e: Error) => void }> = [];
  const state = {
    started: 0,
    compute: () => {
      state.started++;
      return new Promise<T>((resolve, reject) => resolvers.push({ resolve, reject }));
    },
    finish: (value: T) => resolvers.shift()!.resolve(value),
    fail: (error: Error) => resolvers.shift()!.reject(error),
  };
  return state;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(SharedResultCache.name, () => {
  it('gives concurrent callers of one key the same computation', async () => {
    const cache = new SharedResultCache<number>(10_000);
    const work = gate<number>();
    const calls = Array.from({ length: 20 }, () => cache.get('all', work.compute));
    await tick();
    expect(work.started).toBe(1);
    work.finish(7);
    expect(await Promise.all(calls)).toEqual(Array(20).fill(7));
  });

  it('serves a result again until it is older than its time to live', async () => {
    let clock = 0;
    const cache = new SharedResultCache<number>(5_000, 32, () => clock);
    const work = gate<number>();
    const first = cache.get('k', work.compute);
    await tick();
    work.finish(1);
    expect(await first).toBe(1);
    clock = 4_999;
    expect(await cache.get('k', work.compute)).toBe(1);
    expect(work.started).toBe(1);
    clock = 5_000;
    const fresh = cache.get('k', work.compute);
    await tick();
    work.finish(2);
    expect(await fresh).toBe(2);
    expect(work.started).toBe(2);
  });

  it('runs one computation at a time across keys', async () => {
    const cache = new SharedResultCache<string>(10_000);
    const work = gate<string>();
    const a = cache.get('a', work.compute);
    const b = cache.get('b', work.compute);
    await tick();
    expect(work.started).toBe(1);
    work.finish('A');
    expect(await a).toBe('A');
    await tick();
    expect(work.started).toBe(2);
    work.finish('B');
    expect(await b).toBe('B');
  });

  it('keeps no failure: the next caller computes again, and the queue goes on', async () => {
    const cache = new SharedResultCache<number>(10_000);
    const work = gate<number>();
    const failing = cache.get('k', work.compute);
    const other = cache.get('other', work.compute);
    await tick();
    work.fail(new Error('broker down'));
    await expect(failing).rejects.toThrow('broker down');
    await tick();
    work.finish(3);
    expect(await other).toBe(3);
    const again = cache.get('k', work.compute);
    await tick();
    work.finish(4);
    expect(await again).toBe(4);
    expect(work.started).toBe(3);
  });

  it('keeps at most its number of entries', async () => {
    const cache = new SharedResultCache<number>(60_000, 2);
    let computed = 0;
    const compute = async (): Promise<number> => ++computed;
    for (const key of ['a', 'b', 'c']) await cache.get(key, compute);
    expect(await cache.get('c', compute)).toBe(3);
    expect(await cache.get('a', compute)).toBe(4);
  });
});
