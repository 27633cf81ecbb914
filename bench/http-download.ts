import { request } from 'node:http';

/** Reads a response to its end, counting bytes and lines; anything but 200 throws. */
export function download(url: string, token: string): Promise<{ bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const call = request(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      let bytes = 0;
      let lines = 0;
      let body = '';
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        if (response.statusCode !== 200) body += chunk.toString();
      });
      response.on('error', reject);
      response.on('end', () =>
        response.statusCode === 200
          ? resolve({ bytes, lines })
          : reject(new Error(`GET ${url}: ${response.statusCode} ${body}`)),
      );
    });
    call.on('error', reject);
    call.end();
  });
}
