import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A small fake of LibreTranslate's /translate over real HTTP: each test says how it answers; a translation is `<TARGET>(<text>)`. */
export class FakeLibreTranslate {
  readonly requests: { q: string[]; source: string; target: string; api_key?: string }[] = [];
  /** Per request number (1-based): what to do; default is to translate. */
  behaviour: (n: number) => 'translate' | 'fail-500' | 'fail-400' | 'hang' | 'garbled' = () => 'translate';
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as { q: string | string[]; source: string; target: string; api_key?: string };
        const q = Array.isArray(body.q) ? body.q : [body.q];
        this.requests.push({ ...body, q });
        const action = this.behaviour(this.requests.length);
        if (action === 'hang') return; // Never answers: the client's timeout must end it.
        res.setHeader('content-type', 'application/json');
        if (action === 'fail-500') return void res.writeHead(500).end(JSON.stringify({ error: 'busy' }));
        if (action === 'fail-400') return void res.writeHead(400).end(JSON.stringify({ error: 'bad language' }));
        if (action === 'garbled') return void res.end(JSON.stringify({ translatedText: ['only one'] }));
        res.end(JSON.stringify({ translatedText: q.map((t) => `${body.target.toUpperCase()}(${t})`) }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
