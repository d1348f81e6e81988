import { classifyFailure, MESSAGE_BROKER, MessageBroker, withDeadline } from '@eventwire/kafka';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { INGEST_OPTIONS, IngestStageOptions } from './ingest-stage.options';
import { StageReadiness } from '../transport/stage-readiness';

/** The ingestor's answer to "can it reach the broker now?", and the last reason it could not. */
export interface BrokerDown {
  /** `ECONNREFUSED: Connection error: connect ECONNREFUSED 127.0.0.1:9092`, `BROKER_TIMEOUT: ...`. */
  reason: string;
  since: number;
}

/** One line for an error: its class's stable code, then what it said. */
export function describeBrokerError(error: unknown): string {
  const { reason } = classifyFailure(error);
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(reason) ? message : `${reason}: ${message}`;
}

/**
 * Keeps the ingestor's readiness on its broker connection: every send's
 * outcome and, while the HTTP API is on, a metadata round trip every
 * `checkIntervalMs` (so readiness comes back by itself with no traffic).
 * The latest observation wins; `since` is when the outage began.
 */
@Injectable()
export class BrokerConnectionMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BrokerConnectionMonitor.name);
  /** The readiness key: `kafka 127.0.0.1:9092`. */
  readonly where: string;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    private readonly readiness: StageReadiness,
    @Inject(INGEST_OPTIONS) private readonly options: IngestStageOptions,
  ) {
    this.where = `kafka ${broker.address}`;
  }

  /** The broker answered (a send was acknowledged, a check came back). */
  reachable(): void {
    const down = this.down();
    if (!down) return;
    this.readiness.clear(this.where);
    this.logger.log({ msg: 'broker reachable again', brokers: this.broker.address, downForMs: Date.now() - down.since });
  }

  /**
   * The broker did not answer. A timeout says less than the connection error
   * behind it, so it does not replace a reason already known.
   */
  unreachable(error: unknown): void {
    const down = this.down();
    const reason = describeBrokerError(error);
    const keep = down && classifyFailure(error).reason === 'BROKER_TIMEOUT';
    this.readiness.retrying(this.where, keep ? down.reason : reason, down?.since ?? Date.now());
    if (!down) this.logger.warn({ msg: 'broker unreachable', brokers: this.broker.address, reason });
  }

  down(): BrokerDown | undefined {
    return this.readiness.waitingOn(this.where);
  }

  onApplicationBootstrap(): void {
    if (this.options.checkIntervalMs) this.schedule(this.options.checkIntervalMs);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One check at a time: the next is scheduled when the last has answered or timed out. */
  private schedule(intervalMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.check().finally(() => this.schedule(intervalMs)), intervalMs);
    this.timer.unref();
  }

  /** A metadata round trip, bounded like a send. */
  async check(): Promise<void> {
    try {
      await withDeadline(this.broker.ping(), sendTimeoutMs(this.options), 'readiness check');
      this.reachable();
    } catch (error) {
      this.unreachable(error);
    }
  }
}

export const DEFAULT_SEND_TIMEOUT_MS = 5000;

export function sendTimeoutMs(options: IngestStageOptions): number {
  return options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
}
