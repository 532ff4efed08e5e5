// End-to-end harness: a static server for dist/ on a free loopback port, Debian's Chromium through
// playwright-core (never a downloaded browser), pages at named viewports that fail the test on any console
// error, uncaught exception or Rust panic, and screenshots into e2e/screenshots/ (gitignored).
//
//   import { setup } from './harness.mjs';
//   let h; before(async () => { h = await setup(); }); after(() => h?.teardown());
//   test('…', () => h.withPage({ viewport: 'phone' }, async ({ page, screenshot }) => { … }));
import { createServer } from 'node:http';
import { readFile, mkdir, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const distDir = path.join(repoRoot, 'dist');
export const screenshotDir = path.join(here, 'screenshots');

/** The Content-Security-Policy a strict static host sends (docs/embedding.md): the app needs nothing looser. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * An init script (`initScript`, `context.addInitScript`) collecting the page's `securitypolicyviolation` events in
 * `window.__cspViolations`, before the page's own scripts run; `cspViolations(page)` reads them.
 */
export function watchViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
  );
}

/** The CSP violations `watchViolations` collected so far. */
export const cspViolations = (page) => page.evaluate(() => window.__cspViolations);

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
  // The sizes the design is held to (DESIGN.md, "Stage-first"): a small phone and a laptop.
  small: { width: 360, height: 740 },
  laptop: { width: 1280, height: 800 },
};

/** Opens drawer `id` (lessons, act, code, log, details, legend) by its tab, unless it is open already. */
export async function openDrawer(page, id) {
  const open = await page.$(`[data-drawer="${id}"]`);
  if (!open) await page.click(`[data-action="drawer-${id}"]`);
  await page.waitForSelector(`[data-drawer="${id}"]`);
}

