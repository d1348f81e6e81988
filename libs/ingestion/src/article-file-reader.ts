import type { RawArticleV1 } from '@eventwire/contracts';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export const ARTICLE_FILE_EXTENSIONS = ['.txt', '.json', '.ndjson', '.html', '.htm'] as const;

/** One record read from a file: an article, or the reason the line or file could not be one. */
export type FileRecord = { ok: true; article: RawArticleV1; origin: string } | { ok: false; error: string; origin: string };

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

/** Reads the articles of one file: .txt and .html as one article each, .json as one object or an array, .ndjson a line each. */
export async function* readArticleFile(file: string): AsyncGenerator<FileRecord> {
  const ext = extname(file).toLowerCase();
  const text = await readFile(file, 'utf8');
  const name = basename(file);
  if (ext === '.txt') {
    yield { ok: true, article: { body: text, file: name, format: 'txt' }, origin: name };
  } else if (ext === '.html' || ext === '.htm') {
    yield { ok: true, article: { body: text, file: name, format: 'html' }, origin: name };
  } else if (ext === '.json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      yield { ok: false, error: `not valid JSON: ${(error as Error).message}`, origin: name };
      return;
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    for (let i = 0; i < items.length; i++) {
      yield { ok: true, article: fromJson(items[i], file), origin: items.length > 1 ? `${name}[${i}]` : name };
    }
  } else {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      try {
        yield { ok: true, article: fromJson(JSON.parse(line), file), origin: `${name}:${i + 1}` };
      } catch (error) {
        yield { ok: false, error: `line ${i + 1} is not valid JSON: ${(error as Error).message}`, origin: `${name}:${i + 1}` };
      }
    }
  }
}
