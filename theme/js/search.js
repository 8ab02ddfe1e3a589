// Search in the browser with the character-bigram index built by liangxiang/site/search.py.
// No word segmentation: a query is cut into the same bigrams (one character finds names), and
// a record matches when it holds all of them. The index's head (documents, titles' and numbers'
// postings) is fetched the first time the box is used; the texts' postings come in shards, each
// fetched when a query has a bigram in it (site/searchfiles.py). Every word shown comes from the
// form's data- attributes (the labels table).
(function () {
  var form = document.querySelector('form[data-search]');
  if (!form) return;
  var d = form.dataset;
  var input = form.querySelector('input[type="search"]');
  var list = document.getElementById(d.results);
  var status = document.getElementById(d.status);
  var KINDS = ['zone', 'member', 'story', 'page'];
  var index = null, loading = null, timer = 0;
  var excerpts = {}, excerptsAsked = {};  // file number -> its documents' words, or that it was asked for
  var shards = {}, shardsLoading = {};  // number -> its postings, or the fetch of them

  // as search.py's folded(): accents off (Seán as Sean), which keeps a text's length
  var ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  function norm(s) { return s.normalize('NFKD').replace(ACCENTS, '').normalize('NFKC').toLowerCase(); }
  // as search.py: a dot inside a transliterated name (阿卜杜拉·艾力) or an apostrophe inside a
  // word (O'Connor) does not cut it; 𠮷 is found as 吉, which everybody can type
  // (made by RegExp, not written as literals: an engine older than ES2018 (Chrome 64) knows no Unicode
  // property escapes and would refuse the whole script; it gets the letters of the scripts listed here)
  var LETTER = letterClass();
  var JOINED = new RegExp('(' + LETTER + ")['\u2018\u2019\u02bc`](?=" + LETTER + ')', 'gu');
  var RUN = new RegExp(LETTER + '+', 'gu');
  function letterClass() {
    try { new RegExp('\\p{L}', 'u'); return '[\\p{L}\\p{N}]'; } catch (e) {
      return '[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\\u{20000}-\\u{3ffff}]';
    }
  }
  function runs(s) {
    return norm(s).replace(/\u{20BB7}/gu, '\u5409').replace(JOINED, '$1')
      .replace(/(\S)[·・•‧](?=\S)/gu, '$1').match(RUN) || [];
  }
  function grams(q) {
    var out = {};
    runs(q).forEach(function (run) {
      var c = Array.from(run);
      if (c.length === 1) out[c[0]] = 1;
      for (var i = 0; i + 1 < c.length; i++) out[c[i] + c[i + 1]] = 1;
    });
    return Object.keys(out);
  }

  function fetched(name) {
    return fetch(new URL(name, new URL(d.index, location.href))).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function load() {
    if (!loading) {
      loading = fetched(d.index).then(function (data) { index = data; return data; }, function (err) {
        loading = null;
        throw err;
      });
    }
    return loading;
  }

  // as searchfiles.py's shard_of(): a 32-bit multiplicative hash of the gram's code points
  function shardOf(gram) {
    var h = 0;
    for (var i = 0; i < gram.length;) {
      var cp = gram.codePointAt(i);
      h = (Math.imul(h, 31) + cp) >>> 0;
      i += cp > 0xffff ? 2 : 1;
    }
    return h % index.shards.length;
  }
  function wanted(q) {
    var out = {};
    grams(q).forEach(function (g) { out[shardOf(g)] = 1; });
    return Object.keys(out).filter(function (n) { return !shards[n]; });
  }
  // the head, then the shards the query's grams are in
  function ready(q) {
    return load().then(function () {
      return Promise.all(wanted(q).map(function (n) {
        if (!shardsLoading[n]) {
          shardsLoading[n] = fetched(index.shards[n]).then(function (data) { shards[n] = data; }, function (err) {
            delete shardsLoading[n];
            throw err;
          });
        }
        return shardsLoading[n];
      }));
    });
  }
  // postings are written as the differences between them
  function summed(list) {
    var out = [], total = 0;
    for (var i = 0; i < list.length; i++) out.push(total += list[i]);
    return out;
  }
  // a gram's postings (document * 2, + 1 in its title): the title's from the head, the others' from its shard
  function postingsOf(g) {
    var title = index.t[g], other = (shards[shardOf(g)] || {})[g];
    if (!title && !other) return null;
    return summed(title || []).concat(summed(other || []));
  }

  // a number of three digits or more must be part of one number written ("#2723318" in the index):
  // its bigrams alone are found all over a site
  function numbers(q) { return runs(q).join(' ').match(/[0-9]{3,}/g) || []; }
  function within(number) {
    var best = {};  // doc -> its posting, in the title if any of its numbers is
    Object.keys(index.n).forEach(function (k) {
      if (k.indexOf(number) > 0) summed(index.n[k]).forEach(function (p) { best[p >> 1] = Math.max(best[p >> 1] || 0, p); });
    });
    var out = Object.keys(best).map(function (k) { return best[k]; });
    return out.length ? out : null;
  }

  function find(q) {
    var want = grams(q).concat(numbers(q)), scores = null;
    for (var i = 0; i < want.length; i++) {
      var postings = /^[0-9]{3,}$/.test(want[i]) ? within(want[i]) : postingsOf(want[i]);
      if (!postings) return [];
      var here = {};
      postings.forEach(function (p) { here[p >> 1] = (here[p >> 1] || 0) + (p & 1); });
      if (scores === null) { scores = here; continue; }
      Object.keys(scores).forEach(function (k) {
        if (k in here) scores[k] += here[k]; else delete scores[k];
      });
    }
    var plain = runs(q).join('');
    return Object.keys(scores || {}).map(function (k) {
      var doc = index.docs[k], title = runs(doc[1]).join('');
      var score = scores[k] + (title.indexOf(plain) === 0 ? 200 : title.indexOf(plain) > 0 ? 100 : 0);
      return { doc: doc, n: +k, score: score };
    }).sort(function (a, b) {
      // an archived zone or a former member (doc[4]) after the current ones
      return b.score - a.score || (a.doc[4] || 0) - (b.doc[4] || 0) || KINDS.indexOf(a.doc[0]) - KINDS.indexOf(b.doc[0]) ||
        a.doc[1].length - b.doc[1].length;
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // the words around what was typed in a found record's text (search.py's excerpts, in files of
  // consecutive records: searchfiles.py), so that a visitor sees why it was found. The files of
  // the results shown are fetched, each once; the results are drawn again as each arrives
  function excerptFile(n) {
    var starts = index.excerpt_starts || [], f = 0;
    while (f + 1 < starts.length && starts[f + 1] <= n) f++;
    return f;
  }
  function excerptOf(n) {
    var f = excerptFile(n), texts = excerpts[f];
    return texts ? texts[n - index.excerpt_starts[f]] : null;
  }
  function loadExcerpts(ns) {
    if (!index.excerpts || !index.excerpts.length) return;
    ns.map(excerptFile).forEach(function (f) {
      if (excerptsAsked[f]) return;
      excerptsAsked[f] = true;
      fetched(index.excerpts[f]).then(function (data) {
        excerpts[f] = data;
        if (input.value.trim() && !wanted(input.value).length) show(input.value);
      }, function () {});
    });
  }

  // text folded a character at a time (Seán as sean, … as ...), and where in text each folded unit came from
  function folding(text) {
    var low = '', from = [];
    for (var i = 0; i < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(i)), f = norm(ch);
      for (var k = 0; k < f.length; k++) from.push(i);
      low += f;
      i += ch.length;
    }
    from.push(text.length);
    return {low: low, from: from};
  }

  function around(text, q) {
    // found in the folded text, shown as written: Sean marks Seán, and a story's …… keeps its ，
    var folded = folding(text), low = folded.low, shown = text, at = -1, n = 0;
    var tries = [q.trim()].concat(runs(q).sort(function (a, b) { return b.length - a.length; }), grams(q));
    for (var i = 0; i < tries.length && at < 0; i++) {
      if (Array.from(tries[i]).length < 2 && tries.length > 1) continue;
      at = low.indexOf(norm(tries[i]));
      n = norm(tries[i]).length;
    }
    if (at < 0) return null;
    n = folded.from[at + n] - folded.from[at];
    at = folded.from[at];
    var start = Math.max(0, at - 14), end = Math.min(shown.length, at + n + 40);
    // begin after a pause or a field's end when one is near, and never inside a number or a word
    var pause = /[\s\u00b7\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f,;:!?]/, word = /[0-9A-Za-z]/;  // a space, a middle dot, Chinese and Latin pauses
    for (var p = start; p < at; p++) if (p > 0 && pause.test(shown.charAt(p - 1))) { start = p; break; }
    while (start < at && pause.test(shown.charAt(start))) start++;
    while (start > 0 && start < at && word.test(shown.charAt(start - 1)) && word.test(shown.charAt(start))) start++;
    while (end < shown.length && end > at + n && word.test(shown.charAt(end - 1)) && word.test(shown.charAt(end))) end--;
    if (/[\uDC00-\uDFFF]/.test(shown.charAt(start))) start--;  // never half an emoji
    if (/[\uD800-\uDBFF]/.test(shown.charAt(end - 1))) end++;
    var box = el('span', 'excerpt');
    box.appendChild(document.createTextNode((start > 0 ? '…' : '') + shown.slice(start, at)));
    box.appendChild(el('mark', '', shown.slice(at, at + n)));
    box.appendChild(document.createTextNode(shown.slice(at + n, end) + (end < shown.length ? '…' : '')));
    return box;
  }

  // the title with the typed words marked; built from text nodes, never from HTML
  // the title in the parts pages keep whole (lengths in doc[5]), the typed words marked
  function titled(title, q, parts) {
    var box = el('strong', 'title'), n = q.trim().length, at = -1, start = 0;
    if (n && norm(title).length === title.length) at = norm(title).indexOf(norm(q.trim()));
    (parts || [title.length]).forEach(function (length, i) {
      var host = parts ? el('span', 'nm') : box, end = start + length;
      [[start, Math.min(end, Math.max(start, at))], [Math.max(start, at), Math.min(end, at + n)], [Math.max(start, at + n), end]]
        .forEach(function (piece, k) {
          if (at < 0 && k) return;
          var text = title.slice(piece[0], at < 0 ? end : piece[1]);
          if (text) host.appendChild(k === 1 ? el('mark', '', text) : document.createTextNode(text));
        });
      if (parts) { if (i) box.appendChild(document.createElement('wbr')); box.appendChild(host); }
      start = end;
    });
    return box;
  }

  // results are shown PAGE at a time, a button under them shows the next (its text in data-more)
  var PAGE = 60, shownQuery = null, limit = PAGE;
  function show(q) {
    list.textContent = '';
    if (!grams(q).length) { status.textContent = ''; return; }
    if (q !== shownQuery) { shownQuery = q; limit = PAGE; }
    var found = find(q), base = new URL(d.root, location.href), words = runs(q).join('');
    // the words around a match: fetched only for results shown that were found outside their title (a name typed needs none)
    loadExcerpts(found.slice(0, limit).filter(function (r) { return runs(r.doc[1]).join('').indexOf(words) < 0; })
      .map(function (r) { return r.n; }));
    status.textContent = found.length ? d.count.replace('{n}', found.length) : d.none;
    found.slice(0, limit).forEach(function (r) {
      var li = el('li'), a = el('a', 'search-hit kind-' + r.doc[0]);
      a.href = new URL(r.doc[2], base).href;
      a.appendChild(el('span', 'kind', d['kind' + r.doc[0][0].toUpperCase() + r.doc[0].slice(1)]));
      a.appendChild(titled(r.doc[1], q, r.doc[5]));
      if (r.doc[3]) a.appendChild(el('span', 'meta', r.doc[3]));
      var title = runs(r.doc[1]).join('');
      var excerpt = title.indexOf(words) < 0 && excerptOf(r.n);
      if (excerpt) { excerpt = around(excerpt, q); if (excerpt) a.appendChild(excerpt); }
      li.appendChild(a);
      list.appendChild(li);
    });
    if (found.length > limit) {
      var more = el('li', 'search-more'), button = el('button', '', d.more.replace('{n}', Math.min(PAGE, found.length - limit)));
      button.type = 'button';
      button.addEventListener('click', function () {
        var first = limit;
        limit += PAGE;
        show(q);
        list.children[first].querySelector('a').focus();  // where the reader goes on from
      });
      more.appendChild(button);
      list.appendChild(more);
    }
  }

  function run() {
    var q = input.value;
    var url = new URL(location.href);
    if (q.trim()) url.searchParams.set('q', q); else url.searchParams.delete('q');
    history.replaceState(null, '', url.href);
    if (index && !wanted(q).length) return show(q);
    if (q.trim()) status.textContent = d.loading;
    ready(q).then(function () { if (input.value === q) show(q); }, function () { if (input.value === q) status.textContent = location.protocol === 'file:' ? d.failedOnDisk : d.failed; });
  }

  input.addEventListener('focus', function () { load().catch(function () {}); }, { once: true });
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  var start = new URL(location.href).searchParams.get('q');
  if (start) { input.value = start; run(); }
})();
