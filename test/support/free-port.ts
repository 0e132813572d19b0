import { createServer } from 'node:net';

/** A port on 127.0.0.1 nothing listens on right now: for a server that takes no port 0, or for a connection that must be refused. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
