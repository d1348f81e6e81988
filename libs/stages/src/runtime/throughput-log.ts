import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { StageObserver } from '../transport/stage-observer';

/** Where the throughput lines go: the service's logger, at `log`. */
export interface ThroughputSink {
  log(fields: Record<string, unknown>): void;
}

/**
 * One `throughput` line per interval in which the stage did some work:
 * records in (done and committed), out, dead-lettered by reason, transient
 * failures, the rate in, and the lag of the partitions it fetched from. A
 * stage with nothing to do says nothing; on shutdown the last part of an
 * interval is said too.
 */
export class ThroughputLog implements StageObserver, OnApplicationBootstrap, OnApplicationShutdown {
  private consumedCount = 0;
  private producedCount = 0;
  private deadLetteredCount = new Map<string, number>();
  private retriedCount = 0;
  private readonly lags = new Map<string, number>();
  private since: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly stage: string,
    private readonly intervalMs: number,
    private readonly sink: ThroughputSink = new Logger('Throughput'),
    private readonly now: () => number = Date.now,
  ) {
    this.since = now();
  }

  onApplicationBootstrap(): void {
    this.since = this.now();
    this.timer = setInterval(() => this.flush(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }

  /** Logs the interval since the last line when anything happened in it, and starts the next. */
  flush(): void {
    const now = this.now();
    const seconds = (now - this.since) / 1000;
    const deadLettered = [...this.deadLetteredCount.values()].reduce((a, b) => a + b, 0);
    if (this.consumedCount + this.producedCount + deadLettered + this.retriedCount > 0 && seconds > 0) {
      this.sink.log({
        msg: 'throughput',
        stage: this.stage,
        seconds: Math.round(seconds * 10) / 10,
        in: this.consumedCount,
        out: this.producedCount,
        deadLettered,
        ...(deadLettered > 0 ? { deadLetteredBy: Object.fromEntries(this.deadLetteredCount) } : {}),
        transientFailures: this.retriedCount,
        inPerSecond: Math.round((this.consumedCount / seconds) * 10) / 10,
        lag: [...this.lags.values()].reduce((a, b) => a + b, 0),
      });
    }
    this.since = now;
    this.consumedCount = 0;
    this.producedCount = 0;
    this.deadLetteredCount = new Map();
    this.retriedCount = 0;
  }

  batch(): void {}
  handled(): void {}
  phases(): void {}
  recordBytes(): void {}
  consumed(_topic: string, records: number): void {
    this.consumedCount += records;
  }
  produced(_topic: string, records: number): void {
    this.producedCount += records;
  }
  deadLettered(_topic: string, reason: string): void {
    this.deadLetteredCount.set(reason, (this.deadLetteredCount.get(reason) ?? 0) + 1);
  }
  retried(): void {
    this.retriedCount++;
  }
  lag(topic: string, partition: number, records: number): void {
    this.lags.set(`${topic}/${partition}`, records);
  }
}
