import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/**
 * Where `npm run build` puts the page: libs/page/public beside the compiled libs, with its vendored map libraries
 * and world map (d3-geo, topojson-client, world-atlas) under vendor/. No CDN: the page draws offline.
 */
const PAGE_DIR = join(__dirname, '..', '..', '..', 'page', 'public');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** A file name the page has: no path separators or dot-dot, so a request cannot leave the page's folder. */
const FILE_NAME = /^[a-z0-9][a-z0-9.-]*$/i;

/** The page at `/`: a browser view of the stories built on the REST API and the live stream beside it. */
@Controller()
export class PageController {
  @Get()
  async index(@Res() res: ServerResponse): Promise<void> {
    await send(res, 'index.html');
  }

  @Get('page/:file')
  async file(@Param('file') file: string, @Res() res: ServerResponse): Promise<void> {
    await send(res, file);
  }

  @Get('page/vendor/:file')
  async vendor(@Param('file') file: string, @Res() res: ServerResponse): Promise<void> {
    await send(res, file, 'vendor');
  }
}

async function send(res: ServerResponse, file: string, folder = ''): Promise<void> {
  const type = TYPES[extname(file)];
  if (!FILE_NAME.test(file) || file.includes('..') || type === undefined) throw new NotFoundException(`no page file ${file}`);
  let body: Buffer;
  try {
    body = await readFile(join(PAGE_DIR, folder, file));
  } catch {
    throw new NotFoundException(`no page file ${file} (is the page built? npm run build copies it)`);
  }
  res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  res.end(body);
}
