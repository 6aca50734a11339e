// Checks that run inside the page (passed to page.evaluate, so each function
// must be self-contained: no closures over this module). Each returns a list
// of { check, msg } findings; an empty list is a pass.

/** Structure, keyboard basics, no-JS, tables and flag keys: all from the DOM. */
export function staticChecks() {
  const out = [];
  const f = (check, msg) => out.push({ check, msg });
  const txt = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
  const short = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = (el.getAttribute('class') || '').trim();
    if (cls) s += '.' + cls.split(/\s+/).join('.');
    const t = txt(el).slice(0, 50);
    return t ? `${s} "${t}"` : s;
  };
  const accName = (el) => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const byIds = ids.map((id) => document.getElementById(id)).filter(Boolean).map(txt).join(' ').trim();
    return byIds || (el.getAttribute('aria-label') || '').trim();
  };

  // Document basics.
  if (!document.documentElement.getAttribute('lang')) f('document', '<html> has no lang');
  if (!document.title.trim()) f('document', 'empty <title>');

  // No JavaScript: so the page is the same with JavaScript off.
  // A data block (<script type="application/ld+json">) is not a script.
  const dataBlock = (s) => {
    const type = (s.getAttribute('type') || '').trim().toLowerCase();
    return type !== '' && type !== 'module' && !/^(text|application)\/(x-)?(java|ecma)script$/.test(type) && type !== 'text/jscript';
  };
  // An enhancement is allowed: a deferred script file of the site's own
  // assets/ that changes only elements marked data-js (the search box);
  // the JavaScript-off check proves the rest of the page is the same.
  const enhancement = (s) => {
    if (!s.src || !s.defer) return false;
    const u = new URL(s.src, location.href);
    return u.origin === location.origin && /\/assets\/[^/]+\.js$/.test(u.pathname);
  };
  const scripts = [...document.querySelectorAll('script')].filter((s) => !dataBlock(s) && !enhancement(s));
  if (scripts.length) f('no-js', `${scripts.length} <script> elements: pages must not need or use JavaScript`);
  const noscripts = document.querySelectorAll('noscript');
  if (noscripts.length) f('no-js', `${noscripts.length} <noscript> elements: there should be nothing for them to replace`);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) f('no-js', `${short(el)} has an event handler attribute ${a.name}`);
      if ((a.name === 'href' || a.name === 'src') && /^\s*javascript:/i.test(a.value)) f('no-js', `${short(el)} has a javascript: URL`);
    }
  }

  // Landmarks, in a logical order.
  const mains = document.querySelectorAll('main');
  if (mains.length !== 1) f('structure', `${mains.length} <main> elements, want 1`);
  const main = mains[0];
  if (main && !main.id) f('structure', '<main> has no id for the skip link to target');
  const header = document.querySelector('body > header');
  const footer = document.querySelector('body > footer');
  if (!header) f('structure', 'no <header> landmark at the top of <body>');
  if (!footer) f('structure', 'no <footer> landmark in <body>');
  const before = (a, b) => a && b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (header && main && !before(header, main)) f('structure', '<header> does not come before <main>');
  if (main && footer && !before(main, footer)) f('structure', '<main> does not come before <footer>');
  if (main && txt(main).length < 20) f('structure', '<main> has (almost) no text');

  // Headings: h1 first, one h1, inside main, no skipped level going down.
  const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const h1s = hs.filter((h) => h.tagName === 'H1');
  if (!hs.length) f('headings', 'no headings');
  else if (hs[0].tagName !== 'H1') f('headings', `the first heading is ${short(hs[0])}, not an <h1>`);
  if (h1s.length !== 1) f('headings', `${h1s.length} <h1> elements, want 1`);
  if (h1s[0] && main && !main.contains(h1s[0])) f('headings', 'the <h1> is not inside <main>');
  for (let i = 1; i < hs.length; i++) {
    const a = +hs[i - 1].tagName[1];
    const b = +hs[i].tagName[1];
    if (b > a + 1) f('headings', `heading level skipped: h${a} ${JSON.stringify(txt(hs[i - 1]).slice(0, 40))} is followed by ${short(hs[i])}`);
  }
  for (const h of hs) if (!txt(h)) f('headings', `empty ${h.tagName.toLowerCase()}`);

  // Keyboard: no positive tabindex; the first focusable element is a skip link to main.
  for (const el of document.querySelectorAll('[tabindex]')) {
    if (parseInt(el.getAttribute('tabindex'), 10) > 0) f('keyboard', `${short(el)} has tabindex=${el.getAttribute('tabindex')}: positive tabindex breaks the tab order`);
  }
  const focusable = [...document.querySelectorAll('a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]')]
    .filter((el) => !el.disabled && el.getAttribute('tabindex') !== '-1' && !(el.tagName === 'INPUT' && el.type === 'hidden'));
  const first = focusable[0];
  if (!first) f('keyboard', 'nothing on the page can be focused');
  else {
    const href = first.getAttribute('href') || '';
    const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
    if (first.tagName !== 'A' || !target || !(target === main || (main && (main.contains(target) || target.contains(main))))) {
      f('keyboard', `the first focusable element is ${short(first)}, not a skip link to <main>`);
    } else if (!/skip|neidio/i.test(txt(first))) { // English, Welsh
      f('keyboard', `the skip link's text ${JSON.stringify(txt(first))} does not say what it does`);
    }
  }

  // Tables.
  const tables = [...document.querySelectorAll('table')];
  const flagCodes = new Set();
  for (const [i, t] of tables.entries()) {
    const name = `table ${i + 1}${t.caption ? ` "${txt(t.caption).slice(0, 60)}"` : ''}`;
    if (!t.caption || !txt(t.caption)) f('tables', `${name} has no <caption>`);
    for (const th of t.querySelectorAll('th')) {
      const scope = (th.getAttribute('scope') || '').toLowerCase();
      if (!['col', 'row', 'colgroup', 'rowgroup'].includes(scope)) f('tables', `${name}: ${short(th)} has no valid scope (scope="${th.getAttribute('scope') ?? ''}")`);
    }
    if (!t.tHead) f('tables', `${name} has no <thead>`);
    // Numeric cells right-aligned; numeric columns' headers too.
    const numCols = new Set();
    for (const row of t.tBodies.length ? [...t.tBodies].flatMap((b) => [...b.rows]) : [...t.rows]) {
      for (const [c, cell] of [...row.cells].entries()) {
        const text = txt(cell).replace(/\s*\[[a-z]\]\s*/g, '').trim();
        const numeric = /^[-−+]?[£$€]?\d[\d,]*(\.\d+)?%?$/.test(text) && !/^\d{4}$/.test(text);
        const align = getComputedStyle(cell).textAlign;
        const right = align === 'right' || align === 'end';
        if (cell.classList.contains('num')) numCols.add(c);
        if (cell.classList.contains('num') && !right) f('tables', `${name}: ${short(cell)} has class num but text-align: ${align}`);
        if (numeric && cell.tagName === 'TD' && !right) f('tables', `${name}: numeric cell ${short(cell)} is not right-aligned (add class num)`);
      }
    }
    const headRow = t.tHead && t.tHead.rows[t.tHead.rows.length - 1];
    if (headRow) {
      for (const c of numCols) {
        const th = headRow.cells[c];
        if (!th) continue;
        const align = getComputedStyle(th).textAlign;
        if (align !== 'right' && align !== 'end') f('tables', `${name}: header ${short(th)} of a numeric column is not right-aligned (add class num)`);
      }
    }
    for (const cell of t.querySelectorAll('td, th')) {
      for (const m of txt(cell).matchAll(/\[([a-z])\]/g)) flagCodes.add(m[1]);
    }
    // A table in a sideways-scrolling box: the box must be a labelled, focusable region.
    for (let el = t.parentElement; el && el !== document.body; el = el.parentElement) {
      const ox = getComputedStyle(el).overflowX;
      if (ox === 'auto' || ox === 'scroll') {
        if (el.getAttribute('role') !== 'region' && el.tagName !== 'SECTION') f('tables', `${name}: its scrolling box ${short(el)} is not role="region"`);
        if (!accName(el)) f('tables', `${name}: its scrolling box ${short(el)} has no accessible name (aria-labelledby the caption)`);
        if (el.getAttribute('tabindex') !== '0') f('tables', `${name}: its scrolling box ${short(el)} is not focusable (tabindex="0"), so keyboard users cannot scroll it`);
        break;
      }
    }
  }
  // GSS shorthand: any [x] in a table needs a key on the page listing it: an
  // element of class flag-key, or a table that is itself a key (every row
  // starts with a code, as in "| [p] | Provisional |").
  if (flagCodes.size) {
    const keyTables = tables.filter((t) => {
      const rows = [...t.tBodies].flatMap((b) => [...b.rows]);
      return rows.length > 0 && rows.every((r) => r.cells.length >= 2 && /^\[[a-z]\]$/.test(txt(r.cells[0])));
    });
    const keys = [...document.querySelectorAll('.flag-key'), ...keyTables];
    const keyText = keys.map(txt).join(' ');
    if (!keys.length) f('tables', `shorthand ${[...flagCodes].map((c) => `[${c}]`).join(' ')} is used in a table but the page has no key (class flag-key)`);
    else for (const c of flagCodes) if (!keyText.includes(`[${c}]`)) f('tables', `shorthand [${c}] is used in a table but the key (class flag-key) does not list it`);
  }
  return out;
}

