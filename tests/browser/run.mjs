#!/usr/bin/env node
// Real-browser checks of the built site (issue 6): axe-core (WCAG 2.0/2.1/2.2
// A and AA, and best practices) on every page, and keyboard, reflow, zoom,
// CSS-off and JavaScript-off checks on one page of each page type, in
// Debian's headless Chromium driven by playwright-core. The site is served
// from public/ on 127.0.0.1 by server.mjs; any request to another host fails
// the run. See tests/browser/README.md.
//
//   node tests/browser/run.mjs [--site .] [--public public] [--base-path /performance/]
//        [--chromium /usr/bin/chromium] [--screenshots tests/browser/screenshots]
//        [--jobs 2] [--all] [--only SUBSTRING]
//
// Exit status 0 when there is no finding, 1 when there is any, 2 when the
// checks could not run.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer, basePathFromSite } from './server.mjs';
import * as pc from './page-checks.mjs';
import { checkSearch } from './search-checks.mjs';

const require = createRequire(import.meta.url);
const t0 = Date.now();

// ---- options ---------------------------------------------------------------
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : def;
};
const flag = (name) => argv.includes(name);
const siteDir = opt('--site', '.');
const publicDir = opt('--public', path.join(siteDir, 'public'));
const basePath = opt('--base-path', basePathFromSite(siteDir));
const executablePath = opt('--chromium', process.env.CHROMIUM || '/usr/bin/chromium');
const shotDir = opt('--screenshots', path.join('tests', 'browser', 'screenshots'));
const jobs = Math.max(1, Number(opt('--jobs', '2')));
const allSamples = flag('--all'); // run the per-type checks on every page
const only = opt('--only', '');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // No host name resolves: nothing can reach another host, even by mistake.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const MAX_TABS = 400;

const die = (msg) => {
  console.error(`browser: ${msg}`);
  process.exit(2);
};
if (!fs.existsSync(path.join(publicDir, 'index.html'))) die(`${publicDir}/index.html not found: build the site first (make build)`);
if (!fs.existsSync(executablePath)) die(`no Chromium at ${executablePath}: install Debian's chromium package (make test-deps) or pass --chromium PATH`);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;

// ---- the pages and their types ----------------------------------------------
function htmlFiles(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...htmlFiles(dir, r));
    else if (/\.html?$/i.test(e.name)) out.push(r);
  }
  return out;
}

// A page's type: home, 404, a top-level page (about/, actions/, data/, …) or a
// directory of pages (indicators/*, reports/*, services/*). Within a type,
// pages that show different parts (a retired notice, a flag key, a chart, a
// table, commentary) are variants, and one page of each variant is a sample.
const FEATURES = [
  ['retired', /class="[^"]*\bretired-notice\b/],
  ['flag-key', /class="[^"]*\bflag-key\b/],
  ['chart', /<svg[^>]*role="img"/],
  ['table', /<table\b/],
  ['commentary', /class="[^"]*\bcommentary\b/],
];
// A site in several languages has the pages of each language after the
// first under a folder named by its code (cy/): those are their own types,
// "cy:home", "cy:indicators/*", so each language has samples of its own.
function langOf(rel) {
  const m = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\//.exec(rel);
  return m && fs.existsSync(path.join(publicDir, m[1], 'index.html')) ? m[1] : '';
}
function typeOf(rel) {
  const lang = langOf(rel);
  if (lang) return `${lang}:${typeOf(rel.slice(lang.length + 1))}`;
  if (rel === 'index.html') return 'home';
  if (rel === '404.html') return '404';
  const parts = rel.split('/');
  if (parts.length === 1) return rel; // another top-level .html file
  if (parts.length === 2 && parts[1] === 'index.html') return `${parts[0]}/`;
  return `${parts[0]}/*`;
}
const base = await startServer({ root: publicDir, basePath }).catch((e) => die(`cannot start the server: ${e.message}`));
const pages = htmlFiles(publicDir)
  .filter((rel) => !only || rel.includes(only))
  .map((rel) => {
    const html = fs.readFileSync(path.join(publicDir, rel), 'utf8');
    const features = FEATURES.filter(([, re]) => re.test(html)).map(([n]) => n);
    const type = typeOf(rel);
    const url = rel === '404.html'
      ? `${base.url}no-such-page-kpisite-test/` // the server answers a missing page with 404.html, status 404
      : base.url + rel.replace(/(^|\/)index\.html$/, '$1');
    return { rel, type, variant: `${type} [${features.join(', ') || 'plain'}]`, features, url, expect: rel === '404.html' ? 404 : 200 };
  });
