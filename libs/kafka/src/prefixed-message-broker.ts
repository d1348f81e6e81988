import type { TopicSpec } from '@eventwire/contracts';
import type { BrokerMessage, BrokerSubscription, ConsumeOptions, MessageBroker, OutboundMessage } from './message-broker';

/**
 * Puts every topic and group of a deployment under a prefix, so several
 * pipelines (tenants, test runs) share one cluster without seeing each other.
 * Stages keep using the contract's topic names.
 */
export class PrefixedMessageBroker implements MessageBroker {
  readonly kind: MessageBroker['kind'];

  constructor(
    private readonly inner: MessageBroker,
    private readonly prefix: string,
  ) {
    this.kind = inner.kind;
  }

  get address(): string {
    return this.inner.address;
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  private out(topic: string): string {
    return this.prefix + topic;
  }

  private in(topic: string): string {
    return topic.startsWith(this.prefix) ? topic.slice(this.prefix.length) : topic;
  }

  ensureTopics(specs: TopicSpec[]): Promise<void> {
    return this.inner.ensureTopics(specs.map((s) => ({ ...s, name: this.out(s.name) })));
  }

  send(messages: OutboundMessage[]): Promise<void> {
    return this.inner.send(messages.map((m) => ({ ...m, topic: this.out(m.topic) })));
  }

  consume(options: ConsumeOptions): Promise<BrokerSubscription> {
    return this.inner.consume({
      ...options,
      groupId: this.prefix + options.groupId,
      topics: options.topics.map((t) => this.out(t)),
      eachBatch: (messages, control) =>
        options.eachBatch(
          messages.map((m) => ({ ...m, topic: this.in(m.topic) })),
          control,
        ),
      onJoin: options.onJoin && ((assignment) => options.onJoin!(Object.fromEntries(Object.entries(assignment).map(([t, partitions]) => [this.in(t), partitions])))),
    });
  }

  lag(groupId: string, topics: string[]): Promise<number> {
    return this.inner.lag(this.prefix + groupId, topics.map((t) => this.out(t)));
  }

  scan(topics: string[], visit: (message: BrokerMessage) => void): Promise<void> {
    return this.inner.scan(
      topics.map((t) => this.out(t)),
      (m) => visit({ ...m, topic: this.in(m.topic) }),
    );
  }

  endOffsets(topic: string): Promise<Map<number, bigint>> {
    return this.inner.endOffsets(this.out(topic));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
