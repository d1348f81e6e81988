import { unzipSync } from 'fflate';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One SaudiNewsNet record: a day's zip holds a JSON array of these. */
export interface SaudiNewsNetArticle {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
}

/** Every article of the SaudiNewsNet dev folder, day by day, in file order. */
export function readSaudiNewsNet(dir: string): SaudiNewsNetArticle[] {
  if (!existsSync(dir)) throw new Error(`no SaudiNewsNet folder at ${dir}`);
  const out: SaudiNewsNetArticle[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.zip')).sort()) {
    for (const bytes of Object.values(unzipSync(readFileSync(join(dir, file))))) {
      if (bytes.length === 0) continue;
      out.push(...(JSON.parse(Buffer.from(bytes).toString('utf8')) as SaudiNewsNetArticle[]));
    }
  }
  return out;
}

/** `date_extracted` ("2015-07-21 02:51:32", the crawl time) as ISO 8601. */
export function crawlTime(article: SaudiNewsNetArticle): string {
  return `${article.date_extracted.replace(' ', 'T')}Z`;
}
