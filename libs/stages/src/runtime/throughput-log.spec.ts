import { ThroughputLog } from './throughput-log';

describe(ThroughputLog.name, () => {
  it('says what an interval did, with the rate in, and nothing for an interval without work', () => {
    const lines: Array<Record<string, unknown>> = [];
    let now = 1_000_000;
    const log = new ThroughputLog('extractor', 30_000, { log: (fields) => lines.push(fields) }, () => now);
    log.consumed('articles.translated.v1', 90);
    log.consumed('articles.translated.v1', 30);
    log.produced('events.extracted.v1', 118);
    log.deadLettered('articles.translated.v1', 'ContractViolationError');
    log.deadLettered('articles.translated.v1', 'ContractViolationError');
    log.lag('articles.translated.v1', 0, 7);
    log.lag('articles.translated.v1', 1, 3);
    log.lag('articles.translated.v1', 0, 5);
    now += 30_000;
    log.flush();
    expect(lines).toEqual([
      {
        msg: 'throughput',
        stage: 'extractor',
        seconds: 30,
        in: 120,
        out: 118,
        deadLettered: 2,
        deadLetteredBy: { ContractViolationError: 2 },
        transientFailures: 0,
        inPerSecond: 4,
        lag: 8,
      },
    ]);

    now += 30_000;
    log.flush();
    expect(lines).toHaveLength(1);

    log.retried();
    now += 15_000;
    log.onApplicationShutdown();
    expect(lines[1]).toMatchObject({ seconds: 15, in: 0, transientFailures: 1, inPerSecond: 0 });
  });
});
