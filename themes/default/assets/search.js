// Find an indicator: turns the A to Z list of search/index.html into a
// filter as you type. Without JavaScript the page is the A to Z list and
// nothing is lost. The script reads search/index.json (built with the site:
// titles, codes, definitions and service names) from the site itself, makes
// no other request, and changes only the elements marked data-js: the
// search box, shown when the index has loaded, and the list of matches.
(function () {
  'use strict';
  var box = document.getElementById('search-box');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var az = document.getElementById('az');
  if (!box || !input || !status || !results || !az || !window.fetch) return;
  var list = results.querySelector('ol');

  // The words the script says, in the page's language: data-words on the
  // search box (the theme's i18n words search.js_none and search.js_found),
  // else English. A counted phrase has a form per plural category.
  var said = {
    none: 'No indicators found. Try fewer words, or browse the A to Z list by clearing the search.',
    found: { one: '{n} indicator found', other: '{n} indicators found' }
  };
  try {
    var given = JSON.parse(box.getAttribute('data-words') || 'null');
    if (given && given.none) said.none = given.none;
    if (given && given.found && given.found.other) said.found = given.found;
  } catch (e) { /* keep English */ }
  function counted(forms, n) {
    var form = 'other';
    try { form = new Intl.PluralRules(document.documentElement.lang || 'en').select(n); } catch (e) { /* other */ }
    return (forms[form] || forms.other).replace('{n}', String(n));
  }

  // Words as the index and the query are compared: lower case, no accents,
  // split on anything that is not a letter or digit, plurals made singular
  // (referrals/referral, libraries/library, cases/case).
  function words(s) {
    return String(s || '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      .split(/[^a-z0-9]+/).filter(Boolean);
  }
  function stem(w) {
    if (w.length > 4 && /ies$/.test(w)) return w.slice(0, -3) + 'y';
    if (w.length > 4 && /(sses|xes|zes|ches|shes)$/.test(w)) return w.slice(0, -2);
    if (w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
    return w;
  }
  function stems(s) { return words(s).map(stem); }
  var STOP = { a: 1, an: 1, and: 1, the: 1, of: 1, to: 1, 'in': 1, 'for': 1, on: 1, by: 1, 'with': 1, per: 1, from: 1, at: 1, or: 1, as: 1 };

  // How much a match in each field counts: a code or a title before a
  // service name, and a service name before a definition.
  var WEIGHT = { code: 8, name: 6, service: 3, definition: 1 };
  var entries = [];

  function build(index) {
    var items = {};
    var order = 0;
    az.querySelectorAll('li[data-id]').forEach(function (li) {
      items[li.getAttribute('data-id')] = { li: li, order: order++ };
    });
    index.indicators.forEach(function (ind) {
      var item = items[ind.id];
      if (!item) return;
      var codes = [];
      (ind.codes || []).forEach(function (c) {
        codes = codes.concat(stems(c));
        codes.push(words(c).join(''));
      });
      entries.push({
        li: item.li, order: item.order, retired: !!ind.retired,
        phrase: ' ' + words(ind.name + ' ' + (ind.title || '')).join(' ') + ' ',
        fields: {
          code: codes,
          name: stems(ind.name + ' ' + (ind.title || '')),
          service: stems(index.services[ind.service] || ''),
          definition: stems(ind.definition)
        }
      });
    });
  }

  // A term's best match in a field: 2 for the whole word, 1 for the start
  // of a word (so results appear while a word is still being typed).
  function match(term, tokens) {
    var best = 0;
    for (var i = 0; i < tokens.length && best < 2; i++) {
      if (tokens[i] === term) best = 2;
      else if (tokens[i].lastIndexOf(term, 0) === 0) best = 1;
    }
    return best;
  }

  function score(e, terms, phrase) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var best = 0;
      for (var f in WEIGHT) best = Math.max(best, WEIGHT[f] * match(terms[i], e.fields[f]));
      if (!best) return 0; // every word must match somewhere
      total += best;
    }
    if (phrase.length > 1 && e.phrase.indexOf(' ' + phrase) >= 0) total += 20; // the words as typed, in a title
    return total;
  }

  var timer = 0;
  function announce(text) {
    clearTimeout(timer);
    // Wait for a pause in typing, so a screen reader reads the count once.
    timer = setTimeout(function () { status.textContent = text; }, 500);
  }

  function update() {
    var q = input.value;
    var all = stems(q);
    var terms = all.filter(function (w) { return !STOP[w]; });
    if (!terms.length) terms = all;
    if (!terms.length) {
      results.hidden = true;
      az.hidden = false;
      list.textContent = '';
      announce('');
      return;
    }
    var phrase = words(q).join(' ');
    var found = [];
    entries.forEach(function (e) {
      var s = score(e, terms, phrase);
      if (s) found.push({ e: e, s: s });
    });
    found.sort(function (a, b) {
      return (b.s - a.s) || (a.e.retired - b.e.retired) || (a.e.order - b.e.order);
    });
    list.textContent = '';
    found.forEach(function (f) { list.appendChild(f.e.li.cloneNode(true)); });
    results.hidden = false;
    az.hidden = true;
    var n = found.length;
    announce(n === 0 ? said.none : counted(said.found, n));
  }

  fetch(box.getAttribute('data-index'), { credentials: 'same-origin' })
    .then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    })
    .then(function (index) {
      build(index);
      box.hidden = false;
      input.addEventListener('input', update);
      input.addEventListener('keydown', function (ev) {
        if (ev.key === 'Escape' && input.value) {
          input.value = '';
          update();
        }
      });
      var q = new URLSearchParams(location.search).get('q');
      if (q) {
        input.value = q;
        update();
      }
    })
    .catch(function () {
      // No index: the A to Z list is still there; the box stays hidden.
    });
})();
