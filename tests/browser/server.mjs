// A static file server for www/ on 127.0.0.1 and a port the OS picks, for the browser tests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const wwwRoot = fileURLToPath(new URL('../../www/', import.meta.url));
const recorder = fileURLToPath(new URL('./recorder.js', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** The policy both pages must work under: no inline script or style, wasm compiled from our own files. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Each file's body in `encoding`, made once: brotli -q 11 or gzip -9, by path and the exact bytes,
 * as `make size` counts them.
 */
const compressed = new Map();
function encoded(file, body, encoding) {
  const known = compressed.get(`${encoding} ${file}`);
  if (known?.body.equals(body)) return known.made;
  const made = encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(body, { level: 9 });
  compressed.set(`${encoding} ${file}`, { body, made });
  return made;
}

/**
 * Starts the server; resolves to `{ url, close }`. Every response carries the policy above.
 * `fixtures`, if given, is a folder served under `/fixtures/` (host pages and price books a test
 * writes), so a page there loads the widget from the same origin, as a clinic's site would; the
 * widget's folder (www/dist/) is also at `/estimator/`, where a clinic's site puts it. With
 * `compress`, bodies go out brotli-compressed to a browser that accepts it, else gzip-compressed,
 * as a clinic's server would send them (the benchmark's throttled loads; the tests do without, to
 * skip compressing); `sent` then lists each response's path, encoding and bytes.
 * `www` serves another build's pages in place of this checkout's (the benchmark's "before").
 * With `record`, every page gets recorder.js as its first script (/__recorder.js), which keeps
 * what the page logs for the test to read. `policies` gives some paths another Content Security
 * Policy (`{ '/fixtures/page.html': "..." }`). The server's `requests` lists every path asked for,
 * in order, for a test to count. `throttle` (`{ latency, bytesPerSecond }`) makes a slow link here,
 * the same for every browser: each response starts `latency` ms late, and all bodies share one
 * link of `bytesPerSecond`, sent in turns of 1 KB.
 */
export function serve(fixtures, { compress = false, www = wwwRoot, record = false, policies = {}, throttle = null } = {}) {
  const root = join(www, '/');
  const requests = [];
  const sent = [];
  let linkFreeAt = 0; // when the throttled link has sent everything given to it so far
  const send = async (response, body) => {
    if (!throttle) return response.end(body);
    for (let offset = 0; offset < body.length; offset += 1024) {
      const chunk = body.subarray(offset, offset + 1024);
      linkFreeAt = Math.max(Date.now(), linkFreeAt) + (chunk.length / throttle.bytesPerSecond) * 1000;
      await new Promise((resolve) => { setTimeout(resolve, linkFreeAt - Date.now()); });
      response.write(chunk);
    }
    return response.end();
  };
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    requests.push(path);
    const [base, relative] = path === '/__recorder.js' && record
      ? [join(recorder, '..', '/'), 'recorder.js']
      : fixtures && path.startsWith('/fixtures/')
        ? [join(fixtures, '/'), path.slice('/fixtures/'.length)]
        // The widget's folder where a clinic's site has it (the editor's code names it so).
        : path.startsWith('/estimator/')
          ? [join(root, 'dist/'), path.slice('/estimator/'.length)]
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
      const accepts = request.headers['accept-encoding'] ?? '';
      const encoding = !compress ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) headers['content-encoding'] = encoding;
      const out = encoding ? encoded(file, body, encoding) : body;
      sent.push({ path, encoding, bytes: out.length });
      if (throttle) await new Promise((resolve) => { setTimeout(resolve, throttle.latency); });
      response.writeHead(200, headers);
      await send(response, out);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, requests, sent, close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }) });
    });
  });
}