if (!pages.length) die('no pages to check');
const samples = [];
for (const p of pages) {
  if (allSamples || !samples.some((s) => s.variant === p.variant)) samples.push(p);
}
for (const p of samples) p.sample = true;
const types = [...new Set(pages.map((p) => p.type))];

// ---- findings ---------------------------------------------------------------
const findings = []; // { page, check, msg }
const ran = new Map(); // page rel -> Set of checks run
const note = (p, check) => {
  if (!ran.has(p.rel)) ran.set(p.rel, new Set());
  ran.get(p.rel).add(check);
};
const add = (p, check, msg) => {
  note(p, check);
  if (!findings.some((f) => f.page === p.rel && f.check === check && f.msg === msg)) findings.push({ page: p.rel, check, msg });
};
const addAll = (p, list) => list.forEach((x) => add(p, x.check, x.msg));

function isLocal(href) {
  const u = new URL(href);
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:' ||
    (u.hostname === '127.0.0.1' && Number(u.port) === base.port);
}

// Every page is opened through this: it reports any request to another
// host, failed loads and console errors.
async function open(ctx, p, { url = p.url } = {}) {
  const page = await ctx.newPage();
  note(p, 'network');
  note(p, 'load');
  // Watching requests costs nothing (intercepting them with page.route makes
  // each load several times slower); the browser cannot reach another host
  // anyway: --host-resolver-rules resolves no name, and this machine has no
  // network. Any request that is not to our server is a finding.
  page.on('request', (r) => {
    if (!isLocal(r.url())) add(p, 'network', `request to another host: ${r.method()} ${r.url()} (${r.resourceType()})`);
  });
  page.on('websocket', (ws) => add(p, 'network', `WebSocket opened: ${ws.url()}`));
  page.on('requestfailed', (r) => {
    if (isLocal(r.url())) add(p, 'load', `request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !(r.request().isNavigationRequest() && r.status() === p.expect)) add(p, 'load', `HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const at = m.location()?.url || '';
    // The 404 page's own status, and the browser's automatic /favicon.ico
    // (at the host's root, outside the site) are not the site's errors.
    if (/status of 404/.test(m.text()) && (at === url || new URL(at || url).pathname === '/favicon.ico')) return;
    if (at && !isLocal(at)) return; // a request to another host: reported under network
    add(p, 'load', `console error: ${m.text()}${at ? ` (${at})` : ''}`);
  });
  page.on('pageerror', (e) => add(p, 'load', `page error: ${e.message}`));
  const resp = await page.goto(url, { waitUntil: 'load' });
  // A page a script enhances (elements marked data-js) is checked once the
  // script has finished loading what it needs, so the checks see one state.
  if (await page.$('[data-js]')) await page.waitForLoadState('networkidle');
  if (!resp) add(p, 'load', `no response for ${url}`);
  else if (resp.status() !== p.expect) add(p, 'load', `HTTP ${resp.status()} for ${url}, want ${p.expect}`);
  return page;
}

// checkLanguageSwitch follows the language switch of page p with the
// keyboard (focus, Enter) to its twin in the other language, checks the
// twin's lang and its switch back, and follows that back to p.
async function checkLanguageSwitch(ctx, p) {
  note(p, 'language');
  const page = await open(ctx, p);
  const start = page.url();
  const follow = async (want) => {
    const link = page.locator('.language-switch a').first();
    if (!(await link.count())) return add(p, 'language', `no language switch on ${page.url()}`);
    const lang = await link.getAttribute('lang');
    if (!lang || lang !== (await link.getAttribute('hreflang'))) add(p, 'language', `the switch on ${page.url()} has lang="${lang}", hreflang="${await link.getAttribute('hreflang')}"`);
    await link.focus();
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const got = await page.evaluate(() => document.documentElement.lang);
    if (got !== lang) add(p, 'language', `the switch to "${lang}" led to a page with lang="${got}" (${page.url()})`);
    if (want && page.url() !== want) add(p, 'language', `the switch led to ${page.url()}, want ${want}`);
  };
  const twin = new URL(p.rel.replace(/index\.html$/, ''), `${base.url}${langOf(pages.find((q) => q.rel.endsWith(`/${p.rel}`)).rel)}/`).href;
  await follow(twin);
  await follow(start);
  await page.close();
}

async function runAxe(page, p, check) {
  note(p, check);
  await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      })),
      passes: r.passes.length,
      incomplete: r.incomplete.map((v) => v.id),
    };
  }, AXE_TAGS);
  for (const v of res.violations) {
    const nodes = v.nodes.slice(0, 5).map((n) => `\n        at ${n.target}${n.summary ? `: ${n.summary.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`).join('');
    add(p, check, `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s) [${v.helpUrl}]${nodes}${v.nodes.length > 5 ? '\n        …' : ''}`);
  }
  return res;
}

// ---- the checks ---------------------------------------------------------------
const stats = { axeRules: 0, axeIncomplete: new Map(), tabStops: 0 };

// On every page, at 1280 px: structure, tables, axe; the first Tab; then 320 px reflow.
async function checkEveryPage(ctx, p) {
  const page = await open(ctx, p);
  try {
    for (const c of ['document', 'no-js', 'structure', 'headings', 'keyboard', 'tables']) note(p, c);
    addAll(p, await page.evaluate(pc.staticChecks));
    p.dom = await page.evaluate(pc.contentDOM); // for the JavaScript-off comparison

    // The first Tab reaches the skip link, which shows on screen with a visible focus style.
    note(p, 'skip-link');
    await page.evaluate(pc.markTabbables);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(pc.focusedNow);
    if (first.idx !== 0 || !/skip/i.test(first.what)) add(p, 'skip-link', `the first Tab focuses ${first.what}, not the skip link`);
    else {
      if (!first.visible) add(p, 'skip-link', 'the skip link is not on screen when it has focus');
      if (!first.changed.length) add(p, 'skip-link', 'the skip link looks the same with and without focus');
    }
    await page.keyboard.press('Enter');
    const after = await page.evaluate(() => ({
      hash: location.hash,
      active: document.activeElement && (document.activeElement.id || document.activeElement.tagName.toLowerCase()),
      inMain: !!(document.activeElement && document.activeElement.closest('main')),
    }));
    if (!after.inMain) add(p, 'skip-link', `after Enter on the skip link, focus is on ${after.active}, not in <main> (hash ${after.hash})`);

    note(p, 'chart-text-1280');
    addAll(p, await page.evaluate(pc.chartTextChecks, 'chart-text-1280'));

    const axe = await runAxe(page, p, 'axe');
    stats.axeRules = Math.max(stats.axeRules, axe.passes);
    for (const id of axe.incomplete) stats.axeIncomplete.set(id, (stats.axeIncomplete.get(id) || 0) + 1);

    // A phone (375 × 667): no sideways scrolling, every scorecard status
    // on screen, an indicator's headline figure on the first screen, chart
    // text still 12 px or more.
    for (const c of ['reflow-375', 'phone-status', 'phone-headline', 'chart-text-375']) note(p, c);
    await page.setViewportSize({ width: 375, height: 667 });
    await page.evaluate(() => window.scrollTo(0, 0));
    addAll(p, await page.evaluate(pc.reflowChecks, 'reflow-375'));
    addAll(p, await page.evaluate(pc.phoneChecks));
    addAll(p, await page.evaluate(pc.chartTextChecks, 'chart-text-375'));

    note(p, 'reflow-320');
    await page.setViewportSize({ width: 320, height: 640 });
    addAll(p, await page.evaluate(pc.reflowChecks, 'reflow-320'));
    if (p.sample) await runAxe(page, p, 'axe-320');

    // An indicator's figures: no status before its target's from.
    const tf = await page.evaluate(pc.targetFromChecks);
    if (tf.applies) {
      note(p, 'target-from');
      addAll(p, tf.out);
    }

  } finally {
    await page.close();
  }
}

// On one page of each type: every tab stop in DOM order with a visible
// focus style; then the page with CSS off.
async function checkKeyboardAndCSSOff(ctx, p) {
  const page = await open(ctx, p);
  try {
    note(p, 'tab-order');
    note(p, 'focus-visible');
    const n = await page.evaluate(pc.markTabbables);
    const expected = await page.evaluate(() => [...document.querySelectorAll('[data-kpi-tab]')].map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`));
    let invisible = 0;
    let inOrder = true;
    for (let i = 0; i < Math.min(n, MAX_TABS); i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(pc.focusedNow);
      stats.tabStops++;
      if (now.idx !== i && inOrder) {
        add(p, 'tab-order', `Tab number ${i + 1} focuses ${now.what}; in DOM order it should be ${expected[i]}`);
        inOrder = false; // report the first departure only, but go on checking focus styles
      }
      if (now.idx < 0) continue;
      if (!now.changed.length || !now.visible) {
        if (invisible++ < 5) add(p, 'focus-visible', `${now.what} ${!now.visible ? 'is focused but not on screen' : 'shows no visible change of outline, box-shadow, background or colour when focused'}`);
      }
    }
    if (invisible > 5) add(p, 'focus-visible', `… ${invisible - 5} more elements without a visible focus`);
    if (n > 0) {
      await page.keyboard.press('Tab');
      const wrap = await page.evaluate(pc.focusedNow);
      if (n < MAX_TABS && wrap.idx >= 0 && inOrder) add(p, 'tab-order', `after the last of ${n} tab stops, Tab reaches ${wrap.what} again instead of leaving the page`);
    }

    note(p, 'css-off');
    addAll(p, await page.evaluate(pc.cssGeneratedText));
    await page.evaluate(pc.cssOff);
    addAll(p, await page.evaluate(pc.cssOffChecks));
  } finally {
    await page.close();
  }
}

