/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** Seconds between plain lines when the stream is not a terminal (a log file, CI); 0: no progress there at all. */
  everySeconds: number;
  /** How often a terminal's line is redrawn. */
  ttyRefreshMs?: number;
}

const CLEAR_LINE = '\r\x1b[2K';

/**
 * One line of progress on stderr: redrawn in place on a terminal, printed as
 * a plain line every `everySeconds` elsewhere (or not at all), so that a log
 * gets no carriage returns and stdout stays the records alone. `render` may
 * read the broker; a sample still running when the next is due is skipped.
 */
export class ProgressLine {
  private readonly stream: ProgressStream;
  private readonly tty: boolean;
  private readonly timer?: NodeJS.Timeout;
  private sampling = false;
  private drawn = false;
  private stopped = false;

  constructor(
    private readonly render: () => Promise<string> | string,
    options: ProgressOptions,
  ) {
    this.stream = options.stream;
    this.tty = options.stream.isTTY === true;
    const every = this.tty ? (options.ttyRefreshMs ?? 500) : options.everySeconds * 1000;
    if (every > 0) {
      this.timer = setInterval(() => void this.tick(), every);
      this.timer.unref();
    }
  }

  /** Draws now, outside the timer (at start, so a terminal shows the line at once). */
  async tick(): Promise<void> {
    if (this.sampling || this.stopped || (!this.tty && !this.timer)) return;
    this.sampling = true;
    try {
      const text = await this.render();
      if (this.stopped) return;
      if (this.tty) {
        const width = this.stream.columns ?? 0;
        this.stream.write(CLEAR_LINE + (width > 1 && text.length >= width ? text.slice(0, width - 1) : text));
        this.drawn = true;
      } else {
        this.stream.write(`${text}\n`);
      }
    } catch {
      // Progress is only a view: a sample that fails (the broker busy or restarting) leaves the last line, and the
      // work itself reports its own errors.
    } finally {
      this.sampling = false;
    }
  }

  /** No more lines; a terminal's line is cleared for the summary that follows. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.drawn) this.stream.write(CLEAR_LINE);
  }
}

/** `1 h 02 min`, `3 min 05 s`, `12.4 s`: elapsed or remaining time at the precision a reader wants. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** Items per second over `ms`, for a reader: `312/s`, `4.5/s`. */
export function formatRate(count: number, ms: number): string {
  if (ms <= 0) return '0/s';
  const rate = (count * 1000) / ms;
  return `${rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1)}/s`;
}

/** Time left when `done` of `total` took `ms` at a steady pace; undefined before there is a pace to go by. */
export function remainingMs(done: number, total: number, ms: number): number | undefined {
  if (done <= 0 || total <= 0 || ms <= 0) return undefined;
  return (ms * Math.max(0, total - done)) / done;
}
