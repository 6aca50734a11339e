// A tiny static file server for the built site, on 127.0.0.1 only, with no
// dependencies. It serves DIR under BASE_PATH (the path of site.toml's
// base_url, e.g. /performance/), as a web server would publish it, so
// root-relative links (404.html uses them) resolve as they will in
// production. A missing file gets 404.html with status 404; a directory
// without a trailing slash is redirected to it.
//
//   node tests/browser/server.mjs [--public public] [--base-path /performance/] [--port 8080]

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Starts the server. Resolves to { url, port, close() }; url ends with basePath.
 */
export function startServer({ root, basePath = '/', port = 0 }) {
  root = path.resolve(root);
  if (!basePath.startsWith('/')) basePath = '/' + basePath;
  if (!basePath.endsWith('/')) basePath += '/';
  const notFound = path.join(root, '404.html');

  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    };
    const missing = () => {
      if (fs.existsSync(notFound)) return send(404, notFound);
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    if (!pathname.startsWith(basePath)) {
      if (pathname === '/' || pathname + '/' === basePath) {
        res.writeHead(302, { Location: basePath });
        return res.end();
      }
      return missing();
    }
    const rel = pathname.slice(basePath.length);
    const file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return missing();
    let st;
    try {
      st = fs.statSync(file);
    } catch {
      return missing();
    }
    if (st.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: pathname + '/' });
        return res.end();
      }
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? send(200, index) : missing();
    }
    return send(200, file);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        origin: `http://127.0.0.1:${port}`,
        url: `http://127.0.0.1:${port}${basePath}`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

/** basePathFromSite reads base_url from site.toml and returns its path ("/performance/"). */
export function basePathFromSite(siteDir) {
  try {
    const toml = fs.readFileSync(path.join(siteDir, 'site.toml'), 'utf8');
    const m = toml.match(/^\s*base_url\s*=\s*["']([^"']*)["']/m);
    if (m && m[1]) {
      const p = new URL(m[1]).pathname;
      return p.endsWith('/') ? p : p + '/';
    }
  } catch {
    // no site.toml, or no absolute base_url: serve at the root
  }
  return '/';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const root = arg('--public', 'public');
  const basePath = arg('--base-path', basePathFromSite(arg('--site', '.')));
  const s = await startServer({ root, basePath, port: Number(arg('--port', '8080')) });
  console.log(`serving ${root} at ${s.url} (Ctrl-C to stop)`);
}
