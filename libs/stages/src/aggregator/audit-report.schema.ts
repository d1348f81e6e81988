import type { AuditReport } from '../audit/pipeline-audit';

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' }, description: 'by reason' };

/**
 * `GET /v1/audit`'s answer for the OpenAPI document: the {@link AuditReport}
 * type's shape, its keys held to the type's by `satisfies` (a field added to
 * the report and not here fails to compile).
 */
export const AUDIT_REPORT_SCHEMA = {
  type: 'object',
  required: ['range', 'entered', 'rejected', 'rejectedOverHttp', 'articles', 'stages', 'balanced'],
  properties: {
    range: {
      type: 'object',
      properties: { from: { type: 'string', format: 'date-time', nullable: true }, to: { type: 'string', format: 'date-time', nullable: true } },
    },
    entered: { type: 'object', properties: { raw: { type: 'integer' }, http: { type: 'integer' } }, description: 'records on articles.raw.v1, articles taken over HTTP' },
    rejected: { ...COUNTS, description: 'raw records the ingestor refused, by reason (articles.raw.v1.dlq)' },
    rejectedOverHttp: { ...COUNTS, description: 'articles refused over HTTP, by reason (articles.rejected.v1)' },
    articles: {
      type: 'object',
      properties: {
        accepted: { type: 'integer' },
        duplicates: { type: 'integer' },
        inStories: { type: 'integer' },
        deadLettered: { type: 'object', additionalProperties: COUNTS, description: 'by stage, then reason' },
        inFlight: { type: 'integer' },
        inSeveralStories: { type: 'integer' },
        examples: { type: 'array', items: { type: 'string' } },
      } satisfies Record<keyof AuditReport['articles'], object>,
    },
    stages: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          stage: { type: 'string' },
          input: { type: 'string' },
          records: { type: 'integer' },
          processed: { type: 'integer' },
          deadLettered: COUNTS,
          redelivered: { type: 'integer' },
          pending: { type: 'integer' },
        } satisfies Record<keyof AuditReport['stages'][number], object>,
      },
    },
    balanced: { type: 'boolean' },
  } satisfies Record<keyof AuditReport, object>,
};
