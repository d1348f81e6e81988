import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Lines of a dump, in order, without their line ends. Async so a 1.5 GB file is read as a stream, never held whole. */
export type LineSource = Iterable<string> | AsyncIterable<string>;

/** The lines of text already in memory (a test fixture, a small extract); CRLF and LF both end a line. */
export function linesOfText(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // A file ending in a newline has no empty last line, whatever split says.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The lines of a UTF-8 file, streamed: memory stays flat whatever the file size. */
export function linesOfFile(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}
