import http from 'node:http';

/**
 * A POST sent chunked (no Content-Length), in the given pieces a few milliseconds apart, as a
 * client streaming a body would; gives the status and body the server wrote. For the tests of
 * the body limit in the servers that use readBody.
 */
export function postChunked(url: string, pieces: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // Once the server has answered 413 it closes the connection; the rest of the body cannot go.
    request.on('error', (error) => (request.writableEnded ? undefined : reject(error)));
    void (async () => {
      for (const piece of pieces) {
        if (request.destroyed) return;
        request.write(piece);
        await new Promise((wait) => setTimeout(wait, 5));
      }
      request.end();
    })();
  });
}
