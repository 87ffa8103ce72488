// Filters a resource index by text, kind and cost. Without JavaScript every entry shows.
(function () {
  "use strict";
  // The interface strings of the site's language (strings.js).
  var text = window.roadmapText || function (key) { return key; };
  var form = document.getElementById("resource-filter");
  if (!form) return;
  form.hidden = false;
  var query = document.getElementById("resource-query");
  var count = document.getElementById("resource-count");
  var entries = Array.prototype.slice.call(document.querySelectorAll("li.resource"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.resource-kind"));

  function checked(name) {
    var values = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name='" + name + "']"), function (box) {
      if (box.checked) values[box.value] = true;
    });
    return values;
  }

  function apply() {
    var words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    var kinds = checked("kind");
    var costs = checked("cost");
    var shown = 0;
    entries.forEach(function (entry) {
      var text = entry.getAttribute("data-text") || "";
      var visible = !!kinds[entry.getAttribute("data-kind")] && !!costs[entry.getAttribute("data-cost")] &&
        words.every(function (word) { return text.indexOf(word) !== -1; });
      entry.hidden = !visible;
      if (visible) shown += 1;
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("li.resource:not([hidden])");
    });
    Array.prototype.forEach.call(document.querySelectorAll("h3.resource-provider"), function (heading) {
      var list = heading.nextElementSibling;
      heading.hidden = !!list && !list.querySelector("li.resource:not([hidden])");
      if (list) list.hidden = heading.hidden;
    });
    count.textContent = text("resources-shown", { count: shown });
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // A link to an entry (#r-…) that a filter hides clears the filter first.
  window.addEventListener("hashchange", function () {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.hidden) { form.reset(); apply(); target.scrollIntoView(); }
  });
  apply();
})();
