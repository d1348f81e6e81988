import type { RawArticleV1 } from '@eventwire/contracts';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';

export const ARTICLE_FILE_EXTENSIONS = ['.txt', '.json', '.ndjson', '.jsonl', '.html', '.htm'] as const;

/**
 * One record read from a file: an article, or the reason the line or file
 * could not be one; `end` is how far into the file (bytes) it ends, for
 * progress over files too large to hold.
 */
export type FileRecord = ({ ok: true; article: RawArticleV1 } | { ok: false; error: string }) & { origin: string; end: number };

/** Files under `paths` (folders walked, sorted) whose extension is an article format. */
export async function listArticleFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) {
      const entries = (await readdir(path)).sort();
      out.push(...(await listArticleFiles(entries.map((e) => join(path, e)).filter((p) => !basename(p).startsWith('.')))));
    } else if ((ARTICLE_FILE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) {
      out.push(path);
    }
  }
  return out;
}

function fromJson(value: unknown, file: string): RawArticleV1 {
  const record = value as Partial<RawArticleV1> & { content?: unknown; text?: unknown; date?: unknown };
  // Common dump shapes name the body "content" or "text": accept them, the contract check does the rest.
  const body = record.body ?? (typeof record.content === 'string' ? record.content : typeof record.text === 'string' ? record.text : undefined);
  return { ...record, body: body as string, file: record.file ?? basename(file), format: record.format ?? 'json' } as RawArticleV1;
}

/**
 * Reads the articles of one file: .txt and .html as one article each, .json
 * as one object or an array, .ndjson and .jsonl a line each, streamed (a
 * dump of millions of lines is never held whole).
 */
export async function* readArticleFile(file: string): AsyncGenerator<FileRecord> {
  const ext = extname(file).toLowerCase();
  const name = basename(file);
  if (ext === '.ndjson' || ext === '.jsonl') {
    yield* readLines(file, name);
    return;
  }
  const bytes = await readFile(file);
  const text = bytes.toString('utf8');
  const end = bytes.length;
  if (ext === '.txt') {
    yield { ok: true, article: { body: text, file: name, format: 'txt' }, origin: name, end };
  } else if (ext === '.html' || ext === '.htm') {
    yield { ok: true, article: { body: text, file: name, format: 'html' }, origin: name, end };
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      yield { ok: false, error: `not valid JSON: ${(error as Error).message}`, origin: name, end };
      return;
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    for (let i = 0; i < items.length; i++) {
      yield { ok: true, article: fromJson(items[i], file), origin: items.length > 1 ? `${name}[${i}]` : name, end };
    }
  }
}

async function* readLines(file: string, name: string): AsyncGenerator<FileRecord> {
  const input = createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  let end = 0;
  try {
    for await (const raw of lines) {
      number++;
      // The line's bytes and its "\n" (a "\r\n" file reads one byte short a line until the last, which ends at the size).
      end = Math.min(end + Buffer.byteLength(raw) + 1, input.bytesRead);
      const line = raw.trim();
      if (!line) continue;
      const origin = `${name}:${number}`;
      try {
        yield { ok: true, article: fromJson(JSON.parse(line), file), origin, end };
      } catch (error) {
        yield { ok: false, error: `line ${number} is not valid JSON: ${(error as Error).message}`, origin, end };
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
