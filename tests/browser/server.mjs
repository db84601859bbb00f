// A static file server for www/ on 127.0.0.1 and a port the OS picks, for the browser tests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const wwwRoot = fileURLToPath(new URL('../../www/', import.meta.url));
const recorder = fileURLToPath(new URL('./recorder.js', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** The policy both pages must work under: no inline script or style, wasm compiled from our own files. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Each file's brotli -q 11 body, made once: by path and the exact bytes, as `make size` counts them. */
const compressed = new Map();
function brotli(file, body) {
  const known = compressed.get(file);
  if (known?.body.equals(body)) return known.brotli;
  const made = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  compressed.set(file, { body, brotli: made });
  return made;
}

/**
 * Starts the server; resolves to `{ url, close }`. Every response carries the policy above.
 * `fixtures`, if given, is a folder served under `/fixtures/` (host pages and price books a test
 * writes), so a page there loads the widget from the same origin, as a clinic's site would. With
 * `compress`, bodies go out brotli-compressed to a browser that accepts it, as a clinic's server
 * would send them (the benchmark's throttled loads; the tests do without, to skip compressing).
 * `www` serves another build's pages in place of this checkout's (the benchmark's "before").
 * With `record`, every page gets recorder.js as its first script (/__recorder.js), which keeps
 * what the page logs for the test to read. `policies` gives some paths another Content Security
 * Policy (`{ '/fixtures/page.html': "..." }`). The server's `requests` lists every path asked for,
 * in order, for a test to count.
 */
export function serve(fixtures, { compress = false, www = wwwRoot, record = false, policies = {} } = {}) {
  const root = join(www, '/');
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    requests.push(path);
    const [base, relative] = path === '/__recorder.js' && record
      ? [join(recorder, '..', '/'), 'recorder.js']
      : fixtures && path.startsWith('/fixtures/')
        ? [join(fixtures, '/'), path.slice('/fixtures/'.length)]
        : [root, path];
    const file = join(base, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
    try {
      if (!file.startsWith(base)) throw new Error('outside the served folder');
      let body = await readFile(file);
      if (record && extname(file) === '.html') {
        body = Buffer.from(body.toString('utf8').replace(/<head>/, '<head><script src="/__recorder.js"></script>'));
      }
      const headers = {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': policies[path] ?? CONTENT_SECURITY_POLICY,
      };
      const br = compress && /\bbr\b/.test(request.headers['accept-encoding'] ?? '');
      if (br) headers['content-encoding'] = 'br';
      response.writeHead(200, headers);
      response.end(br ? brotli(file, body) : body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }) });
    });
  });
}
