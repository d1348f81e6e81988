import { HttpStatus } from '@nestjs/common';
import { batchStatus, BatchResult, chunksBySize, ndjsonLines } from './article-batch';

describe('NDJSON batches', () => {
  it('numbers the non-blank lines as the request has them', () => {
    expect(ndjsonLines('{"a":1}\n\n  \r\n{"b":2}\r\n')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":2}' },
    ]);
  });

  it('cuts items into consecutive runs under a byte budget, an oversized item alone', () => {
    const size = (n: number): number => n;
    expect(chunksBySize([3, 3, 3, 3], size, 7)).toEqual([[3, 3], [3, 3]]);
    expect(chunksBySize([2, 9, 2, 2, 2], size, 6)).toEqual([[2], [9], [2, 2, 2]]);
    expect(chunksBySize([], size, 6)).toEqual([]);
    const chunks = chunksBySize(Array.from({ length: 3000 }, (_, i) => 1000 + (i % 7) * 500), size, 1_000_000);
    expect(chunks.flat()).toHaveLength(3000);
    for (const chunk of chunks) expect(chunk.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1_000_000);
  });

  it('answers 202 when every line was taken, 207 for some, 503 when the broker took none, 400 when all were refused', () => {
    const taken = { line: 1, articleId: 'a', title: null, language: 'en' };
    const refused = { line: 2, error: 'BODY_TOO_LARGE', message: 'too large' };
    const failed = { line: 3, error: 'NOT_CONFIRMED', message: 'broker down' };
    const result = (r: Partial<BatchResult>): BatchResult => ({ lines: 3, accepted: [], refused: [], failed: [], ...r });
    expect(batchStatus(result({ accepted: [taken] }))).toBe(HttpStatus.ACCEPTED);
    expect(batchStatus(result({ accepted: [taken], refused: [refused] }))).toBe(HttpStatus.MULTI_STATUS);
    expect(batchStatus(result({ accepted: [taken], failed: [failed] }))).toBe(HttpStatus.MULTI_STATUS);
    expect(batchStatus(result({ refused: [refused], failed: [failed] }))).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    expect(batchStatus(result({ refused: [refused] }))).toBe(HttpStatus.BAD_REQUEST);
  });
});
