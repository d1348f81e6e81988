import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileRecord, listArticleFiles, readArticleFile } from './article-file-reader';

async function collect(file: string): Promise<FileRecord[]> {
  const out: FileRecord[] = [];
  for await (const record of readArticleFile(file)) out.push(record);
  return out;
}

describe(readArticleFile.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'eventwire-files-'));

  it('reads a .txt page as one article named after its file', async () => {
    writeFileSync(join(dir, 'a.txt'), 'عنوان\n\nنص المقال');
    expect(await collect(join(dir, 'a.txt'))).toEqual([
      { ok: true, article: { body: 'عنوان\n\nنص المقال', file: 'a.txt', format: 'txt' }, origin: 'a.txt', end: Buffer.byteLength('عنوان\n\nنص المقال') },
    ]);
  });

  it('reads .json arrays and dump shapes that call the body "content"', async () => {
    writeFileSync(join(dir, 'b.json'), JSON.stringify([{ title: 'T', content: 'body one', url: 'https://x.org/1' }, { body: 'body two' }]));
    const records = await collect(join(dir, 'b.json'));
    expect(records.map((r) => r.ok && r.article.body)).toEqual(['body one', 'body two']);
    expect(records.map((r) => r.origin)).toEqual(['b.json[0]', 'b.json[1]']);
  });

  it('keeps an unreadable NDJSON line as a failed record instead of dropping it', async () => {
    writeFileSync(join(dir, 'c.ndjson'), `${JSON.stringify({ body: 'fine' })}\n{oops\n\n`);
    const records = await collect(join(dir, 'c.ndjson'));
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ ok: false, origin: 'c.ndjson:2' });
  });

  it('streams .jsonl lines with how far into the file each one ends', async () => {
    const lines = [JSON.stringify({ body: 'first' }), JSON.stringify({ body: 'zweiter Artikel' })];
    writeFileSync(join(dir, 'd.jsonl'), `${lines.join('\n')}\n`);
    const records = await collect(join(dir, 'd.jsonl'));
    expect(records.map((r) => [r.origin, r.end])).toEqual([
      ['d.jsonl:1', Buffer.byteLength(lines[0]!) + 1],
      ['d.jsonl:2', Buffer.byteLength(lines.join('\n')) + 1],
    ]);
  });

  it('walks folders in name order and skips files that are not articles', async () => {
    writeFileSync(join(dir, 'notes.md'), '# not an article');
    const files = await listArticleFiles([dir]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['a.txt', 'b.json', 'c.ndjson', 'd.jsonl']);
  });
});