/** Clicks `action` (copy-link, export, import, import-group) in the header's Share menu. */
export async function shareAction(page, action) {
  const open = await page.$eval('details.share', (d) => d.open).catch(() => true);
  if (!open) await page.click('[data-action="share-menu"]');
  await page.click(`[data-action="${action}"]`);
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` (default dist/) on 127.0.0.1, at a free port unless `port` is given.
 * - `headers`: extra response headers, an object or `(urlPath) => object` (e.g. a Content-Security-Policy);
 *   replaceable later with `server.setHeaders(...)`.
 * - `gzip`: compress responses for clients that accept it (the browser benchmark measures transfer sizes).
 */
export async function startServer({ root = distDir, headers = {}, gzip = false, port = 0 } = {}) {
  let extraHeaders = headers;
  const gzipCache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(root, '.' + rel);
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let body;
      try {
        body = await readFile(file);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const extra = typeof extraHeaders === 'function' ? extraHeaders(rel) : extraHeaders;
      const out = {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
      };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        // Compressed once per file version, as a static host serving precompressed files does: compressing a
        // 1.2 MB wasm on every request blocked this server for 45 ms and inflated the measured load times.
        const key = `${file}:${body.length}:${(await stat(file)).mtimeMs}`;
        if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body, { level: 9 }));
        body = gzipCache.get(key);
        out['Content-Encoding'] = 'gzip';
        out['Vary'] = 'Accept-Encoding';
      }
      out['Content-Length'] = body.length;
      res.writeHead(200, out);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (p = '/') => new URL(p, origin + '/').href,
    setHeaders: (h) => {
      extraHeaders = h;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Presses Tab `presses` times; returns how many presses it took for focus to leave `inside` (a selector), or 0
 * if it never did. Focus on the document body counts as inside (a modal dialog cycles through it).
 */
export async function tabsUntilFocusLeaves(page, inside, presses) {
  for (let i = 1; i <= presses; i++) {
    await page.keyboard.press('Tab');
    const stays = await page.evaluate(
      (sel) => document.activeElement === document.body || !!document.activeElement.closest(sel),
      inside,
    );
    if (!stays) return i;
  }
  return 0;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Starts the server and the browser; `teardown()` stops both. */
export async function setup(serverOptions = {}) {
  const server = await startServer(serverOptions);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  return new Harness(server, browser);
}

class Harness {
  constructor(server, browser) {
    this.server = server;
    this.browser = browser;
  }

  /**
   * Opens a fresh browser context and page at `path`.
   * Options: `viewport` ('phone' | 'desktop' | {width, height}), `path`, `colorScheme`, `reducedMotion`,
   * `waitForReady` (wait for `[data-stage-ready]`, default true), `expectErrors` (do not fail on errors),
   * `initScript` (a function run in every document before its own scripts), `offline`, `newcomer` (the legend
   * has not been shown to this reader yet: a wide page opens it once; default false, as for a returning reader),
   * `beforeGoto` (an async function given the page before it navigates, e.g. to hold back a request),
   * `waitUntil` (the navigation's end, as Playwright's goto: default 'load').
   * Returns a Session; call `session.close()` (or use `withPage`) to check errors and free it.
   */
  async open({
    viewport = 'desktop',
    path: urlPath = '/',
    colorScheme = 'light',
    reducedMotion = 'no-preference',
    waitForReady = true,
    expectErrors = false,
    initScript = null,
    offline = false,
    newcomer = false,
    beforeGoto = null,
    waitUntil = 'load',
  } = {}) {
    const size = typeof viewport === 'string' ? VIEWPORTS[viewport] : viewport;
    if (!size) throw new Error(`unknown viewport ${viewport}`);
    const context = await this.browser.newContext({
      viewport: size,
      deviceScaleFactor: 1,
      colorScheme,
      reducedMotion,
      isMobile: viewport === 'phone' || viewport === 'small',
      hasTouch: viewport === 'phone' || viewport === 'small',
    });
    if (!newcomer) await context.addInitScript(() => localStorage.setItem('grouplab.legend-seen', '1'));
    if (initScript) await context.addInitScript(initScript);
    if (offline) await context.setOffline(true);
    const page = await context.newPage();
    const session = new Session(context, page, this.server, expectErrors);
    if (beforeGoto) await beforeGoto(page);
    await page.goto(this.server.url(urlPath), { waitUntil });
    if (waitForReady) {
      await page.waitForSelector('[data-stage-ready]', { timeout: 15_000 });
    }
    return session;
  }

  /** Runs `fn(session)` on a fresh page, then closes it and fails on any collected error. */
  async withPage(options, fn) {
    const session = await this.open(options);
    let failed = true;
    try {
      await fn(session);
      failed = false;
    } finally {
      await session.close({ check: !failed });
    }
  }

  async teardown() {
    await this.browser?.close().catch(() => {});
    await this.server?.close();
  }
}

class Session {
  constructor(context, page, server, expectErrors) {
    this.context = context;
    this.page = page;
    this.server = server;
    this.expectErrors = expectErrors;
    /** Console errors, uncaught exceptions and panics, as strings. */
    this.errors = [];
    /** Every URL the page requested (documents, scripts, wasm, fetches, images, …). */
    this.requests = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.errors.push(`uncaught: ${err.stack || err.message}`));
    page.on('crash', () => this.errors.push('page crashed'));
    context.on('request', (req) => this.requests.push(req.url()));
    this.screenshot = this.screenshot.bind(this);
  }

  /** Saves a PNG of the viewport (or `{ fullPage: true }`) to e2e/screenshots/<name>.png. */
  async screenshot(name, options = {}) {
    await mkdir(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file, ...options });
    return file;
  }

  /** Closes the context; unless errors were expected, throws if any were collected. */
  async close({ check = true } = {}) {
    await this.context.close().catch(() => {});
    if (check && !this.expectErrors && this.errors.length > 0) {
      throw new Error(`the page reported ${this.errors.length} error(s):\n${this.errors.join('\n')}`);
    }
  }
}

/** Advances the simulation by `ms` (window.grouplab.advance) and waits until the stage shows the new time. */
export async function advance(page, ms) {
  const r = await page.evaluate((m) => window.grouplab.advance(m), ms);
  if (r?.ok !== true) throw new Error(`advance(${ms}) refused: ${JSON.stringify(r)}`);
  await page.waitForFunction((t) => document.querySelector('#stage')?.dataset.timeMs === String(t), r.time_ms);
  return r;
}

/** Runs one command (window.grouplab.run); fails the test if the model refuses it. */
export async function run(page, command) {
  const r = await page.evaluate((c) => window.grouplab.run(c), command);
  if (r?.ok !== true) throw new Error(`${command.type} refused: ${JSON.stringify(r)}`);
  return r;
}

/** Gzip size of a buffer at level 9 (as a static host would serve it). */
export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;
