// The interface strings of the site's language for the other scripts, loaded with defer before
// them: the page's <script type="application/json" id="site-strings"> (the `script:` strings of
// Templates/strings/<language>.yml), read once. window.roadmapText("results", {count: 3, query: "x"})
// is the string "results", its plural form chosen by `count` (Intl.PluralRules for the page's
// lang), its {name} placeholders filled; a string the page lacks shows its key.
(function () {
  "use strict";
  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("site-strings").textContent) || {};
  } catch (error) {
    strings = {};
  }
  var plural = null;
  try {
    plural = new Intl.PluralRules(document.documentElement.lang || undefined);
  } catch (error) {
    plural = null;
  }

  window.roadmapText = function (key, values) {
    values = values || {};
    var entry = strings[key];
    if (entry && typeof entry === "object") {
      var form = plural && typeof values.count === "number" ? plural.select(values.count) : "other";
      entry = entry[form] || entry.other;
    }
    if (typeof entry !== "string") return key;
    return entry.replace(/\{([\w.-]+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  };
})();
