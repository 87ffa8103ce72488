// Site behaviour, loaded with defer on every page: the theme toggle, the table of contents on
// phones, progress tracking (done / learning / skipped, kept in localStorage), per-phase and
// overall progress, export and import, and the study plan with its .ics calendar.
// Works from file:// and under a strict Content-Security-Policy: no inline code, no requests.
(function () {
  "use strict";

  // The interface strings of the site's language (strings.js).
  var text = window.roadmapText || function (key) { return key; };
  var PROGRESS_KEY = "roadmap-site:progress:v1";
  var PLAN_KEY = "roadmap-site:plan:v1";
  var THEME_KEY = "roadmap-site:theme";
  var STATUSES = [
    ["", text("status-none")],
    ["learning", text("status-learning")],
    ["done", text("status-done")],
    ["skipped", text("status-skipped")]
  ];
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

  Tracker.prototype.decorate = function () {
    var self = this;
    this.elements.forEach(function (element) {
      var select = document.createElement("select");
      select.className = "track-status";
      select.setAttribute("aria-label", text("status-of", { title: element._trackTitle }));
      STATUSES.forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        self.set(element, select.value);
        self.paint();
      });
      element._trackSelect = select;
      if (/^H[1-6]$/.test(element.tagName)) {
        var bar = document.createElement("div");
        bar.className = "track-bar";
        bar.appendChild(select);
        var dates = document.createElement("span");
        dates.className = "plan-dates";
        // A phase without modules (a numbered step, a day) is tracked itself: its dates are the phase's.
        var anchor = element.getAttribute("data-track");
        var isPhase = (self.data.phases || []).some(function (phase) { return phase.id === anchor; });
        dates.setAttribute(isPhase ? "data-plan-phase" : "data-plan-module", anchor);
        bar.appendChild(dates);
        element.parentNode.insertBefore(bar, element.nextSibling);
      } else {
        // In a loose list the item's text is in a paragraph: keep the menu on its line.
        var first = element.firstElementChild;
        var host = first && first.tagName === "P" && first === element.firstChild ? first : element;
        host.insertBefore(select, host.firstChild);
      }
    });
    this.paint();
  };

  Tracker.prototype.paint = function () {
    var self = this;
    var counts = { total: 0, done: 0, learning: 0, skipped: 0 };
    this.elements.forEach(function (element) {
      var status = self.statusOf(element);
      element._trackSelect.value = status;
      element.setAttribute("data-status", status || "none");
      counts.total++;
      if (status) counts[status]++;
    });
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
          var all = readJSON(PROGRESS_KEY, {});
          var merged = all[slug] && typeof all[slug] === "object" ? all[slug] : {};
          var count = 0;
          Object.keys(payload.progress || {}).forEach(function (key) {
            var entry = payload.progress[key];
            if (entry && typeof entry.status === "string" && /^(done|learning|skipped)$/.test(entry.status)) {
              merged[key] = { status: entry.status, title: String(entry.title || ""), updated: String(entry.updated || "") };
              count++;
            }
          });
          all[slug] = merged;
          writeJSON(PROGRESS_KEY, all);
          if (payload.plan && typeof payload.plan === "object") {
            var plans = readJSON(PLAN_KEY, {});
            plans[slug] = payload.plan;
            writeJSON(PLAN_KEY, plans);
          }
          input.value = "";
          if (slug !== tracker.slug) {
            status(text("imported-other", { count: count, roadmap: slug }));
            return;
          }
          tracker.load();
          tracker.paint();
          if (window.__roadmapPlan) window.__roadmapPlan.restore();
          status(text("imported", { count: count }));
        };
        reader.readAsText(file);
      });
    }
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

  // ---------------------------------------------------------------- start

  function start() {
    setUpThemeToggle();
    setUpTOC();
    showHomeProgress();
    var data = roadmapData();
    var panel = document.querySelector(".study-panel");
    if (panel) panel.hidden = false;
    if (data) {
      var tracker = new Tracker(data);
      tracker.load();
      tracker.decorate();
      setUpExportImport(tracker);
      setUpPlan(data);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
