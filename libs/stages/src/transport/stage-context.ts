import { BaseRpcContext } from '@nestjs/microservices';
import type { BrokerMessage } from '@eventwire/kafka';

/** What a stage handler may know about the record besides its payload. */
export class StageContext extends BaseRpcContext<[BrokerMessage]> {
  getMessage(): BrokerMessage {
    return this.args[0];
  }
}