/**
 * Reflow: at the current viewport width, the page must not scroll sideways,
 * no content may stick out past the right edge, and anything that scrolls
 * sideways must be a labelled, focusable region (the table wrappers).
 */
export function reflowChecks(label) {
  const out = [];
  const f = (msg) => out.push({ check: label, msg });
  const txt = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
  const short = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = (el.getAttribute('class') || '').trim();
    if (cls) s += '.' + cls.split(/\s+/).join('.');
    const t = txt(el).slice(0, 40);
    return t ? `${s} "${t}"` : s;
  };
  const de = document.documentElement;
  const vw = de.clientWidth;
  if (de.scrollWidth > vw) f(`the page scrolls sideways: it is ${de.scrollWidth}px wide in a ${vw}px viewport`);
  const scrolls = (el) => {
    const ox = getComputedStyle(el).overflowX;
    return ox !== 'visible';
  };
  // Whether a box that clips or scrolls contains el, so el cannot widen the
  // page. An absolutely positioned element escapes every box up to its
  // containing block (its nearest positioned ancestor): a visually-hidden
  // span in a scrolling table still widens the page unless the table's
  // wrapper is positioned.
  const clippedByAncestor = (node) => {
    if (node.nodeType !== 1) {
      const parent = node.parentElement;
      if (!parent || parent === document.body) return false;
      return scrolls(parent) || clippedByAncestor(parent);
    }
    for (let n = node; n && n !== document.body && n !== de;) {
      const pos = getComputedStyle(n).position;
      if (pos === 'fixed') return false;
      let a = n.parentElement;
      if (pos === 'absolute') while (a && a !== document.body && a !== de && getComputedStyle(a).position === 'static') a = a.parentElement;
      if (!a || a === document.body || a === de) return false;
      if (scrolls(a)) return true;
      n = a;
    }
    return false;
  };
  const offenders = [];
  const reach = new Map();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right < 0) continue; // hidden, or parked off-screen (the skip link)
    if (r.right <= vw + 1) continue;
    if (clippedByAncestor(el)) continue;
    if (offenders.some((o) => o.contains(el))) continue;
    offenders.push(el);
    reach.set(el, r.right);
  }
  // Text that sticks out of its box (a long word or address that cannot wrap).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim() || !n.parentElement) continue;
    const el = n.parentElement;
    if (offenders.some((o) => o.contains(el)) || clippedByAncestor(n) || el.closest('svg')) continue;
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.right < 0 || r.right <= vw + 1) continue;
    offenders.push(el);
    reach.set(el, r.right);
  }
  for (const el of offenders.slice(0, 8)) {
    f(`${short(el)} reaches ${Math.round(reach.get(el))}px, past the ${vw}px viewport`);
  }
  if (offenders.length > 8) f(`… and ${offenders.length - 8} more elements past the viewport`);
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    const sideways = el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1;
    if (!sideways) continue;
    if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') {
      const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
      const name = ids.map((id) => document.getElementById(id)).filter(Boolean).map(txt).join(' ') || el.getAttribute('aria-label');
      if (el.getAttribute('role') !== 'region' || !name || el.getAttribute('tabindex') !== '0') {
        f(`${short(el)} scrolls sideways but is not a labelled, focusable region (role="region", aria-labelledby, tabindex="0")`);
      }
    } else if ((cs.overflowX === 'hidden' || cs.overflowX === 'clip') && el.clientHeight > 1 && !el.closest('svg')) {
      f(`${short(el)} cuts off ${el.scrollWidth - el.clientWidth}px of its content (overflow-x: ${cs.overflowX})`);
    }
  }
  return out;
}

