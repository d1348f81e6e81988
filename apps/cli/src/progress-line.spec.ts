import { formatDuration, formatRate, ProgressLine, ProgressStream, remainingMs } from './progress-line';

function stream(isTTY: boolean, columns?: number): ProgressStream & { text: () => string } {
  const written: string[] = [];
  return { isTTY, columns, write: (t: string) => written.push(t), text: () => written.join('') };
}

describe(ProgressLine.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('redraws one line in place on a terminal, cut to its width, and clears it when stopped', async () => {
    const tty = stream(true, 20);
    let n = 0;
    const line = new ProgressLine(() => `articles ${++n} ${'x'.repeat(30)}`, { stream: tty, everySeconds: 0, ttyRefreshMs: 100 });
    await jest.advanceTimersByTimeAsync(250);
    line.stop();
    line.stop();
    await jest.advanceTimersByTimeAsync(500);
    expect(tty.text()).toBe('\r\x1b[2Karticles 1 xxxxxxxx\r\x1b[2Karticles 2 xxxxxxxx\r\x1b[2K');
  });

  it('prints a plain line every so many seconds when stderr is a log', async () => {
    const log = stream(false);
    let n = 0;
    const line = new ProgressLine(() => `articles ${++n}`, { stream: log, everySeconds: 2 });
    await jest.advanceTimersByTimeAsync(4500);
    line.stop();
    expect(log.text()).toBe('articles 1\narticles 2\n');
  });

  it('prints nothing on a log by default, not even when asked to draw', async () => {
    const log = stream(false);
    const line = new ProgressLine(() => 'articles', { stream: log, everySeconds: 0 });
    await line.tick();
    await jest.advanceTimersByTimeAsync(10_000);
    line.stop();
    expect(log.text()).toBe('');
  });

  it('skips a sample that fails and draws the next', async () => {
    const log = stream(false);
    let n = 0;
    const line = new ProgressLine(
      () => {
        if (++n === 1) throw new Error('broker busy');
        return `sample ${n}`;
      },
      { stream: log, everySeconds: 1 },
    );
    await jest.advanceTimersByTimeAsync(2100);
    line.stop();
    expect(log.text()).toBe('sample 2\n');
  });
});

describe(formatDuration.name, () => {
  it('reads as seconds, minutes or hours', () => {
    expect(formatDuration(12_400)).toBe('12.4 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(Number.NaN)).toBe('?');
  });
});

describe(formatRate.name, () => {
  it('rounds large rates and keeps a decimal on small ones', () => {
    expect(formatRate(4_500, 10_000)).toBe('450/s');
    expect(formatRate(9, 2_000)).toBe('4.5/s');
    expect(formatRate(5, 0)).toBe('0/s');
  });
});

describe(remainingMs.name, () => {
  it('extrapolates the pace so far, and knows nothing before the first byte', () => {
    expect(remainingMs(25, 100, 10_000)).toBe(30_000);
    expect(remainingMs(0, 100, 10_000)).toBeUndefined();
  });
});
