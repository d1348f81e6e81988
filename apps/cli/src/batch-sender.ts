/** One article of a batch: where it came from (`file.ndjson:12`) and its NDJSON line. */
export interface BatchLine {
  origin: string;
  text: string;
}

/** The ingestor's answer to a batch (libs/stages `BatchResult`): line numbers are 1-based lines of the request body. */
interface BatchAnswer {
  lines: number;
  accepted: Array<{ line: number }>;
  refused: Array<{ line: number; error: string; message: string }>;
  failed: Array<{ line: number; error: string; message: string }>;
}

export interface BatchTally {
  sent: number;
  accepted: number;
  refused: number;
  failed: number;
  /** Refusals and failures by reason (`INVALID_ARTICLE`, `BROKER_UNAVAILABLE`). */
  reasons: Record<string, number>;
}

export interface BatchSenderOptions {
  url: string;
  token?: string;
  /** Tries of a line the broker did not confirm (503 or a 207's `failed`): each again after a longer pause. */
  attempts?: number;
  backoffMs?: number;
  /** Told of each refused line and each that failed on its last try. */
  onProblem?: (origin: string, error: string, message: string) => void;
}

/** A batch answer the CLI cannot act on line by line: the token, the request's size, or the ingestor itself. */
export class BatchRequestError extends Error {}

/** The statuses whose body says what became of each line; any other answer is about the request as a whole. */
const LINE_BY_LINE = new Set([202, 207, 400, 503]);

function isBatchAnswer(value: unknown): value is BatchAnswer {
  const v = value as Partial<BatchAnswer> | null;
  return typeof v === 'object' && v !== null && typeof v.lines === 'number' && Array.isArray(v.accepted) && Array.isArray(v.refused) && Array.isArray(v.failed);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends NDJSON batches to the ingestor's `POST /v1/articles/batch` and keeps
 * the tally from its line-by-line answers (202 all taken, 207 some, 400 none
 * as they are, 503 none because the broker failed). Lines that failed are
 * sent again, which is safe: the same text keeps its articleId and is
 * counted once. Refused lines are not: they would be refused again.
 */
export class BatchSender {
  readonly tally: BatchTally = { sent: 0, accepted: 0, refused: 0, failed: 0, reasons: {} };
  private readonly endpoint: string;
  private readonly attempts: number;
  private readonly backoffMs: number;

  constructor(private readonly options: BatchSenderOptions) {
    this.endpoint = new URL('/v1/articles/batch', options.url).toString();
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 1000;
  }

  async send(batch: BatchLine[]): Promise<void> {
    this.tally.sent += batch.length;
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const last = attempt >= this.attempts;
      const failed = await this.post(pending, last);
      if (failed.length === 0) return;
      if (last) {
        for (const { line, error, message } of failed) this.problem('failed', line.origin, error, message);
        return;
      }
      await sleep(this.backoffMs * 2 ** (attempt - 1));
      pending = failed.map((f) => f.line);
    }
  }

  /** One request; the lines the broker did not confirm, with why. */
  private async post(batch: BatchLine[], last: boolean): Promise<Array<{ line: BatchLine; error: string; message: string }>> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
        body: `${batch.map((l) => l.text).join('\n')}\n`,
      });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      if (last) throw new BatchRequestError(`the ingestor at ${this.endpoint} cannot be reached: ${cause}`, { cause: error });
      return batch.map((line) => ({ line, error: 'INGESTOR_UNREACHABLE', message: cause }));
    }
    const text = await response.text();
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = undefined;
    }
    if (!LINE_BY_LINE.has(response.status) || !isBatchAnswer(answer)) {
      const hint = response.status === 413 ? ' (lower --batch, or raise INGEST_MAX_BATCH_BYTES)' : response.status === 401 ? ' (give --token or EVENTWIRE_TOKEN)' : '';
      throw new BatchRequestError(`the ingestor answered ${response.status} to a batch of ${batch.length} articles${hint}: ${text.slice(0, 500)}`);
    }
    const at = (line: number): BatchLine => batch[line - 1]!;
    this.tally.accepted += answer.accepted.length;
    for (const r of answer.refused) this.problem('refused', at(r.line).origin, r.error, r.message);
    return answer.failed.map((f) => ({ line: at(f.line), error: f.error, message: f.message }));
  }

  private problem(kind: 'refused' | 'failed', origin: string, error: string, message: string): void {
    this.tally[kind]++;
    this.tally.reasons[error] = (this.tally.reasons[error] ?? 0) + 1;
    this.options.onProblem?.(origin, error, message);
  }
}
