import { RetriableError } from './broker-errors';

/**
 * A broker call that got no answer within its deadline. The call itself goes
 * on in the background (kafkajs keeps retrying it), so what it carried may
 * still reach the broker later: a caller must report it as unconfirmed, never
 * as accepted, nor as refused for good.
 */
export class BrokerTimeoutError extends RetriableError {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super('BROKER_TIMEOUT', `${what}: no answer from the broker within ${timeoutMs} ms`);
  }
}

/**
 * `work`, or a {@link BrokerTimeoutError} once `timeoutMs` has passed without
 * it settling. kafkajs bounds a call only by its retry budget (over a minute
 * with the settings of kafka-options.ts while a broker is down); an HTTP
 * client waiting on it needs an answer in seconds.
 */
export async function withDeadline<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  // The abandoned call may reject later: that is no longer anyone's error.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new BrokerTimeoutError(what, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
