// Checks of the search page (search/index.html, issue 15), run by run.mjs
// when the site has one:
//
//   - JavaScript off: the A to Z list links to every indicator page the
//     site has (public/indicators/*/index.html), current and retired;
//   - JavaScript on, from the keyboard only: Tab reaches the labelled search
//     box; typing a word that appears only in one indicator's definition
//     lists that indicator and the polite live region says how many were
//     found; the next Tab reaches the first result; Enter opens it;
//   - words in any order and a plural for a singular find the same
//     indicator; Escape clears the filter and brings back the A to Z list;
//   - axe-core finds nothing on the page while results are shown.
//
// Words are chosen from search/index.json, so the checks fit any site.

import fs from 'node:fs';
import path from 'node:path';

const words = (s) => String(s || '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);

// A word of one indicator's definition that is in no indicator's name,
// title, code or service, and in no other definition.
function definitionWord(index) {
  const count = new Map();
  const named = new Set();
  for (const e of index.indicators) {
    for (const w of new Set(words(e.definition))) count.set(w, (count.get(w) || 0) + 1);
    for (const w of words([e.name, e.title, ...(e.codes || []), index.services[e.service]].join(' '))) named.add(w);
  }
  for (const e of index.indicators) {
    for (const w of words(e.definition)) {
      // Long enough, and no other word starts with it (the filter matches
      // the start of words while one is being typed).
      if (w.length < 7 || /\d/.test(w) || named.has(w) || count.get(w) !== 1 || /s$/.test(w)) continue;
      const prefixOfOther = [...count.keys(), ...named].some((o) => o !== w && o.startsWith(w));
      if (!prefixOfOther) return { entry: e, word: w };
    }
  }
  return null;
}

// An indicator whose name has two words or more, one of them singular:
// its name typed backwards, with that word made plural (library becomes
// libraries), which only a filter that knows plurals can match.
function reorderedPlural(index) {
  for (const e of index.indicators) {
    const ws = words(e.name);
    const i = ws.findIndex((w) => w.length > 3 && /^[a-z]+$/.test(w) && !/s$/.test(w));
    if (ws.length < 2 || i < 0) continue;
    const typed = [...ws];
    const w = typed[i];
    typed[i] = /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : /(x|z|ch|sh)$/.test(w) ? w + 'es' : w + 's';
    return { entry: e, query: typed.reverse().join(' ') };
  }
  return null;
}

export async function checkSearch({ browser, open, p, publicDir, runAxe, add, note }) {
  const index = JSON.parse(fs.readFileSync(path.join(publicDir, 'search', 'index.json'), 'utf8'));
  const indicatorsDir = path.join(publicDir, 'indicators');
  const all = fs.readdirSync(indicatorsDir).filter((d) => fs.existsSync(path.join(indicatorsDir, d, 'index.html'))).sort();

  // JavaScript off: every indicator is listed.
  note(p, 'search-no-js');
  const noJS = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
  try {
    const page = await open(noJS, p);
    const listed = await page.evaluate(() => {
      const box = document.getElementById('search-box');
      return {
        ids: [...document.querySelectorAll('#az a[href*="indicators/"]')].map((a) => new URL(a.href).pathname.split('/').filter(Boolean).pop()),
        boxShown: !!box && !box.hidden && box.getClientRects().length > 0,
      };
    });
    const got = new Set(listed.ids);
    const missing = all.filter((id) => !got.has(id));
    if (missing.length) add(p, 'search-no-js', `with JavaScript off, the A to Z list does not link to ${missing.length} of ${all.length} indicators: ${missing.slice(0, 5).join(', ')}`);
    if (got.size !== all.length) add(p, 'search-no-js', `with JavaScript off, the A to Z list has ${got.size} indicators; the site has ${all.length}`);
    if (listed.boxShown) add(p, 'search-no-js', 'with JavaScript off, the search box is shown, but it cannot work');
    await page.close();
  } finally {
    await noJS.close();
  }

  // JavaScript on, from the keyboard.
  note(p, 'search');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await open(ctx, p);
    await page.waitForFunction(() => !document.getElementById('search-box').hidden, null, { timeout: 10_000 })
      .catch(() => add(p, 'search', 'the search box did not appear with JavaScript on (did search/index.json load?)'));
    const label = await page.evaluate(() => {
      const input = document.getElementById('search-input');
      const status = document.getElementById('search-status');
      return {
        label: input && input.labels && input.labels[0] ? input.labels[0].textContent.trim() : '',
        live: status ? (status.getAttribute('role') === 'status' || status.getAttribute('aria-live') === 'polite') : false,
      };
    });
    if (!label.label) add(p, 'search', 'the search box has no <label>');
    if (!label.live) add(p, 'search', 'the result count is not in a polite live region (role="status")');

    // Tab from the top of the page until the search box has focus.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement && document.activeElement.id === 'search-input');
    }
    if (!reached) {
      add(p, 'search', 'Tab never reaches the search box');
      return;
    }
    const status = async () => page.evaluate(() => document.getElementById('search-status').textContent.trim());
    const resultIDs = async () => page.evaluate(() => [...document.querySelectorAll('#search-results li[data-id]')].map((li) => li.getAttribute('data-id')));
    const waitStatus = async (re) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById('search-status').textContent), re.source, { timeout: 10_000 })
      .then(() => true, () => false);

    const pick = definitionWord(index);
    if (!pick) add(p, 'search', 'no word of a definition is unique to it: cannot test searching definitions');
    else {
      await page.keyboard.type(pick.word, { delay: 20 });
      if (!(await waitStatus(/^\d+ indicators? found$/))) add(p, 'search', `typing "${pick.word}": the live region never said how many indicators were found (it says ${JSON.stringify(await status())})`);
      const ids = await resultIDs();
      if (ids[0] !== pick.entry.id) add(p, 'search', `typing "${pick.word}" (a word of the definition of ${pick.entry.id}) lists ${JSON.stringify(ids.slice(0, 5))}, not ${pick.entry.id} first`);
      if (!/^1 indicator found$/.test(await status()) && ids.length === 1) add(p, 'search', `one result but the live region says ${JSON.stringify(await status())}`);
      const azHidden = await page.evaluate(() => document.getElementById('az').hidden);
      if (!azHidden) add(p, 'search', 'while filtering, the A to Z list is still shown under the results');

      await runAxe(page, p, 'search-axe');

      // The next Tab reaches the first result; Enter opens it.
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const a = document.activeElement;
        return a && a.tagName === 'A' && a.closest('#search-results') ? a.getAttribute('href') : `${a && a.tagName} ${a && a.id}`;
      });
      if (!String(focused).includes(`indicators/${pick.entry.id}/`)) add(p, 'search', `after typing, Tab focuses ${focused}, not the first result (${pick.entry.id})`);
      else {
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
        if (!page.url().includes(`/indicators/${pick.entry.id}/`)) add(p, 'search', `Enter on the first result opened ${page.url()}`);
        await page.goBack({ waitUntil: 'load' });
        await page.waitForFunction(() => !document.getElementById('search-box').hidden, null, { timeout: 10_000 }).catch(() => {});
      }
    }

    // Words in any order, plural or singular; then Escape clears.
    const rp = reorderedPlural(index);
    if (rp) {
      await page.focus('#search-input');
      await page.fill('#search-input', '');
      await page.keyboard.type(rp.query, { delay: 10 });
      await waitStatus(/found/);
      const ids = await resultIDs();
      if (!ids.includes(rp.entry.id)) add(p, 'search', `typing "${rp.query}" (the words of "${rp.entry.name}" in another order, one made plural) does not find ${rp.entry.id}: ${JSON.stringify(ids.slice(0, 5))}`);
      else if (ids[0] !== rp.entry.id) add(p, 'search', `typing "${rp.query}" lists ${ids[0]} before ${rp.entry.id}, whose name has those words`);
      await page.keyboard.press('Escape');
      const cleared = await page.evaluate(() => ({
        value: document.getElementById('search-input').value,
        az: !document.getElementById('az').hidden,
        results: !document.getElementById('search-results').hidden,
        focus: document.activeElement && document.activeElement.id,
      }));
      if (cleared.value || !cleared.az || cleared.results) add(p, 'search', `Escape did not clear the filter: ${JSON.stringify(cleared)}`);
      if (cleared.focus !== 'search-input') add(p, 'search', `after Escape, focus is on ${cleared.focus}, not the search box`);
    }

    // Nothing found: said in words.
    await page.fill('#search-input', 'zzqxv');
    if (!(await waitStatus(/^No indicators found/))) add(p, 'search', `no match: the live region says ${JSON.stringify(await status())}`);
    await page.close();
  } finally {
    await ctx.close();
  }
}
