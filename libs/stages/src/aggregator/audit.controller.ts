import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuditReport } from '../audit/pipeline-audit';
import { ApiTokenGuard } from '../ingestor/api-token.guard';
import { AuditQueryDto, auditRangeOf } from './audit-query';
import { AuditReportService } from './audit-report.service';
import { AUDIT_REPORT_SCHEMA } from './audit-report.schema';

/** The pipeline's accounting over HTTP, as `eventwire audit` gives it, behind the ingest API's token. */
@ApiTags('operations')
@Controller()
export class AuditController {
  constructor(private readonly audits: AuditReportService) {}

  /** The pipeline's accounting for articles that entered in [from, to): as `eventwire audit`, from the topics (a report up to `AUDIT_CACHE_MS` old). */
  @Get('v1/audit')
  @UseGuards(ApiTokenGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Accounting for the articles that entered in [from, to), as `eventwire audit --json`',
    description:
      'How many entered (raw records, HTTP), were rejected and why (on articles.raw.v1 and over HTTP), are in stories, were dead-lettered later (stage, reason), ' +
      'are in flight; per stage, input records processed, dead-lettered, pending and redelivered; balanced when every article is in exactly one story or a ' +
      'dead-letter topic. Read from the topics at most AUDIT_CACHE_MS ago.',
  })
  @ApiOkResponse({ description: 'the audit report', schema: AUDIT_REPORT_SCHEMA })
  @ApiBadRequestResponse({ description: 'a bad time' })
  @ApiUnauthorizedResponse({ description: 'INGEST_API_TOKEN is set and the request has no `Authorization: Bearer <token>` with it' })
  async audit(@Query() params: AuditQueryDto): Promise<AuditReport> {
    return this.audits.report(auditRangeOf(params as Record<string, unknown>));
  }
}