// 200% zoom: a 1280 px window zoomed to 200% lays out a 640 CSS px viewport
// at 2 device pixels per CSS pixel, which is what this context is.
async function checkZoom(ctx, p) {
  const page = await open(ctx, p);
  try {
    note(p, 'zoom-200');
    addAll(p, await page.evaluate(pc.reflowChecks, 'zoom-200'));
  } finally {
    await page.close();
  }
}

// JavaScript off: the same document as with JavaScript on.
async function checkJSOff(ctx, p) {
  const page = await open(ctx, p);
  try {
    note(p, 'js-off');
    const dom = await page.evaluate(pc.contentDOM);
    if (p.dom !== undefined && dom !== p.dom) {
      let i = 0;
      while (i < dom.length && dom[i] === p.dom[i]) i++;
      add(p, 'js-off', `the page differs with JavaScript off, from character ${i}: ${JSON.stringify(dom.slice(Math.max(0, i - 40), i + 60))} vs ${JSON.stringify(p.dom.slice(Math.max(0, i - 40), i + 60))}`);
    }
  } finally {
    await page.close();
  }
}

// pdfPages counts the pages of a PDF: its /Type /Page objects, in plain
// text or in deflated streams (Chromium keeps them in object streams).
function pdfPages(buf) {
  const s = buf.toString('latin1');
  let n = 0;
  const count = (t) => { n += (t.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length; };
  count(s.replace(/stream\r?\n[\s\S]*?endstream/g, ''));
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    try { count(zlib.inflateSync(buf.subarray(start, end)).toString('latin1')); } catch { /* not a deflated stream */ }
  }
  return n;
}

