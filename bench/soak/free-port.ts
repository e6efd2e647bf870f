import net from 'node:net';

/**
 * A port nothing listens on right now. Each process keeps its port across restarts: the worker
 * finds the bot at a fixed BOT_INTERNAL_URL, and the database comes back where clients look.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
