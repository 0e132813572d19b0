import net from 'node:net';

/** One HTTP exchange over a plain socket, for requests fetch() refuses to send (bad escapes, huge headers, trickled bodies). */

export interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
  /** Whether the hub closed the connection after answering. */
  closed: boolean;
  /** Milliseconds from connecting to the first byte of the answer (-1: none came). */
  answeredAfterMs: number;
}

export interface RawRequest {
  port: number;
  /** Sent at once. */
  head: string;
  /** Sent piece by piece, `trickleMs` apart, after `head` (`[...text]`: one character at a time). */
  trickle?: readonly string[];
  trickleMs?: number;
  /** Give up and answer what arrived by then. */
  timeoutMs?: number;
}

export function rawExchange(request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(request.port, '127.0.0.1');
    let received = '';
    let answeredAfterMs = -1;
    let trickle: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      clearInterval(trickle);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ ...parse(received), closed, answeredAfterMs });
    };
    const giveUp = setTimeout(() => finish(false), request.timeoutMs ?? 10_000);
    socket.on('data', (chunk) => {
      if (answeredAfterMs < 0) answeredAfterMs = Date.now() - started;
      received += chunk.toString('latin1');
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    socket.write(request.head, 'latin1');
    const pieces = [...(request.trickle ?? [])];
    if (pieces.length > 0) {
      trickle = setInterval(() => {
        const next = pieces.shift();
        if (next === undefined || socket.destroyed) return clearInterval(trickle);
        socket.write(next);
      }, request.trickleMs ?? 1_000);
    }
  });
}

function parse(text: string): Omit<RawAnswer, 'closed' | 'answeredAfterMs'> {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: new Map(), body: text };
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4) };
}
