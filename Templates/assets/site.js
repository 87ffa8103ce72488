// Site behaviour, loaded with defer on every page: the theme toggle, the table of contents on
// phones, progress tracking (a mark per item: not started / learning / done, and skipped; kept
// in localStorage), per-phase and overall progress, export and import, progress as a link,
// folding modules, and the study plan with its .ics calendar. The words it shows are the
// site language's `script:` strings (strings.js). Works from file:// and under a strict
// Content-Security-Policy: no inline code, no requests.
(function () {
  "use strict";

  // The interface strings of the site's language (strings.js).
  var text = window.roadmapText || function (key) { return key; };
  var PROGRESS_KEY = "roadmap-site:progress:v1";
  var PLAN_KEY = "roadmap-site:plan:v1";
  var THEME_KEY = "roadmap-site:theme";
  var HOURS_ASSUMED = 10;
  var DAY = 86400000;

  // ---------------------------------------------------------------- storage

  function readJSON(key, fallback) {
    try {
      var text = window.localStorage.getItem(key);
      if (!text) return fallback;
      var value = JSON.parse(text);
      return value && typeof value === "object" ? value : fallback;
    } catch (error) {
      return fallback;
    }
  }

  function writeJSON(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  }

  // ---------------------------------------------------------------- theme

  function setUpThemeToggle() {
    var root = document.documentElement;
    var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    function effective() {
      var chosen = root.getAttribute("data-theme");
      if (chosen === "light" || chosen === "dark") return chosen;
      return media && media.matches ? "dark" : "light";
    }
    var buttons = document.querySelectorAll(".theme-toggle");
    function sync() {
      var dark = effective() === "dark";
      for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", dark ? "true" : "false");
    }
    for (var i = 0; i < buttons.length; i++) {
      // Shown by site.css as soon as scripts run; hidden for readers without styles or scripts.
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        var next = effective() === "dark" ? "light" : "dark";
        root.setAttribute("data-theme", next);
        try { window.localStorage.setItem(THEME_KEY, next); } catch (error) { /* not remembered */ }
        sync();
      });
    }
    if (media && media.addEventListener) media.addEventListener("change", sync);
    sync();
  }

  // ---------------------------------------------------------------- table of contents

  function setUpTOC() {
    var details = document.querySelector(".toc details");
    if (!details) return;
    var narrow = window.matchMedia && window.matchMedia("(max-width: 63.99rem)").matches;
    if (narrow) details.removeAttribute("open");
    document.documentElement.classList.add("toc-ready");
    // On phones, following a TOC link closes the menu so the section is in view.
    details.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a") : null;
      if (link && window.matchMedia("(max-width: 63.99rem)").matches) details.removeAttribute("open");
    });
  }

  // ---------------------------------------------------------------- interface words

  function statusWord(status) {
    return text("status-" + (status || "none"));
  }

  /** Says `message` in the page's polite live region (again, if it is the same as the last). */
  function announce(message) {
    var region = document.getElementById("track-announcer");
    if (!region) return;
    region.textContent = "";
    setTimeout(function () { region.textContent = message; }, 50);
  }

  // ---------------------------------------------------------------- tracked items

  /** A title reduced to what identifies it: lower case, letters and digits, no "(4 weeks)". */
  function normalise(text) {
    return String(text || "")
      .toLowerCase()
      .replace(/\([^)]*\)/g, " ")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  /** Dice similarity of two strings' letter pairs, 0…1. */
  function similarity(a, b) {
    if (a === b) return 1;
    if (a.length < 2 || b.length < 2) return 0;
    var pairs = {};
    var i, pair, total = 0, shared = 0;
    for (i = 0; i < a.length - 1; i++) {
      pair = a.substr(i, 2);
      pairs[pair] = (pairs[pair] || 0) + 1;
      total++;
    }
    for (i = 0; i < b.length - 1; i++) {
      pair = b.substr(i, 2);
      if (pairs[pair] > 0) { pairs[pair]--; shared++; }
      total++;
    }
    return (2 * shared) / total;
  }

  /** The visible title of a tracked element: a heading's text, or a list item's lead text. */
  function titleOf(element) {
    var text = "";
    if (/^H[1-6]$/.test(element.tagName)) {
      for (var n = element.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 1 && (n.classList.contains("anchor") || n.classList.contains("badge"))) continue;
        text += n.textContent;
      }
      return text.trim();
    }
    var strong = element.querySelector("strong");
    if (strong && (strong.parentNode === element || strong.parentNode.parentNode === element)) {
      return strong.textContent.replace(/:\s*$/, "").trim();
    }
    for (var c = element.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && (c.tagName === "UL" || c.tagName === "OL")) break;
      if (c.nodeType === 1 && c.classList.contains("track-status")) continue;
      if (c.nodeType === 1 && c.tagName === "P") { text += c.textContent; break; }
      text += c.textContent;
    }
    return text.split(/[:\n]/)[0].trim();
  }

  function roadmapData() {
    var block = document.getElementById("roadmap-data");
    if (!block) return null;
    try { return JSON.parse(block.textContent); } catch (error) { return null; }
  }

  function Tracker(data) {
    this.slug = data.slug;
    this.data = data;
    this.elements = Array.prototype.slice.call(document.querySelectorAll("[data-track]"));
    this.byAnchor = {};
    this.keyOf = {};
    var seen = {};
    for (var i = 0; i < this.elements.length; i++) {
      var element = this.elements[i];
      var title = titleOf(element);
      var base = (/^H[1-6]$/.test(element.tagName) ? "m:" : "t:") + normalise(title);
      seen[base] = (seen[base] || 0) + 1;
      var key = seen[base] > 1 ? base + "#" + seen[base] : base;
      element.setAttribute("data-track-key", key);
      this.keyOf[element.getAttribute("data-track")] = key;
      this.byAnchor[element.getAttribute("data-track")] = element;
      element._trackTitle = title;
    }
  }

  Tracker.prototype.load = function () {
    var all = readJSON(PROGRESS_KEY, {});
    var mine = all[this.slug] && typeof all[this.slug] === "object" ? all[this.slug] : {};
    // Entries whose key no element has any more: match them to unclaimed elements by title,
    // so a small heading edit or a reordering keeps the learner's progress.
    var keys = {};
    var i;
    for (i = 0; i < this.elements.length; i++) keys[this.elements[i].getAttribute("data-track-key")] = this.elements[i];
    var orphans = Object.keys(mine).filter(function (key) { return !keys[key]; });
    if (orphans.length) {
      var changed = false;
      for (i = 0; i < this.elements.length; i++) {
        var key = this.elements[i].getAttribute("data-track-key");
        if (mine[key]) continue;
        var best = null, bestScore = 0.72;
        for (var j = 0; j < orphans.length; j++) {
          var orphan = orphans[j];
          if (!orphan || orphan.charAt(0) !== key.charAt(0)) continue;
          var score = similarity(orphan.slice(2).replace(/#\d+$/, ""), key.slice(2).replace(/#\d+$/, ""));
          if (score > bestScore) { best = j; bestScore = score; }
        }
        if (best !== null) {
          mine[key] = mine[orphans[best]];
          delete mine[orphans[best]];
          orphans[best] = null;
          changed = true;
        }
      }
      if (changed) { all[this.slug] = mine; writeJSON(PROGRESS_KEY, all); }
    }
    this.state = mine;
  };

  Tracker.prototype.statusOf = function (element) {
    var entry = this.state[element.getAttribute("data-track-key")];
    return entry && entry.status ? entry.status : "";
  };

  Tracker.prototype.set = function (element, status) {
    var key = element.getAttribute("data-track-key");
    var all = readJSON(PROGRESS_KEY, {});
    var mine = all[this.slug] && typeof all[this.slug] === "object" ? all[this.slug] : {};
    if (status) {
      mine[key] = { status: status, title: element._trackTitle, updated: new Date().toISOString() };
    } else {
      delete mine[key];
    }
    all[this.slug] = mine;
    writeJSON(PROGRESS_KEY, all);
    this.state = mine;
  };

  // One compact control per item: a button that goes from not started to learning to done and
  // back; Shift+click or the S key skips (and unskips). Its name says the item and its state, and
  // each change is said in the page's polite live region.
  Tracker.prototype.decorate = function () {
    var self = this;
    this.elements.forEach(function (element) {
      var isHeading = /^H[1-6]$/.test(element.tagName);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "track-toggle";
      button.setAttribute("aria-keyshortcuts", "S");
      var mark = document.createElement("span");
      mark.className = "track-mark";
      mark.setAttribute("aria-hidden", "true");
      button.appendChild(mark);
      if (isHeading) {
        // A heading's control says its state in words too; a topic's is the mark alone.
        var label = document.createElement("span");
        label.className = "track-label";
        button.appendChild(label);
        button._trackLabel = label;
      }
      button.addEventListener("click", function (event) {
        self.change(element, event.shiftKey ? skipToggled(self.statusOf(element)) : nextStatus(self.statusOf(element)));
      });
      button.addEventListener("keydown", function (event) {
        if ((event.key === "s" || event.key === "S") && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          self.change(element, skipToggled(self.statusOf(element)));
        }
      });
      element._trackButton = button;
      if (isHeading) {
        var bar = document.createElement("div");
        bar.className = "track-bar";
        bar.appendChild(button);
        var dates = document.createElement("span");
        dates.className = "plan-dates";
        // A phase without modules (a numbered step, a day) is tracked itself: its dates are the phase's.
        var anchor = element.getAttribute("data-track");
        var isPhase = (self.data.phases || []).some(function (phase) { return phase.id === anchor; });
        dates.setAttribute(isPhase ? "data-plan-phase" : "data-plan-module", anchor);
        bar.appendChild(dates);
        element.parentNode.insertBefore(bar, element.nextSibling);
      } else {
        // In a loose list the item's text is in a paragraph: keep the mark on its line.
        var first = element.firstElementChild;
        var host = first && first.tagName === "P" && first === element.firstChild ? first : element;
        host.insertBefore(button, host.firstChild);
      }
    });
    this.paint();
  };

  /** The state after a plain press: not started → learning → done → not started; skipped → not started. */
  function nextStatus(status) {
    if (status === "") return "learning";
    if (status === "learning") return "done";
    return "";
  }

  function skipToggled(status) {
    return status === "skipped" ? "" : "skipped";
  }

  /** Sets an item's state as the learner asked, and says it. */
  Tracker.prototype.change = function (element, status) {
    this.set(element, status);
    this.paint();
    announce(text("item-status", { item: element._trackTitle, status: statusWord(status) }));
  };

  Tracker.prototype.paint = function () {
    var self = this;
    var counts = { total: 0, done: 0, learning: 0, skipped: 0 };
    this.elements.forEach(function (element) {
      var status = self.statusOf(element);
      var word = statusWord(status);
      var button = element._trackButton;
      element.setAttribute("data-status", status || "none");
      button.setAttribute("data-status", status || "none");
      button.setAttribute("aria-label", text("item-status", { item: element._trackTitle, status: word }));
      if (button._trackLabel) button._trackLabel.textContent = word;
      counts.total++;
      if (status) counts[status]++;
    });
    // Elements that show an item's state elsewhere: contents entries, the drawing's nodes.
    var mirrors = document.querySelectorAll("[data-status-of]");
    for (var i = 0; i < mirrors.length; i++) {
      var item = this.byAnchor[mirrors[i].getAttribute("data-status-of")];
      var status = item ? this.statusOf(item) : "";
      mirrors[i].setAttribute("data-status", status || "none");
      if (mirrors[i].closest && mirrors[i].closest(".toc")) showStatusText(mirrors[i], status);
    }
    setProgress(document.getElementById("overall-progress"), document.getElementById("overall-progress-label"), counts, null);

    (this.data.phases || []).forEach(function (phase) {
      var phaseCounts = { total: 0, done: 0, learning: 0, skipped: 0 };
      (phase.items || []).forEach(function (anchor) {
        var element = self.byAnchor[anchor];
        if (!element) return;
        phaseCounts.total++;
        var status = self.statusOf(element);
        if (status) phaseCounts[status]++;
      });
      var item = phaseOverviewItem(phase.id);
      if (!item || !phaseCounts.total) return;
      var progress = item.querySelector("progress");
      var label = item.querySelector(".phase-progress-text");
      if (!progress) {
        var wrap = document.createElement("span");
        wrap.className = "phase-progress";
        progress = document.createElement("progress");
        label = document.createElement("span");
        label.className = "phase-progress-text";
        label.id = "phase-progress-" + phase.id;
        progress.setAttribute("aria-labelledby", label.id);
        wrap.appendChild(progress);
        wrap.appendChild(label);
        item.appendChild(wrap);
      }
      setProgress(progress, label, phaseCounts, phase.title);
    });
  };

  /** A contents entry says its item's state to screen readers too (its mark is drawn by site.css). */
  function showStatusText(link, status) {
    var hidden = link.querySelector(".status-text");
    if (!status) {
      if (hidden) hidden.remove();
      return;
    }
    if (!hidden) {
      hidden = document.createElement("span");
      hidden.className = "status-text visually-hidden";
      link.appendChild(hidden);
    }
    hidden.textContent = " (" + statusWord(status) + ")";
  }

  function phaseOverviewItem(id) {
    var links = document.querySelectorAll(".phase-overview li > a");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === "#" + id) return links[i].parentNode;
    }
    return null;
  }

  function setProgress(progress, label, counts, name) {
    if (!progress) return;
    var counted = counts.total - counts.skipped;
    progress.max = Math.max(counted, 1);
    progress.value = counts.done;
    if (!label) return;
    var percent = counted ? Math.round((100 * counts.done) / counted) : 0;
    var said = text("progress", { done: counts.done, total: counted, percent: percent, count: counts.done });
    if (counts.learning) said += text("progress-learning", { count: counts.learning });
    if (counts.skipped) said += text("progress-skipped", { count: counts.skipped });
    // The overall progress (name null) says what it is; a phase's is beside its name.
    label.textContent = name === null ? text("progress-overall", { progress: said }) : said;
  }

  // The home page shows how far the learner is in each roadmap.
  function showHomeProgress() {
    var cards = document.querySelectorAll(".roadmap-card");
    if (!cards.length) return;
    var all = readJSON(PROGRESS_KEY, {});
    for (var i = 0; i < cards.length; i++) {
      var link = cards[i].querySelector("h2 a, h3 a");
      if (!link) continue;
      // The card links to "<slug>/index.html"; a slug may have folders ("cohorts/2022/intro").
      var slug = (link.getAttribute("href") || "").replace(/\/index\.html$/, "");
      var mine = all[slug];
      if (!mine) continue;
      var done = 0, learning = 0;
      Object.keys(mine).forEach(function (key) {
        if (mine[key] && mine[key].status === "done") done++;
        if (mine[key] && mine[key].status === "learning") learning++;
      });
      if (!done && !learning) continue;
      var note = document.createElement("p");
      note.className = "card-progress";
      note.textContent = text("home-progress", { done: done, count: done }) +
        (learning ? text("home-progress-learning", { count: learning }) : "");
      cards[i].appendChild(note);
    }
  }

  // ---------------------------------------------------------------- export and import

  function status(message) {
    var element = document.getElementById("panel-status");
    if (element) element.textContent = message;
  }

  // A file name for a roadmap's downloads: its slug, whose folders ("cohorts/2022/intro") become hyphens.
  function fileName(slug) {
    return slug.replace(/\//g, "-");
  }

  function download(filename, type, text) {
    var blob = new Blob([text], { type: type });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
  }

  /**
   * Merges imported entries ({key: {status, title, updated}}) into the saved progress of the
   * roadmap `slug`: each imported item takes the imported state, every other item keeps its own.
   * A plan, when given, replaces the saved one. Returns how many entries were taken.
   */
  function mergeProgress(slug, entries, plan) {
    var all = readJSON(PROGRESS_KEY, {});
    var merged = all[slug] && typeof all[slug] === "object" ? all[slug] : {};
    var count = 0;
    Object.keys(entries || {}).forEach(function (key) {
      var entry = entries[key];
      if (entry && typeof entry.status === "string" && /^(done|learning|skipped)$/.test(entry.status)) {
        merged[key] = { status: entry.status, title: String(entry.title || ""), updated: String(entry.updated || "") };
        count++;
      }
    });
    all[slug] = merged;
    writeJSON(PROGRESS_KEY, all);
    if (plan && typeof plan === "object") {
      var plans = readJSON(PLAN_KEY, {});
      plans[slug] = plan;
      writeJSON(PLAN_KEY, plans);
    }
    return count;
  }

  /** Shows the page's saved progress and plan again after an import. */
  function reloadProgress(tracker) {
    tracker.load();
    tracker.paint();
    if (window.__roadmapPlan) window.__roadmapPlan.restore();
  }

  function setUpExportImport(tracker) {
    var exportButton = document.getElementById("progress-export");
    var input = document.getElementById("progress-import");
    if (exportButton) {
      exportButton.addEventListener("click", function () {
        var payload = {
          format: "roadmap-site-progress",
          version: 1,
          roadmap: tracker.slug,
          exported: new Date().toISOString(),
          progress: readJSON(PROGRESS_KEY, {})[tracker.slug] || {},
          plan: readJSON(PLAN_KEY, {})[tracker.slug] || null
        };
        var name = fileName(tracker.slug) + "-progress.json";
        download(name, "application/json", JSON.stringify(payload, null, 2) + "\n");
        status(text("exported", { file: name }));
      });
    }
    if (input) {
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) return;
        var reader = new FileReader();
        reader.onload = function () {
          var payload;
          try { payload = JSON.parse(String(reader.result)); } catch (error) { payload = null; }
          if (!payload || payload.format !== "roadmap-site-progress" || typeof payload.progress !== "object") {
            status(text("not-an-export"));
            return;
          }
          var slug = typeof payload.roadmap === "string" && payload.roadmap ? payload.roadmap : tracker.slug;
          var count = mergeProgress(slug, payload.progress, payload.plan);
          input.value = "";
          if (slug !== tracker.slug) {
            status(text("imported-other", { count: count, roadmap: slug }));
            return;
          }
          reloadProgress(tracker);
          status(text("imported", { count: count }));
        };
        reader.readAsText(file);
      });
    }
  }

  // ---------------------------------------------------------------- progress as a link

  // A link to the page whose fragment holds the learner's progress: `#progress=` and the
  // base64url of the deflated JSON {v: 1, r: slug, p: {key: "d" | "l" | "s"}, plan?: {s, h}}.
  // The fragment never leaves the browser (it is not sent to the server) and needs no address:
  // the link works from file:// and under any sub-path.
  var LINK_PREFIX = "#progress=";
  var LINK_CODES = { done: "d", learning: "l", skipped: "s" };
  var LINK_STATUSES = { d: "done", l: "learning", s: "skipped" };
  var LINK_MAX_ENTRIES = 5000;

  function canShareLinks() {
    return typeof CompressionStream === "function" && typeof DecompressionStream === "function" &&
      typeof TextEncoder === "function" && typeof Response === "function";
  }

  function streamBytes(bytes, transform) {
    var stream = new Blob([bytes]).stream().pipeThrough(transform);
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  function toBase64URL(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64URL(code) {
    if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new Error("not base64url");
    var binary = atob(code.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** The fragment code of the saved progress (and plan) of the roadmap `slug`. */
  function encodeProgressLink(slug) {
    var saved = readJSON(PROGRESS_KEY, {})[slug] || {};
    var payload = { v: 1, r: slug, p: {} };
    Object.keys(saved).forEach(function (key) {
      var code = saved[key] && LINK_CODES[saved[key].status];
      if (code) payload.p[key] = code;
    });
    var plan = readJSON(PLAN_KEY, {})[slug];
    if (plan && typeof plan.start === "string" && plan.start) payload.plan = { s: plan.start, h: plan.hoursPerWeek || null };
    var bytes = new TextEncoder().encode(JSON.stringify(payload));
    return streamBytes(bytes, new CompressionStream("deflate")).then(toBase64URL);
  }

  /**
   * The progress a fragment code holds, as {slug, entries, plan}, checked member by member;
   * rejects when the code is not one this site wrote.
   */
  function decodeProgressLink(code) {
    return Promise.resolve().then(function () {
      return streamBytes(fromBase64URL(code), new DecompressionStream("deflate"));
    }).then(function (bytes) {
      var payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      if (!payload || payload.v !== 1 || typeof payload.r !== "string" || !payload.p || typeof payload.p !== "object") {
        throw new Error("not a progress link");
      }
      var keys = Object.keys(payload.p);
      if (keys.length > LINK_MAX_ENTRIES) throw new Error("too many entries");
      var entries = {};
      var updated = new Date().toISOString();
      keys.forEach(function (key) {
        var status = LINK_STATUSES[payload.p[key]];
        if (!status || key.length > 500) throw new Error("bad entry");
        entries[key] = { status: status, title: "", updated: updated };
      });
      var plan = null;
      if (payload.plan && typeof payload.plan === "object" && /^\d{4}-\d{2}-\d{2}$/.test(payload.plan.s)) {
        var hours = payload.plan.h;
        plan = { start: payload.plan.s, hoursPerWeek: typeof hours === "number" && hours > 0 && hours <= 80 ? hours : null };
      }
      return { slug: payload.r, entries: entries, plan: plan };
    });
  }

  function setUpProgressLink(tracker) {
    var button = document.getElementById("progress-link-copy");
    var field = document.getElementById("progress-link");
    if (!button || !field) return;
    if (!canShareLinks()) {
      button.hidden = true;
      return;
    }
    button.addEventListener("click", function () {
      encodeProgressLink(tracker.slug).then(function (code) {
        var url = window.location.href.split("#")[0] + LINK_PREFIX + code;
        field.value = url;
        field.parentNode.hidden = false;
        function byHand() {
          field.focus();
          field.select();
          status(text("link-copy-by-hand"));
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(function () {
            status(text("link-copied"));
          }, byHand);
        } else {
          byHand();
        }
      });
    });
  }

  /**
   * Offers the progress in the address's `#progress=` fragment for import, and takes the
   * fragment out of the address so that a reload does not offer it again.
   */
  function offerLinkedProgress(tracker) {
    var hash = window.location.hash;
    if (hash.indexOf(LINK_PREFIX) !== 0) return;
    var code = hash.slice(LINK_PREFIX.length);
    try {
      history.replaceState(history.state, "", window.location.href.split("#")[0]);
    } catch (error) {
      // Some file:// setups refuse; the fragment stays and names no element.
    }
    var offer = document.getElementById("import-offer");
    if (!offer) return;
    var message = offer.querySelector(".import-offer-text");
    var importButton = offer.querySelector('[data-offer="import"]');
    var dismissButton = offer.querySelector('[data-offer="dismiss"]');
    function show(sentence, importable) {
      message.textContent = sentence;
      importButton.hidden = !importable;
      offer.hidden = false;
      offer.focus();
    }
    function close() {
      offer.hidden = true;
      importButton.onclick = null;
    }
    dismissButton.onclick = close;
    offer.onkeydown = function (event) {
      if (event.key === "Escape") close();
    };
    var decoding = canShareLinks() ? decodeProgressLink(code) : Promise.reject(new Error("unsupported"));
    decoding.then(function (linked) {
      if (linked.slug !== tracker.slug) {
        show(text("link-other-roadmap", { slug: linked.slug }), false);
        return;
      }
      var counts = { done: 0, learning: 0, skipped: 0 };
      Object.keys(linked.entries).forEach(function (key) { counts[linked.entries[key].status]++; });
      var parts = ["done", "learning", "skipped"].filter(function (name) { return counts[name]; }).map(function (name) {
        return text("link-count-" + name, { count: counts[name] });
      });
      if (linked.plan) {
        parts.push(text("link-plan", { date: formatDay(parseDay(linked.plan.start)) }));
      }
      if (!parts.length) parts.push(text("link-count-done", { count: 0 }));
      show(text("link-offer", { summary: parts.join(text("list-separator")) }), true);
      importButton.onclick = function () {
        Object.keys(linked.entries).forEach(function (key) {
          var element = document.querySelector('[data-track-key="' + cssEscape(key) + '"]');
          if (element) linked.entries[key].title = element._trackTitle || "";
        });
        var count = mergeProgress(tracker.slug, linked.entries, linked.plan);
        close();
        reloadProgress(tracker);
        status(text("imported", { count: count }));
        var panel = document.querySelector(".study-panel");
        if (panel) panel.focus();
      };
    }, function () {
      show(text("link-unreadable"), false);
    });
  }

  // ---------------------------------------------------------------- study plan

  function weeksOf(entry) {
    if (typeof entry.minWeeks === "number" && typeof entry.maxWeeks === "number") return (entry.minWeeks + entry.maxWeeks) / 2;
    if (typeof entry.minWeeks === "number") return entry.minWeeks;
    return null;
  }

  /** Start and end (exclusive) of every phase and module, in UTC days from `start`. */
  function schedule(data, start, hours) {
    var scale = hours > 0 ? HOURS_ASSUMED / hours : 1;
    var cursor = start;
    return (data.phases || []).map(function (phase) {
      var modules = phase.modules || [];
      var known = modules.map(weeksOf).filter(function (w) { return w !== null; });
      var average = known.length ? known.reduce(function (a, b) { return a + b; }, 0) / known.length : 4;
      var moduleWeeks = modules.map(function (m) { var w = weeksOf(m); return w === null ? average : w; });
      var sum = moduleWeeks.reduce(function (a, b) { return a + b; }, 0);
      var weeks = weeksOf(phase);
      var estimated = false;
      if (weeks === null) { weeks = sum || 4; estimated = true; }
      var days = Math.max(1, Math.round(weeks * 7 * scale));
      var phaseStart = cursor;
      var phaseEnd = phaseStart + days * DAY;
      var moduleCursor = phaseStart;
      var planned = modules.map(function (module, index) {
        var share = sum ? moduleWeeks[index] / sum : 1 / modules.length;
        var end = index === modules.length - 1 ? phaseEnd : moduleCursor + Math.max(1, Math.round(days * share)) * DAY;
        var item = { id: module.id, title: module.title, start: moduleCursor, end: end };
        moduleCursor = end;
        return item;
      });
      cursor = phaseEnd;
      return { id: phase.id, title: phase.title, start: phaseStart, end: phaseEnd, estimated: estimated, modules: planned };
    });
  }

  var dateFormat = (function () {
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        year: "numeric", month: "short", day: "numeric", timeZone: "UTC"
      });
    } catch (error) {
      return null;
    }
  })();

  function formatDay(time) {
    var date = new Date(time);
    return dateFormat ? dateFormat.format(date) : date.toISOString().slice(0, 10);
  }

  function formatRange(start, end) {
    // `end` is exclusive: show the last day of the range.
    return formatDay(start) + " – " + formatDay(end - DAY);
  }

  function icsDate(time) {
    return new Date(time).toISOString().slice(0, 10).replace(/-/g, "");
  }

  function icsText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  /** Folds a content line at 75 octets, as RFC 5545 asks. */
  function icsFold(line) {
    var out = [];
    var current = "";
    var octets = 0;
    var encoder = typeof TextEncoder !== "undefined" ? new TextEncoder() : null;
    for (var i = 0; i < line.length; i++) {
      var ch = line.charAt(i);
      var size = encoder ? encoder.encode(ch).length : 1;
      if (octets + size > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        octets = 0;
      }
      current += ch;
      octets += size;
    }
    out.push(current);
    return out.join("\r\n ");
  }

  function calendar(data, plan) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//roadmap-site//study plan//EN", "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:" + icsText(data.title)];
    plan.forEach(function (phase) {
      var description = phase.modules.map(function (m) { return m.title + ": " + formatRange(m.start, m.end); }).join("\n");
      lines.push("BEGIN:VEVENT");
      lines.push("UID:" + data.slug + "-" + phase.id + "@roadmap-site");
      lines.push("DTSTAMP:" + stamp);
      lines.push("DTSTART;VALUE=DATE:" + icsDate(phase.start));
      lines.push("DTEND;VALUE=DATE:" + icsDate(phase.end));
      lines.push("SUMMARY:" + icsText(phase.title));
      if (description) lines.push("DESCRIPTION:" + icsText(description));
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(icsFold).join("\r\n") + "\r\n";
  }

  function parseDay(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    if (!match) return null;
    return Date.UTC(+match[1], +match[2] - 1, +match[3]);
  }

  function setUpPlan(data) {
    var startInput = document.getElementById("plan-start");
    var hoursInput = document.getElementById("plan-hours");
    var icsButton = document.getElementById("plan-ics");
    var clearButton = document.getElementById("plan-clear");
    if (!startInput) {
      // A page without the form (a roadmap's timeline page, say) shows the saved plan's dates
      // in its data-plan-phase / data-plan-module elements.
      var saved = readJSON(PLAN_KEY, {})[data.slug];
      var savedStart = saved && parseDay(saved.start);
      if (typeof savedStart !== "number") return;
      document.documentElement.classList.add("has-plan");
      schedule(data, savedStart, saved.hoursPerWeek > 0 ? saved.hoursPerWeek : 0).forEach(function (phase) {
        fill("[data-plan-phase=\"" + cssEscape(phase.id) + "\"]", formatRange(phase.start, phase.end));
        phase.modules.forEach(function (module) {
          fill("[data-plan-module=\"" + cssEscape(module.id) + "\"]", formatRange(module.start, module.end));
        });
      });
      return;
    }
    var current = null;

    function render() {
      var start = parseDay(startInput.value);
      var hours = parseFloat(hoursInput && hoursInput.value);
      var targets = document.querySelectorAll("[data-plan-phase], [data-plan-module]");
      for (var i = 0; i < targets.length; i++) targets[i].textContent = "";
      var phaseDates = document.querySelectorAll(".phase-overview .phase-dates");
      for (i = 0; i < phaseDates.length; i++) phaseDates[i].remove();
      if (start === null) {
        current = null;
        icsButton.disabled = true;
        clearButton.disabled = true;
        document.documentElement.classList.remove("has-plan");
        return;
      }
      current = schedule(data, start, hours > 0 ? hours : 0);
      icsButton.disabled = false;
      clearButton.disabled = false;
      document.documentElement.classList.add("has-plan");
      current.forEach(function (phase) {
        var dates = formatRange(phase.start, phase.end);
        var said = phase.estimated ? text("estimated", { dates: dates }) : dates;
        var item = phaseOverviewItem(phase.id);
        if (item) {
          var span = document.createElement("span");
          span.className = "phase-dates";
          span.textContent = said;
          item.insertBefore(span, item.querySelector(".phase-progress"));
        }
        fill("[data-plan-phase=\"" + cssEscape(phase.id) + "\"]", said);
        phase.modules.forEach(function (module) {
          fill("[data-plan-module=\"" + cssEscape(module.id) + "\"]", formatRange(module.start, module.end));
        });
      });
    }

    function save() {
      var plans = readJSON(PLAN_KEY, {});
      if (startInput.value) {
        plans[data.slug] = { start: startInput.value, hoursPerWeek: hoursInput && hoursInput.value ? +hoursInput.value : null };
      } else {
        delete plans[data.slug];
      }
      writeJSON(PLAN_KEY, plans);
    }

    function restore() {
      var plan = readJSON(PLAN_KEY, {})[data.slug];
      startInput.value = plan && typeof plan.start === "string" ? plan.start : "";
      if (hoursInput) hoursInput.value = plan && plan.hoursPerWeek ? String(plan.hoursPerWeek) : "";
      // A saved plan shows its form; without one the form stays folded under its summary.
      var details = startInput.closest ? startInput.closest("details") : null;
      if (details && startInput.value) details.open = true;
      render();
    }

    startInput.addEventListener("change", function () { save(); render(); });
    if (hoursInput) hoursInput.addEventListener("change", function () { save(); render(); });
    icsButton.addEventListener("click", function () {
      if (!current) return;
      var name = fileName(data.slug) + "-study-plan.ics";
      download(name, "text/calendar", calendar(data, current));
      status(text("calendar-saved", { file: name }));
    });
    clearButton.addEventListener("click", function () {
      startInput.value = "";
      if (hoursInput) hoursInput.value = "";
      save();
      render();
      status(text("plan-cleared"));
    });
    window.__roadmapPlan = { restore: restore, calendar: function () { return current ? calendar(data, current) : ""; } };
    restore();
  }

  function fill(selector, text) {
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = text;
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, "\\$&");
  }

  // ---------------------------------------------------------------- folding modules

  // WAI-ARIA disclosure: a button in each module's heading (the heading stays a heading) shows
  // or hides the module's body. Without scripts every module is open. With them the modules
  // fold, so the page reads as an outline, except the one the page was opened at and those
  // the learner is learning; a jump to an anchor inside a folded module (a link, the contents,
  // the drawing) opens it, and so does the browser's find in page (hidden="until-found", where
  // supported). Printing opens every module.
  function setUpFolding(tracker) {
    var sections = document.querySelectorAll("section.module");
    var untilFound = "onbeforematch" in document.documentElement;
    var modules = [];
    for (var i = 0; i < sections.length; i++) {
      var section = sections[i];
      var heading = section.firstElementChild;
      var body = heading && heading.nextElementSibling;
      while (body && !body.classList.contains("module-body")) body = body.nextElementSibling;
      if (!heading || !/^H[1-6]$/.test(heading.tagName) || !body) continue;
      modules.push(makeFoldable(section, heading, body));
    }
    if (!modules.length) return;

    function makeFoldable(section, heading, body) {
      var module = { section: section, heading: heading, body: body };
      body.id = uniqueID((heading.id || "module") + "-body");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fold-toggle";
      button.setAttribute("aria-controls", body.id);
      var chevron = document.createElement("span");
      chevron.className = "fold-chevron";
      chevron.setAttribute("aria-hidden", "true");
      button.appendChild(chevron);
      // The heading's words become the button's, unless they hold a link (no link in a button):
      // then the button stands before them, named by them.
      if (heading.querySelector("a:not(.anchor), button, input, select, textarea")) {
        button.setAttribute("aria-label", titleOf(heading));
      } else {
        var node = heading.firstChild;
        while (node) {
          var next = node.nextSibling;
          if (!(node.nodeType === 1 && node.classList.contains("anchor"))) button.appendChild(node);
          node = next;
        }
      }
      heading.insertBefore(button, heading.firstChild);
      button.addEventListener("click", function () { setOpen(module, !isOpen(module)); });
      body.addEventListener("beforematch", function () { setOpen(module, true); });
      module.button = button;
      return module;
    }

    function isOpen(module) {
      return module.button.getAttribute("aria-expanded") === "true";
    }

    function setOpen(module, open) {
      module.button.setAttribute("aria-expanded", open ? "true" : "false");
      module.section.classList.toggle("is-folded", !open);
      if (open) module.body.removeAttribute("hidden");
      else if (untilFound) module.body.setAttribute("hidden", "until-found");
      else module.body.hidden = true;
    }

    function moduleOf(element) {
      for (var i = 0; i < modules.length; i++) {
        if (modules[i].section.contains(element)) return modules[i];
      }
      return null;
    }

    /** Opens the folded module that holds `element`; whether one was opened. */
    function reveal(element) {
      var module = element ? moduleOf(element) : null;
      if (!module || isOpen(module)) return false;
      setOpen(module, true);
      return true;
    }

    function hashTarget() {
      var hash = window.location.hash;
      if (hash.length < 2 || hash.indexOf(LINK_PREFIX) === 0) return null;
      var id;
      try { id = decodeURIComponent(hash.slice(1)); } catch (error) { id = hash.slice(1); }
      return document.getElementById(id);
    }

    var target = hashTarget();
    modules.forEach(function (module) {
      var track = module.heading.getAttribute("data-track");
      var learning = track && tracker && tracker.byAnchor[track] && tracker.statusOf(tracker.byAnchor[track]) === "learning";
      setOpen(module, learning || (target !== null && module.section.contains(target)));
    });
    // Modules folded above the target moved it: bring it back into view.
    if (target) target.scrollIntoView();

    // A same-page link opens its target's module before the browser scrolls to it.
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a") : null;
      if (!link) return;
      var href = link.getAttribute("href") || link.getAttribute("xlink:href") || "";
      if (href.charAt(0) !== "#" || href.length < 2) return;
      var id;
      try { id = decodeURIComponent(href.slice(1)); } catch (error) { id = href.slice(1); }
      reveal(document.getElementById(id));
    });
    window.addEventListener("hashchange", function () {
      var element = hashTarget();
      if (reveal(element)) element.scrollIntoView();
    });

    var foldedBeforePrint = [];
    window.addEventListener("beforeprint", function () {
      foldedBeforePrint = modules.filter(function (module) { return !isOpen(module); });
      foldedBeforePrint.forEach(function (module) { setOpen(module, true); });
    });
    window.addEventListener("afterprint", function () {
      foldedBeforePrint.forEach(function (module) { setOpen(module, false); });
      foldedBeforePrint = [];
    });

    var actions = document.querySelector(".fold-actions");
    if (actions) {
      actions.hidden = false;
      actions.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("[data-fold]") : null;
        if (!button) return;
        var open = button.getAttribute("data-fold") === "open";
        modules.forEach(function (module) { setOpen(module, open); });
      });
    }
  }

  /** `base`, or `base-2`, `base-3`…: an id no element has yet. */
  function uniqueID(base) {
    var id = base;
    for (var n = 2; document.getElementById(id); n++) id = base + "-" + n;
    return id;
  }

  // ---------------------------------------------------------------- start

  function start() {
    setUpThemeToggle();
    setUpTOC();
    showHomeProgress();
    var data = roadmapData();
    var panel = document.querySelector(".study-panel");
    if (panel) panel.hidden = false;
    var tracker = null;
    if (data) {
      tracker = new Tracker(data);
      tracker.load();
      tracker.decorate();
      setUpExportImport(tracker);
      setUpProgressLink(tracker);
      setUpPlan(data);
    }
    setUpFolding(tracker);
    if (tracker) {
      offerLinkedProgress(tracker);
      window.addEventListener("hashchange", function () { offerLinkedProgress(tracker); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
