import { RetriableError } from './broker-errors';

/**
 * A scan got no record for `stallMs` while partitions were left to read,
 * which kafkajs would otherwise wait on for ever: a fetch that returns no
 * record (an empty batch the log cleaner kept, see
 * `KafkaMessageBroker.send`) never moves its position. The caller learns
 * where the scan stands instead of hanging.
 */
export class ScanStalledError extends RetriableError {
  constructor(
    readonly stallMs: number,
    /** `<topic>/<partition>` → the next offset the scan would read and the end it was reading to. */
    readonly left: Record<string, { next: string; end: string }>,
  ) {
    super('SCAN_STALLED', `scan got no record for ${stallMs} ms with partitions left: ${Object.entries(left).map(([where, { next, end }]) => `${where} at ${next} of ${end}`).join(', ')}`);
  }
}
