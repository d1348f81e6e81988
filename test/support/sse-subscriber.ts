import { readFileSync } from 'node:fs';
import { connect, Socket } from 'node:net';

export interface SseSubscriber {
  socket: Socket;
  /** The HTTP status the server answered with. */
  status(): number;
  /** Bytes received so far (a stalled subscriber stops counting once its socket is paused). */
  bytes(): number;
  /** Whether the server has closed the connection. */
  closed(): boolean;
}

/**
 * A subscriber of `GET /v1/stories/stream` on a raw socket. With `read`
 * false it takes the status line and then reads nothing more, as a stuck
 * client does: the server's writes back up once the socket buffers fill.
 */
export function subscribeToStories(port: number, read: boolean): Promise<SseSubscriber> {
  return new Promise((resolve, reject) => {
    let head = '';
    let bytes = 0;
    let closed = false;
    const socket = connect(port, '127.0.0.1', () => socket.write('GET /v1/stories/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n'));
    const status = (): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
    socket.on('error', () => undefined);
    socket.on('close', () => (closed = true));
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (head.length < 200) head += chunk.toString('latin1');
      if (status() === 0) return;
      if (!read) socket.pause();
      resolve({ socket, status, bytes: () => bytes, closed: () => closed });
    });
    socket.once('error', reject);
  });
}

/** Resident memory of a process, in MiB. */
export function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}
