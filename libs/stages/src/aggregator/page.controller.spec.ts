import { NotFoundException } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { PageController } from './page.controller';

/** What the controller wrote: the status, the headers and the body. */
function response(): { res: ServerResponse; sent: { status?: number; headers?: Record<string, unknown>; body?: Buffer } } {
  const sent: { status?: number; headers?: Record<string, unknown>; body?: Buffer } = {};
  const res = {
    writeHead: (status: number, headers: Record<string, unknown>) => Object.assign(sent, { status, headers }),
    end: (body: Buffer) => Object.assign(sent, { body }),
  } as unknown as ServerResponse;
  return { res, sent };
}

describe(PageController.name, () => {
  const controller = new PageController();

  it('serves the page at / as HTML and its script as JavaScript', async () => {
    const page = response();
    await controller.index(page.res);
    expect(page.sent.status).toBe(200);
    expect(page.sent.headers!['content-type']).toBe('text/html; charset=utf-8');
    expect(page.sent.body!.toString()).toContain('<script src="/page/page.js" type="module">');
    const script = response();
    await controller.file('page.js', script.res);
    expect(script.sent.headers!['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a name that would leave the page folder, a type it does not serve, or a missing file', async () => {
    for (const name of ['../page.controller.ts', '..', '.env.js', 'page.ts', 'missing.js']) {
      await expect(controller.file(name, response().res)).rejects.toBeInstanceOf(NotFoundException);
    }
    await expect(controller.vendor('..%2f..%2fpackage.json', response().res)).rejects.toBeInstanceOf(NotFoundException);
  });
});
