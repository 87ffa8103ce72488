// Search: loads the index through <script> tags (works from file://, no fetch) and shows results
// as you type. Tokenisation matches SearchTokenizer.swift (Tests/Fixtures/search-vectors.json).
(function () {
  "use strict";
  // The interface strings of the site's language (strings.js).
  var text = window.roadmapText || function (key) { return key; };
  var me = document.currentScript;
  var root = ((me && me.getAttribute("src")) || "assets/search.js").replace(/assets\/search\.js([?#].*)?$/, "");
  var shards = {}, pending = {};
  var api = window.__roadmapSearch = {
    add: function (data) { shards[data.shard] = data; },
    tokens: tokens, fold: fold, search: search, find: find, describe: describe, timings: [], loaded: []
  };

  // ---- Tokenisation -------------------------------------------------------------------------
  var CJK = [[0x1100, 0x11FF], [0x2E80, 0x2FDF], [0x3005, 0x3007], [0x3021, 0x3029], [0x3041, 0x309F],
    [0x30A0, 0x30FF], [0x3130, 0x318F], [0x31F0, 0x31FF], [0x3400, 0x4DBF], [0x4E00, 0x9FFF],
    [0xAC00, 0xD7AF], [0xF900, 0xFAFF], [0x20000, 0x3134F]];
  var WORD = /[\p{L}\p{N}\p{M}]/u;
  function isCJK(cp) {
    if (cp < 0x1100) return false;
    for (var i = 0; i < CJK.length; i++) if (cp >= CJK[i][0] && cp <= CJK[i][1]) return true;
    return false;
  }
  function fold(text) {
    return text.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "").normalize("NFKC").toLowerCase()
      .normalize("NFD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "").normalize("NFC");
  }
  function tokens(text) {
    var out = [], word = "", cjk = [];
    function flushWord() { if (word) { out.push(word); word = ""; } }
    function flushCJK() {
      if (cjk.length === 1) out.push(cjk[0]);
      for (var i = 0; i + 1 < cjk.length; i++) out.push(cjk[i] + cjk[i + 1]);
      cjk = [];
    }
    for (var ch of fold(text)) {
      if (isCJK(ch.codePointAt(0))) { flushWord(); cjk.push(ch); }
      else if (WORD.test(ch)) { flushCJK(); word += ch; }
      else { flushWord(); flushCJK(); }
    }
    flushWord(); flushCJK();
    return out;
  }

  // ---- Loading ------------------------------------------------------------------------------
  function load(name) {
    if (shards[name]) return Promise.resolve(shards[name]);
    if (pending[name]) return pending[name];
    return pending[name] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = root + (name === "index" ? "search-index.js" : "search/" + name + ".js");
      s.onload = function () {
        api.loaded.push(s.getAttribute("src"));
        shards[name] ? resolve(shards[name]) : reject(new Error("bad shard " + name));
      };
      s.onerror = function () { delete pending[name]; reject(new Error("cannot load " + s.src)); };
      document.head.appendChild(s);
    });
  }
  var chars = function (s) { return Array.from(s); };
  // The term shards a word needs: the one holding it, and for a prefix the ones below it.
  function shardsFor(index, word, prefix) {
    if (!index.sharded) return [];
    var keys = index.termShards, cp = chars(word), out = [];
    for (var n = Math.min(cp.length, 8); n >= 1; n--) {
      var key = cp.slice(0, n).join("");
      if (key in keys) { out.push("t" + keys[key]); break; }
    }
    // Shards below the word (kube → kubeflow, kubernetes split off) only from three letters on.
    if (prefix && cp.length >= 3) {
      var below = index.shardKeys || (index.shardKeys = Object.keys(keys).sort());
      for (var i = 0; i < below.length && out.length < 5; i++)
        if (below[i].length > word.length && below[i].indexOf(word) === 0) out.push("t" + keys[below[i]]);
    }
    return out;
  }

  // ---- Matching -----------------------------------------------------------------------------
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  // Terms a query word stands for, with how much a match through each counts.
  function expand(word, last, terms, names) {
    var out = new Map();
    function put(t, f) { if (terms[t] && !(out.get(t) >= f)) out.set(t, f); }
    put(word, 1);
    if (word.length >= 3) { put(word + "s", 0.9); put(word + "es", 0.9); if (/s$/.test(word)) put(word.slice(0, -1), 0.9); }
    var typo = word.length >= 5, completions = [], top = 1;
    if ((last && word.length >= 2) || typo) {
      for (var i = 0; i < names.length; i++) {
        var t = names[i];
        if (last && word.length >= 2 && t.length > word.length && t.indexOf(word) === 0) {
          completions.push(t);
          top = Math.max(top, terms[t][0]);
        } else if (typo && withinOneEdit(word, t)) put(t, 0.6);
      }
    }
    // A prefix stands mostly for its more frequent completions (kube → kubernetes before kubeflow).
    completions.forEach(function (t) { put(t, 0.85 * Math.pow(terms[t][0] / top, 0.3)); });
    return out;
  }
  // A list is written in document order as [gap, impact, …]; decoded to [doc, impact, …].
  function decode(list, out) {
    for (var i = 0, doc = 0; i < list.length; i += 2) { doc += list[i]; out.push(doc, list[i + 1]); }
    return out;
  }
  function postings(entry) {
    var list = decode(entry[1], []);
    if (entry[2]) for (var c = 0; c < entry[2].length && shards["p" + entry[2][c]]; c++) decode(shards["p" + entry[2][c]].postings, list);
    return list;
  }
  function nextChunk(entry) {
    if (!entry[2]) return null;
    for (var c = 0; c < entry[2].length; c++) if (!shards["p" + entry[2][c]]) return "p" + entry[2][c];
    return null;
  }

  // search(query, limit) → Promise of {words, results: [{doc, score, data}]}, the best `limit`.
  // search(query, limit, stale) → Promise of {words, results, matched}; `stale()` true means a newer
  // query came: nothing more is loaded for this one.
  function search(query, limit, stale) {
    return find(query, limit, stale).then(function (res) {
      return res.stale ? res : describe(res.results).then(function () { return res; });
    });
  }
  // find(query, limit, stale): the same, without the results' data (see describe). With limit
  // Infinity, every result: the postings of each word (and its plurals) are loaded in full.
  function find(query, limit, stale) {
    var words = tokens(query), lastPrefix = !/\s$/.test(query);
    if (!words.length) return Promise.resolve({ words: [], results: [], matched: new Set() });
    return load("index").then(function (index) {
      // Words such as "the" and "how" are dropped (the index lists them), unless being typed.
      var stop = new Set(index.stopWords || []);
      var kept = words.filter(function (w, i) { return !stop.has(w) || (i === words.length - 1 && lastPrefix); });
      if (kept.length) words = kept;
      var need = [];
      words.forEach(function (w, i) { need = need.concat(shardsFor(index, w, i === words.length - 1 && lastPrefix && w.length >= 2)); });
      return Promise.all(need.map(load)).then(function () { return run(index, words, lastPrefix, limit, 0, stale || function () { return false; }); });
    });
  }
  // Scores for a word found in a document's text rather than in a (truncated) posting list, on
  // the scale of the index's impacts: a word in the title of a place (a roadmap, a section, …)
  // adds 2,000, in the title of a resource or skill 1,000, and the BM25F part stays below 1,000
  // (SearchIndexWriter.ImpactModel).
  var TEXT = { title: 150, breadcrumb: 60, excerpt: 40 }, PLACE_TITLE = 2000, ENTRY_TITLE = 1000;
  function textScore(field, kind) {
    if (field !== "title") return TEXT[field];
    return TEXT.title + (kind === "resource" || kind === "skill" ? ENTRY_TITLE : PLACE_TITLE);
  }
  function run(index, words, lastPrefix, limit, round, stale) {
    var terms = {}, names;
    if (index.sharded) {
      for (var k in shards) if (k[0] === "t") Object.assign(terms, shards[k].terms);
    } else terms = index.terms;
    names = index.sharded ? Object.keys(terms) : (index.names || (index.names = Object.keys(index.terms)));
    var perWord = words.map(function (w, i) { return expand(w, lastPrefix && i === words.length - 1, terms, names); });
    // A word that matches nothing at all is dropped, unless nothing else is left.
    var live = perWord.filter(function (m) { return m.size > 0; });
    if (!live.length) return { words: words, results: [], matched: new Set() };
    var matched = new Set();
    live.forEach(function (m) { m.forEach(function (f, t) { matched.add(t); }); });
    var per = live.map(function (m) {
      // whole: the next chunks of the word's own terms (not its completions), for every result.
      var w = { terms: m, scores: new Map(), missing: [], whole: [], complete: true, df: 0 };
      m.forEach(function (factor, term) {
        var entry = terms[term], list = postings(entry), chunk = nextChunk(entry);
        w.df += entry[0];
        if (list.length / 2 < entry[0]) w.complete = false;
        if (chunk) w.missing.push(chunk);
        if (chunk && factor >= 0.9) w.whole.push(chunk);
        for (var i = 0; i < list.length; i += 2) {
          var s = list[i + 1] * factor;
          if (!(w.scores.get(list[i]) >= s)) w.scores.set(list[i], s);
        }
      });
      return w;
    });
    function again() { return stale() ? { words: words, results: [], matched: matched, stale: true } : run(index, words, lastPrefix, limit, round + 1, stale); }
    function finish(results) {
      results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      results = results.slice(0, limit);
      if (stale()) return { words: words, results: [], matched: matched, stale: true };
      return { words: words, results: results, matched: matched };
    }
    if (limit === Infinity && round < 3) {
      var whole = [];
      per.forEach(function (w) { whole = whole.concat(w.whole); });
      if (whole.length) return Promise.all(whole.slice(0, 12).map(load)).then(again);
    }
    var results = [];
    if (per.length === 1) {
      per[0].scores.forEach(function (s, doc) { results.push({ doc: doc, score: s }); });
      return finish(results);
    }
    // The most selective word: once all its postings are loaded, its documents are the candidates,
    // and a common word whose list was cut short is looked for in each candidate's text.
    var base = per.slice().sort(function (a, b) { return a.df - b.df; })[0];
    if (!base.complete && base.missing.length && round < 4 && base.df <= 4000) return Promise.all(base.missing.map(load)).then(again);
    if (base.complete) {
      var unsure = [];
      base.scores.forEach(function (s, doc) {
        var total = s, open = false;
        for (var i = 0; i < per.length; i++) {
          if (per[i] === base) continue;
          var t = per[i].scores.get(doc);
          if (t !== undefined) total += t;
          else if (per[i].complete) return;
          else open = true;
        }
        (open ? unsure : results).push({ doc: doc, score: total });
      });
      if (!unsure.length || results.length >= limit) return finish(results);
      unsure.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      unsure = unsure.slice(0, 512);
      var files = [];
      if (index.sharded) unsure.forEach(function (r) {
        var f = "d" + Math.floor(r.doc / index.documentsPerShard);
        if (files.indexOf(f) < 0 && files.length < 6) files.push(f);
      });
      if (stale()) return { words: words, results: [], matched: matched, stale: true };
      return Promise.all(files.map(load)).then(function () {
        unsure.forEach(function (r) {
          var d = data(index, r.doc);
          if (!d) return;
          var fields = { title: tokens(d.title), breadcrumb: tokens(d.breadcrumb), excerpt: tokens(d.excerpt) };
          for (var i = 0; i < per.length; i++) {
            if (per[i] === base || per[i].scores.has(r.doc)) { if (per[i] !== base) r.score += per[i].scores.get(r.doc); continue; }
            var best = 0;
            for (var f in fields) fields[f].forEach(function (t) { var x = per[i].terms.get(t); if (x && x * textScore(f, d.kind) > best) best = x * textScore(f, d.kind); });
            if (!best) return;
            r.score += best;
          }
          results.push(r);
        });
        return finish(results);
      });
    }
    // Every word is common: intersect the best postings, loading more while too few are found.
    var missing = [];
    per.forEach(function (w) { missing = missing.concat(w.missing); });
    var scored = per[0].scores;
    per.slice(1).forEach(function (w) {
      var both = new Map();
      scored.forEach(function (s, doc) { var t = w.scores.get(doc); if (t !== undefined) both.set(doc, s + t); });
      scored = both;
    });
    scored.forEach(function (s, doc) { results.push({ doc: doc, score: s }); });
    if (results.length < limit && missing.length && round < 2) return Promise.all(missing.slice(0, 4).map(load)).then(again);
    return finish(results);
  }
  // Documents come in parts, one per roadmap: [first, page, breadcrumbs, documents]; a document
  // is [kind, title, breadcrumb, excerpt, anchor] and, for a resource used in several places,
  // their number: an anchor made from the title is 1, or [prefix, suffix] around it
  // (SearchDocumentBatch.appendAnchor in Swift).
  function data(index, doc) {
    var file = index.sharded ? shards["d" + Math.floor(doc / index.documentsPerShard)] : index;
    if (!file) return null;
    var parts = file.parts, p = parts.length - 1;
    while (p > 0 && parts[p][0] > doc) p--;
    var part = parts[p], d = part && part[3][doc - part[0]], crumbs = part && part[2], trail = [];
    if (!d) return null;
    for (var c = d[2]; c >= 0; c = crumbs[c][0]) trail.unshift(crumbs[c][1]);
    var a = d[4], made = typeof a === "string" ? "" : d[1].toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
    var anchor = a === 1 ? made : Array.isArray(a) ? a[0] + made + a[1] : a;
    return { kind: index.kinds[d[0]], title: d[1], breadcrumb: trail.join(" › "), excerpt: d[3],
      url: part[1] + (anchor ? "#" + anchor : ""), uses: d[5] || 1 };
  }
  // Gives each result its data ({kind, title, breadcrumb, excerpt, url, uses}), loading the
  // document shards they are in.
  function describe(results) {
    return load("index").then(function (index) {
      var per = index.documentsPerShard;
      var need = index.sharded ? results.map(function (r) { return "d" + Math.floor(r.doc / per); }) : [];
      return Promise.all(need.map(load)).then(function () {
        results.forEach(function (r) { r.data = data(index, r.doc); });
      });
    });
  }
  // The index's roadmaps: [[first document, label], …] in document order (the site's resource
  // index is one of them); a roadmap's documents run up to the next one's first.
  function roadmaps(index) {
    return index.sharded ? load("roadmaps").then(function (s) { return s.roadmaps; }) : Promise.resolve(index.roadmaps || []);
  }
  function roadmapOf(table, doc) {
    var low = 0, high = table.length - 1;
    if (high < 0 || table[0][0] > doc) return -1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (table[middle][0] <= doc) low = middle; else high = middle - 1;
    }
    return low;
  }

  // ---- Showing results ----------------------------------------------------------------------
  // Appends text to el, each word whose tokens were matched inside <mark>; never as HTML.
  function highlight(el, text, matched, prefixes) {
    var re = /[\p{L}\p{N}\p{M}]+/gu, at = 0, m;
    while ((m = re.exec(text))) {
      var hit = tokens(m[0]).some(function (t) {
        return matched.has(t) || prefixes.some(function (p) { return t.indexOf(p) === 0; });
      });
      if (!hit) continue;
      if (m.index > at) el.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      at = m.index + m[0].length;
    }
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
  }
  function span(cls, text, outcome, withMarks) {
    var el = document.createElement("span");
    el.className = cls;
    if (withMarks) highlight(el, text, outcome.matched, outcome.prefixes); else el.textContent = text;
    return el;
  }
  function entry(r, outcome, full) {
    var a = document.createElement("a");
    a.href = root + r.data.url;
    a.appendChild(span("search-kind", text("kind-" + r.data.kind), outcome));
    a.appendChild(span("search-title", r.data.title, outcome, true));
    var crumb = r.data.breadcrumb, parts = crumb.split(" › ");
    // The dropdown shows the roadmap and the innermost level; search.html the whole trail.
    if (!full && parts.length > 3) crumb = parts[0] + " › … › " + parts[parts.length - 1];
    if (crumb) a.appendChild(span("search-crumb", crumb, outcome, true));
    if (r.data.uses > 1) a.appendChild(span("search-uses", text("used-in", { count: r.data.uses }), outcome));
    if (full && r.data.excerpt) a.appendChild(span("search-excerpt", r.data.excerpt, outcome, true));
    return a;
  }
  function outcomeOf(res) {
    res.matched = res.matched || new Set();
    res.prefixes = res.words.length ? [res.words[res.words.length - 1]] : [];
    return res;
  }

  function setup() {
    var form = document.querySelector("form.site-search");
    var input = form && form.querySelector("input[role=combobox]");
    var list = form && form.querySelector("[role=listbox]");
    if (!input || !list) return;
    var seq = 0, active = -1;
    form.setAttribute("action", root + "search.html");
    function options() { return list.querySelectorAll("[role=option]"); }
    function close() {
      list.hidden = true; input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant"); active = -1;
    }
    function select(i) {
      var opts = options();
      if (!opts.length) return;
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, n) { o.setAttribute("aria-selected", n === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }
    function update() {
      var q = input.value, mine = ++seq, started = performance.now();
      if (!q.trim()) { list.textContent = ""; close(); return; }
      search(q, 6, function () { return mine !== seq; }).then(function (res) {
        if (mine !== seq) return;
        outcomeOf(res);
        list.textContent = "";
        active = -1;
        input.removeAttribute("aria-activedescendant");
        res.results.forEach(function (r, i) {
          var li = document.createElement("li");
          li.setAttribute("role", "option");
          li.id = "site-search-option-" + i;
          li.setAttribute("aria-selected", "false");
          li.appendChild(entry(r, res, false));
          list.appendChild(li);
        });
        var more = document.createElement("li");
        more.className = "search-more";
        more.setAttribute("role", "option");
        more.id = "site-search-option-" + res.results.length;
        more.setAttribute("aria-selected", "false");
        var a = document.createElement("a");
        a.href = root + "search.html?q=" + encodeURIComponent(q);
        a.textContent = text(res.results.length ? "all-results" : "no-matches", { query: q });
        more.appendChild(a);
        list.appendChild(more);
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        api.timings.push(performance.now() - started);
      }, function (error) { if (window.console) console.warn(error.message); });
    }
    input.addEventListener("input", update);
    input.addEventListener("focus", function () { load("index").catch(function () {}); if (input.value.trim() && list.childNodes.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) update(); else select(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(active - 1); }
      else if (e.key === "Escape") { if (!list.hidden) close(); else { input.value = ""; input.blur(); } e.preventDefault(); }
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        var link = options()[active].querySelector("a");
        if (link) window.location.href = link.href;
      }
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) close(); });
    document.addEventListener("keydown", function (e) {
      var t = e.target, tag = t && t.tagName;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  // search.html?q=…: every result, PAGE_SIZE a page, filtered by roadmap; bookmarkable
  // (?q=…&in=roadmap&page=2).
  var PAGE_SIZE = 20;
  function setupPage() {
    var out = document.getElementById("search-results-full");
    var input = document.getElementById("search-page-input");
    if (!out || !input) return;
    var status = document.getElementById("search-status"), browse = document.getElementById("search-browse");
    var filter = document.getElementById("search-filter"), filterBox = document.getElementById("search-filter-box");
    var pager = document.getElementById("search-pager"), prev = document.getElementById("search-prev"),
      next = document.getElementById("search-next"), where = document.getElementById("search-page-number");
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "", page = Math.max(1, parseInt(params.get("page"), 10) || 1), within = params.get("in") || "";
    // found: the query's every result, each with its roadmap's number in `table`.
    var seq = 0, found = null, table = [];
    function remember() {
      var query = (q ? "?q=" + encodeURIComponent(q) : "") + (q && within ? "&in=" + encodeURIComponent(within) : "") +
        (q && page > 1 ? "&page=" + page : "");
      try { history.replaceState(null, "", "search.html" + query); } catch (e) { /* file:// may refuse */ }
    }
    function chosen() {
      return found.results.filter(function (r) { return !within || (r.roadmap >= 0 && table[r.roadmap][1] === within); });
    }
    // The filter: every roadmap with results, the one with the best result first.
    function fillFilter() {
      if (!filter) return;
      var counts = new Map();
      found.results.forEach(function (r) { if (r.roadmap >= 0) counts.set(table[r.roadmap][1], (counts.get(table[r.roadmap][1]) || 0) + 1); });
      if (within && !counts.has(within)) within = "";
      filter.textContent = "";
      var all = document.createElement("option");
      all.value = "";
      all.textContent = text("all-roadmaps", { count: found.results.length });
      filter.appendChild(all);
      counts.forEach(function (count, label) {
        var option = document.createElement("option");
        option.value = label;
        option.textContent = text("filter-option", { roadmap: label, count: count });
        filter.appendChild(option);
      });
      filter.value = within;
      if (filterBox) filterBox.hidden = counts.size < 2;
    }
    function render(focus) {
      var mine = seq, shown = chosen(), pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
      page = Math.min(page, pages);
      var slice = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      return describe(slice).then(function () {
        if (mine !== seq) return;
        out.textContent = "";
        out.start = (page - 1) * PAGE_SIZE + 1;
        slice.forEach(function (r) {
          var li = document.createElement("li");
          li.appendChild(entry(r, found, true));
          out.appendChild(li);
        });
        status.textContent = !shown.length ? text("no-results", { query: q })
          : text(within ? "results-in" : "results", { count: shown.length, query: q, roadmap: within });
        if (pager) {
          pager.hidden = pages < 2;
          prev.disabled = page <= 1;
          next.disabled = page >= pages;
          where.textContent = text("page", { page: page, pages: pages });
        }
        remember();
        if (focus && out.querySelector("a")) out.querySelector("a").focus();
      });
    }
    function show() {
      var mine = ++seq;
      browse.hidden = !!q.trim();
      if (!q.trim()) {
        out.textContent = ""; status.textContent = "";
        if (pager) pager.hidden = true;
        if (filterBox) filterBox.hidden = true;
        remember();
        return;
      }
      find(q, Infinity, function () { return mine !== seq; }).then(function (res) {
        if (mine !== seq) return;
        return load("index").then(roadmaps).then(function (t) {
          if (mine !== seq) return;
          table = t;
          res.results.forEach(function (r) { r.roadmap = roadmapOf(table, r.doc); });
          found = outcomeOf(res);
          fillFilter();
          return render(false);
        });
      }).catch(function (error) { status.textContent = text("search-failed", { error: error.message }); });
    }
    input.value = q;
    show();
    input.addEventListener("input", function () { q = input.value; page = 1; show(); });
    if (filter) filter.addEventListener("change", function () { within = filter.value; page = 1; if (found) render(false); });
    if (prev) prev.addEventListener("click", function () { if (found && page > 1) { page--; render(true); } });
    if (next) next.addEventListener("click", function () { if (found) { page++; render(true); } });
    var header = document.querySelector("form.site-search input[role=combobox]");
    if (header && q) header.value = q;
  }

  function start() { setup(); setupPage(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
