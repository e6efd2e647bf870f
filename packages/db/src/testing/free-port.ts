import net from 'node:net';

/**
 * A port nothing listens on right now, for a server a test or benchmark starts (a worker's
 * metrics, an embedded PostgreSQL that must come back on the same port after a restart).
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