// The latest report, printed on A4: its first page holds the key, and it
// fits a committee's papers: about 1-2 pages of summary, half a page per
// indicator, then the action plan and the changes to indicators.
async function checkPrintedReport(p) {
  note(p, 'print');
  // The A4 page's content box (210 x 297 mm less the report's @page
  // margins, 13 and 12 mm) in CSS pixels at 96 per inch.
  const mm = 96 / 25.4;
  const ctx = await browser.newContext({ viewport: { width: Math.round((210 - 26) * mm), height: Math.round((297 - 24) * mm) } });
  const page = await open(ctx, p);
  try {
    await page.emulateMedia({ media: 'print' });
    const r = await page.evaluate(() => {
      const key = document.querySelector('.report .status-key');
      return {
        key: key ? key.getBoundingClientRect().bottom + window.scrollY : -1,
        indicators: document.querySelectorAll('.report-indicator').length,
        more: document.querySelectorAll('.report-actions, .report-changes').length,
      };
    });
    const pageHeight = (297 - 24) * mm;
    if (r.key < 0) add(p, 'print', 'the report has no key (.status-key)');
    else if (r.key > pageHeight) add(p, 'print', `the key ends ${Math.round(r.key)} px down, past the first printed page (${Math.round(pageHeight)} px)`);
    const pages = pdfPages(await page.pdf({ preferCSSPageSize: true, format: 'A4' }));
    const limit = 2 + Math.ceil(r.indicators / 2) + r.more;
    if (pages > limit) add(p, 'print', `the report prints on ${pages} A4 pages; ${r.indicators} indicators allow ${limit} (2 of summary, half a page per indicator, one each for the action plan and the changes)`);
    console.log(`browser: ${p.rel} prints on ${pages} A4 pages (${r.indicators} indicators; limit ${limit})`);
  } finally {
    await page.close();
    await ctx.close();
  }
}

