import { MESSAGE_BROKER, MessageBroker } from '@eventwire/kafka';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRange, AuditReport, auditPipeline } from '../audit/pipeline-audit';
import { SharedResultCache } from '../audit/shared-result-cache';
import { AGGREGATOR_HTTP_OPTIONS, AggregatorHttpOptions } from './aggregator.tokens';

/**
 * `/v1/audit` reports. An audit reads every topic from the start, so a
 * report is kept for `auditCacheMs` per range and one scan runs at a time,
 * shared by every caller that asks for its range meanwhile: callers cannot
 * make the aggregator read the topics faster than once per interval, nor
 * hold more than one scan in memory.
 */
@Injectable()
export class AuditReportService {
  private readonly reports: SharedResultCache<AuditReport>;

  constructor(
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    @Inject(AGGREGATOR_HTTP_OPTIONS) options: AggregatorHttpOptions,
  ) {
    this.reports = new SharedResultCache(options.auditCacheMs);
  }

  report(range: AuditRange): Promise<AuditReport> {
    const key = `${range.from?.toISOString() ?? ''}/${range.to?.toISOString() ?? ''}`;
    return this.reports.get(key, () => auditPipeline(this.broker, range));
  }
}
