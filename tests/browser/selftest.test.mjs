// Self-test of the browser checks: run.mjs must find every planted problem
// in fixtures/broken-site/index.html and nothing in fixtures/broken-site/good/.
// A check that silently stopped working would otherwise look like a pass.
//
//   node --test tests/browser/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

test('run.mjs finds every planted problem and no false alarm', () => {
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'kpisite-selftest-'));
  const r = spawnSync(process.execPath, [
    path.join(here, 'run.mjs'),
    '--public', path.join(here, 'fixtures', 'broken-site'),
    '--base-path', '/',
    '--screenshots', shots,
  ], { encoding: 'utf8', timeout: 120_000 });
  fs.rmSync(shots, { recursive: true, force: true });
  const out = r.stdout + r.stderr;
  assert.equal(r.status, 1, `run.mjs should exit 1 on the broken fixture; it exited ${r.status}:\n${out}`);

  // Findings are listed under each page: split the listing by page.
  const listing = out.slice(out.indexOf('FINDINGS:'));
  const good = listing.match(/broken-site\/good\/index\.html\n((?: {4}.*\n)+)/);
  assert.equal(good, null, `false alarms on the good page:\n${good && good[1]}`);

  for (const [check, pattern] of [
    ['network', /\[network\] request to another host: GET http:\/\/cdn\.example\.invalid\/x\.png/],
    ['no-js', /\[no-js\] 1 <script> elements/],
    ['js-off', /\[js-off\] the page differs with JavaScript off/],
    ['headings', /\[headings\] heading level skipped: h1 .* is followed by h3/],
    ['keyboard', /\[keyboard\] p "Positive tabindex\." has tabindex=3/],
    ['keyboard', /\[keyboard\] the first focusable element is a "Good page", not a skip link/],
    ['skip-link', /\[skip-link\] the first Tab focuses/],
    ['tab-order', /\[tab-order\] Tab number 1 focuses p "Positive tabindex\."/],
    ['focus-visible', /\[focus-visible\] a "Good page" shows no visible change/],
    ['tables', /\[tables\] table 1 has no <caption>/],
    ['tables', /\[tables\] table 1: th "Period" has no valid scope/],
    ['tables', /\[tables\] table 1: numeric cell td "12 \[p\]" is not right-aligned/],
    ['tables', /\[tables\] table 1: its scrolling box .* is not focusable/],
    ['tables', /\[tables\] shorthand \[p\] is used in a table but the page has no key/],
    ['reflow-320', /\[reflow-320\] the page scrolls sideways: it is \d+px wide in a 320px viewport/],
    ['reflow-320', /\[reflow-320\] div\.wide "A box wider than a phone\." reaches/],
    ['chart-text-1280', /\[chart-text-1280\] kpi-chart .*"Tiny" renders at 4\.4 px, under 12 px/],
    ['chart-text-1280', /\[chart-text-1280\] kpi-chart .*"Huge" renders at 44\.0 px, over 1\.5 × the \d+ px body text/],
    ['phone-status', /\[phone-status\] status "Off target" of "Late" spans \d+-\d+ px, off the \d+ px screen/],
    ['phone-headline', /\[phone-headline\] the headline figure starts \d+ px down, below the first 667 px screen/],
    ['reflow-375', /\[reflow-375\] the page scrolls sideways: it is \d+px wide in a 375px viewport/],
    ['zoom-200', /\[zoom-200\] the page scrolls sideways: it is \d+px wide in a 640px viewport/],
    ['css-off', /\[css-off\] text only CSS shows, lost with CSS off: p\.gen::before/],
    ['target-from', /\[target-from\] 2019\/20 Q1 is red but had no target then/],
    ['print', /\[print\] the key ends \d+ px down, past the first printed page/],
    ['axe', /\[axe\] heading-order \(moderate\)/],
    ['axe', /\[axe\] tabindex \(serious\)/],
  ]) {
    assert.match(listing, pattern, `the ${check} check missed a planted problem:\n${out}`);
  }
  // A status the service set itself is its own, target or none.
  assert.doesNotMatch(listing, /\[target-from\] 2019\/20 Q2/, `target-from flagged a status the service set:\n${out}`);
});