async function pool(items, n, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (e) {
        add(item, 'error', `the check could not run: ${e.message.split('\n')[0]}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

// ---- run ----------------------------------------------------------------------
let browser;
const timings = [];
const timed = async (label, fn) => {
  const s = Date.now();
  await fn();
  timings.push(`${label} ${((Date.now() - s) / 1000).toFixed(1)} s`);
};
try {
  browser = await chromium.launch({ executablePath, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS });
  console.log(`browser: ${browser.version()} via playwright-core, axe-core ${axeVersion}; serving ${publicDir} at ${base.url}`);
  console.log(`browser: ${pages.length} pages of ${types.length} types: ${types.join(', ')}`);
  console.log(`browser: ${samples.length} sample pages (one of each type and variant) for keyboard, zoom, CSS-off and JS-off checks:`);
  for (const s of samples) console.log(`  ${s.variant.padEnd(58)} ${s.rel}`);

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const zoom = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const noJS = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });

  await timed(`every page (${pages.length}): structure, tables, skip link, axe, 320 px`, () => pool(pages, jobs, (p) => checkEveryPage(desktop, p)));
  await timed(`samples (${samples.length}): tab order, focus, CSS off`, () => pool(samples, jobs, (p) => checkKeyboardAndCSSOff(desktop, p)));
  await timed(`samples (${samples.length}): 200% zoom`, () => pool(samples, jobs, (p) => checkZoom(zoom, p)));
  await timed(`samples (${samples.length}): JavaScript off`, () => pool(samples, jobs, (p) => checkJSOff(noJS, p)));

  // The search page: the A to Z list without JavaScript, the filter with it.
  const searchPage = pages.find((p) => p.rel === 'search/index.html');
  if (searchPage) {
    await timed('search: A to Z without JavaScript, filter from the keyboard', () => pool([searchPage], 1,
      (p) => checkSearch({ browser, open, p, publicDir, runAxe, add, note })));
  }

  // The language switch of an indicator page leads to its twin in the
  // other language, and back, from the keyboard.
  const switchPage = pages.find((p) => p.type === 'indicators/*' && !p.features.includes('retired') && langOf(p.rel) === '');
  if (switchPage && pages.some((p) => p.rel.endsWith(`/${switchPage.rel}`))) {
    await timed('language switch: an indicator page to its twin and back', () => pool([switchPage], 1, (p) => checkLanguageSwitch(desktop, p)));
  }

  // The latest report, printed.
  const latestReport = pages.filter((p) => /^reports\/[^/]+\/index\.html$/.test(p.rel)).sort((a, b) => (a.rel < b.rel ? 1 : -1))[0];
  if (latestReport) await timed('print: the latest report on A4', () => pool([latestReport], 1, checkPrintedReport));

  // Screenshots of the home page and an indicator page, to look at.
  await timed('screenshots', async () => {
    fs.mkdirSync(shotDir, { recursive: true });
    const home = pages.find((p) => p.type === 'home');
    const indicator = pages.filter((p) => p.type === 'indicators/*' && !p.features.includes('retired'))
      .sort((a, b) => b.features.length - a.features.length)[0];
    for (const width of [1280, 375]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      for (const [name, p] of [['home', home], ['indicator', indicator]]) {
        if (!p) continue;
        const page = await open(ctx, p);
        const file = path.join(shotDir, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`browser: screenshot ${file} (${p.rel})`);
        await page.close();
      }
      await ctx.close();
    }
  });
} catch (e) {
  console.error(e);
  die(`could not run the checks: ${e.message.split('\n')[0]}`);
} finally {
  if (browser) await browser.close();
  await base.close();
}

// ---- report -------------------------------------------------------------------
const checks = new Map(); // check -> { pages, failed }
let passed = 0;
let failed = 0;
for (const [rel, set] of ran) {
  for (const c of set) {
    const bad = findings.some((f) => f.page === rel && f.check === c);
    if (!checks.has(c)) checks.set(c, { pages: 0, failed: 0 });
    checks.get(c).pages++;
    if (bad) {
      checks.get(c).failed++;
      failed++;
    } else passed++;
  }
}
console.log('browser: results by check (pages checked, pages failing):');
for (const [c, s] of [...checks].sort()) console.log(`  ${c.padEnd(14)} ${String(s.pages).padStart(3)} checked, ${s.failed} failing`);
console.log(`browser: axe-core rules run per page: up to ${stats.axeRules} passing, tags ${AXE_TAGS.join(', ')}; ${stats.tabStops} tab stops walked`);
if (stats.axeIncomplete.size) {
  console.log(`browser: axe "needs review" (not failures): ${[...stats.axeIncomplete].map(([id, n]) => `${id} on ${n} pages`).join(', ')}`);
}
for (const t of timings) console.log(`browser: time: ${t}`);
if (findings.length) {
  console.log(`\nbrowser: ${findings.length} FINDINGS:`);
  const byPage = new Map();
  for (const f of findings) {
    if (!byPage.has(f.page)) byPage.set(f.page, []);
    byPage.get(f.page).push(f);
  }
  for (const [pg, list] of byPage) {
    console.log(`  ${publicDir}/${pg}`);
    for (const f of list) console.log(`    [${f.check}] ${f.msg}`);
  }
}
console.log(`browser: total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(findings.length ? 1 : 0);
