import { REJECTIONS_TOPIC } from '@eventwire/contracts';
import { DLQ_HEADERS, ORIGIN_HEADER } from '@eventwire/kafka';
import { REJECTED_VALUE_BYTES, REJECTION_HEADERS, rejectionRecord } from './ingest-rejections';

describe(rejectionRecord.name, () => {
  const now = new Date('2026-12-06T18:00:00Z');

  it('keeps what was sent with the reason in the dead-letter headers', () => {
    const record = rejectionRecord({ value: '{"title":"no body"}', error: 'INVALID_ARTICLE', message: 'the article breaks the contract', status: 400, line: 3 }, now);
    expect(record).toEqual({
      topic: REJECTIONS_TOPIC,
      key: null,
      value: Buffer.from('{"title":"no body"}'),
      headers: {
        [ORIGIN_HEADER]: 'http',
        [DLQ_HEADERS.stage]: 'ingestor',
        [DLQ_HEADERS.reason]: 'INVALID_ARTICLE',
        [DLQ_HEADERS.errorMessage]: 'the article breaks the contract',
        [DLQ_HEADERS.time]: '2026-12-06T18:00:00.000Z',
        [REJECTION_HEADERS.status]: '400',
        [REJECTION_HEADERS.line]: '3',
        [REJECTION_HEADERS.bytes]: '19',
      },
    });
  });

  it('keeps only the first 64 KiB of a large text, and the size of a body that was never read', () => {
    const large = rejectionRecord({ value: 'x'.repeat(REJECTED_VALUE_BYTES + 10), error: 'BODY_TOO_LARGE', message: 'too large', status: 413 }, now);
    expect(large.value).toHaveLength(REJECTED_VALUE_BYTES);
    expect(large.headers![REJECTION_HEADERS.bytes]).toBe(String(REJECTED_VALUE_BYTES + 10));
    const unread = rejectionRecord({ value: null, error: 'REQUEST_TOO_LARGE', message: 'too large', status: 413, bytes: 2_000_000 }, now);
    expect(unread.value).toBeNull();
    expect(unread.headers![REJECTION_HEADERS.bytes]).toBe('2000000');
  });
});