/**
 * Marks every element a keyboard user can tab to, in DOM order, and records
 * its style before it has focus. Returns how many there are.
 */
export function markTabbables() {
  const sel = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]';
  const els = [...document.querySelectorAll(sel)].filter((el) => {
    if (el.disabled || el.getAttribute('tabindex') === '-1') return false;
    if (el.tagName === 'INPUT' && el.type === 'hidden') return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none' && el.getClientRects().length > 0;
  });
  window.__kpiTab = els.map((el, i) => {
    el.setAttribute('data-kpi-tab', String(i));
    return focusStyle(el);
  });
  function focusStyle(el) {
    const cs = getComputedStyle(el);
    return {
      outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !/rgba\(.*,\s*0\)|transparent/.test(cs.outlineColor)
        ? `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` : 'none',
      boxShadow: cs.boxShadow,
      background: cs.backgroundColor,
      color: cs.color,
      border: `${cs.borderTopColor} ${cs.borderTopWidth}`,
    };
  }
  window.__kpiFocusStyle = focusStyle;
  return els.length;
}

/**
 * What has focus now: its tab index (from markTabbables), a description,
 * whether its focused style differs visibly from its unfocused style, and
 * whether it is inside the viewport.
 */
export function focusedNow() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { idx: -1, what: 'body' };
  const idx = el.hasAttribute('data-kpi-tab') ? +el.getAttribute('data-kpi-tab') : -2;
  const txt = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const what = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\s+/).join('.') : ''}${txt ? ` "${txt}"` : ''}`;
  let visible = true;
  let changed = [];
  if (idx >= 0) {
    const before = window.__kpiTab[idx];
    const now = window.__kpiFocusStyle(el);
    changed = Object.keys(now).filter((k) => now[k] !== before[k] && !(k === 'boxShadow' && now[k] === 'none'));
    if (now.outline !== 'none' && !changed.includes('outline')) changed.push('outline');
  }
  const r = el.getBoundingClientRect();
  visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.left < innerWidth && r.top < innerHeight;
  return { idx, what, changed, visible, inMain: !!el.closest('main') };
}

/** CSS off: turn off every style sheet and style attribute. */
export function cssOff() {
  for (const s of document.styleSheets) s.disabled = true;
  for (const el of document.querySelectorAll('[style]')) el.removeAttribute('style');
  return document.styleSheets.length;
}

/** With CSS off: the page still reads in a logical order. */
export function cssOffChecks() {
  const out = [];
  const f = (msg) => out.push({ check: 'css-off', msg });
  const main = document.querySelector('main');
  const header = document.querySelector('body > header');
  const footer = document.querySelector('body > footer');
  const h1 = document.querySelector('h1');
  if (!main) return [{ check: 'css-off', msg: 'no <main>' }];
  const mr = main.getBoundingClientRect();
  if (mr.height < 10) f('<main> is not shown with CSS off');
  if (header && header.getBoundingClientRect().top > mr.top) f('the header is shown below the main content with CSS off');
  if (footer && footer.getBoundingClientRect().top < mr.bottom - 1) f('the footer is shown above the end of the main content with CSS off');
  if (!h1 || h1.getBoundingClientRect().height === 0) f('no visible <h1> with CSS off');
  const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.getBoundingClientRect().height > 0);
  if (hs.length && hs[0].tagName !== 'H1') f(`the first heading shown is ${hs[0].tagName.toLowerCase()}, not h1`);
  for (let i = 1; i < hs.length; i++) {
    if (hs[i].getBoundingClientRect().top < hs[i - 1].getBoundingClientRect().top) f(`heading "${hs[i].textContent.trim().slice(0, 40)}" is shown above the heading before it`);
  }
  const skip = document.querySelector('a[href="#main"], a[href="#' + main.id + '"]');
  if (skip && skip.getBoundingClientRect().top > mr.top) f('the skip link is shown after the main content');
  return out;
}

/**
 * With CSS on: no words that only CSS shows (::before/::after content with
 * letters or digits), since they vanish with CSS off and many screen readers
 * treat them inconsistently. Symbols such as the breadcrumbs' "›" are fine.
 */
export function cssGeneratedText() {
  const out = [];
  const seen = new Set();
  for (const el of document.querySelectorAll('body, body *')) {
    for (const pseudo of ['::before', '::after']) {
      const c = getComputedStyle(el, pseudo).content;
      if (!c || c === 'none' || c === 'normal') continue;
      const strings = [...c.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
      if (/[\p{L}\p{N}]/u.test(strings) && !seen.has(strings)) {
        seen.add(strings);
        const cls = (el.getAttribute('class') || '').trim();
        out.push({ check: 'css-off', msg: `text only CSS shows, lost with CSS off: ${el.tagName.toLowerCase()}${cls ? '.' + cls.split(/\s+/).join('.') : ''}${pseudo} { content: ${c} }` });
      }
    }
  }
  return out;
}

/**
 * The page as HTML without the elements a script may change (data-js):
 * with JavaScript off, everything else must be the same.
 */
export function contentDOM() {
  const root = document.documentElement.cloneNode(true);
  for (const el of root.querySelectorAll('[data-js]')) el.remove();
  return root.outerHTML;
}

/**
 * Chart text: every chart text shown renders at 12 px or more and at no
 * more than 1.5 times the body text (rendered size = its font size in the
 * SVG's units × the SVG's scale, its width on screen over its viewBox's).
 */
export function chartTextChecks(label) {
  const out = [];
  const f = (msg) => out.push({ check: label, msg });
  const body = parseFloat(getComputedStyle(document.body).fontSize);
  for (const svg of document.querySelectorAll('svg.kpi-chart')) {
    const r = svg.getBoundingClientRect();
    const vb = svg.viewBox && svg.viewBox.baseVal;
    if (!r.width || !vb || !vb.width) continue; // not shown at this width
    const scale = r.width / vb.width;
    let lo = Infinity;
    let hi = 0;
    let loText = '';
    let hiText = '';
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < lo) [lo, loText] = [px, t.textContent];
      if (px > hi) [hi, hiText] = [px, t.textContent];
    }
    const name = (svg.getAttribute('class') || '') + ' ' + (svg.getAttribute('aria-labelledby') || '').split(' ')[0];
    if (lo < 12) f(`${name}: "${loText}" renders at ${lo.toFixed(1)} px, under 12 px`);
    if (hi > 1.5 * body) f(`${name}: "${hiText}" renders at ${hi.toFixed(1)} px, over 1.5 × the ${body} px body text`);
  }
  return out;
}

/**
 * On a phone (375 × 667): every scorecard status is on screen, within the
 * viewport's width; an indicator page's headline figure (a retired one's
 * notice) starts on the first screen.
 */
export function phoneChecks() {
  const out = [];
  const f = (check, msg) => out.push({ check, msg });
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  for (const s of document.querySelectorAll('table.scorecard td .status')) {
    const r = s.getBoundingClientRect();
    if (!r.width) continue;
    if (r.left < 0 || r.right > vw + 0.5) {
      const row = s.closest('tr')?.querySelector('th')?.textContent.replace(/\s+/g, ' ').trim() || '';
      f('phone-status', `status "${s.textContent.trim()}" of "${row.slice(0, 50)}" spans ${Math.round(r.left)}-${Math.round(r.right)} px, off the ${vw} px screen`);
    }
  }
  // A retired indicator's page leads with what happened to it: there the
  // notice, not the last figure, must start on the first screen.
  const retired = document.querySelector('.retired-notice');
  const lead = retired || document.querySelector('.headline-figure');
  if (lead) {
    const what = retired ? 'retired notice' : 'headline figure';
    const top = lead.getBoundingClientRect().top + window.scrollY;
    if (top >= vh) f('phone-headline', `the ${what} starts ${Math.round(top)} px down, below the first ${vh} px screen`);
  }
  return out;
}

/**
 * An indicator page's data.json (the figures the page shows): no period
 * before its target's `from` (target null) has a green, amber or red status
 * that kpisite worked out. A status the service set itself is its own.
 * Resolves to { applies, out }: applies is false on pages with no data.json.
 */
export async function targetFromChecks() {
  const out = [];
  const link = document.querySelector('a[href="data.json"]');
  if (!link) return { applies: false, out };
  let doc;
  try {
    doc = await (await fetch(link.href)).json();
  } catch (e) {
    out.push({ check: 'target-from', msg: `data.json cannot be read: ${e.message}` });
    return { applies: true, out };
  }
  for (const p of doc.periods || []) {
    if (p.target === null && ['green', 'amber', 'red'].includes(p.status) && p.status_source !== 'service') {
      out.push({ check: 'target-from', msg: `${p.period} is ${p.status} but had no target then (before the target's from)` });
    }
  }
  return { applies: true, out };
}
