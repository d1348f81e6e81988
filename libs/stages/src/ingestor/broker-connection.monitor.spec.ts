import { InMemoryMessageBroker } from '@eventwire/kafka';
import { BrokerConnectionMonitor, describeBrokerError } from './broker-connection.monitor';
import { StageReadiness } from '../transport/stage-readiness';

/** A broker whose connection check fails, hangs or answers as told. */
class ProbedBroker extends InMemoryMessageBroker {
  probe: 'up' | 'refused' | 'silent' = 'up';

  override async ping(): Promise<void> {
    if (this.probe === 'refused') throw Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError', code: 'ECONNREFUSED' });
    if (this.probe === 'silent') return new Promise<void>(() => undefined);
  }
}

describe(BrokerConnectionMonitor.name, () => {
  const setup = (): { broker: ProbedBroker; readiness: StageReadiness; monitor: BrokerConnectionMonitor } => {
    const broker = new ProbedBroker();
    const readiness = new StageReadiness();
    return { broker, readiness, monitor: new BrokerConnectionMonitor(broker, readiness, { maxBodyBytes: 4096, sendTimeoutMs: 50 }) };
  };

  it('is not ready while the check is refused, with the reason, and ready again once the broker answers', async () => {
    const { broker, readiness, monitor } = setup();
    await monitor.check();
    expect(readiness.ready).toBe(true);
    broker.probe = 'refused';
    await monitor.check();
    expect(readiness.report().waiting).toEqual({ 'kafka memory': { reason: 'ECONNREFUSED: Connection error: connect ECONNREFUSED 127.0.0.1:9092', since: expect.any(String) } });
    broker.probe = 'up';
    await monitor.check();
    expect(readiness.report()).toEqual({ ready: true, waiting: {} });
  });

  it('counts a check that does not answer within the send timeout as a failure', async () => {
    const { broker, readiness, monitor } = setup();
    broker.probe = 'silent';
    const started = Date.now();
    await monitor.check();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(readiness.report().waiting['kafka memory']).toMatchObject({ reason: 'BROKER_TIMEOUT: readiness check: no answer from the broker within 50 ms' });
  });

  it('keeps when the outage began across failures', async () => {
    const { readiness, monitor } = setup();
    monitor.unreachable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const since = monitor.down()!.since;
    await new Promise((resolve) => setTimeout(resolve, 10));
    monitor.unreachable(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    expect(monitor.down()).toEqual({ since, reason: 'ECONNRESET: read ECONNRESET' });
    expect(readiness.ready).toBe(false);
  });
});

describe(describeBrokerError.name, () => {
  it('puts the failure class’s code before the message, once', () => {
    expect(describeBrokerError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1');
    expect(describeBrokerError(Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
  });
});
