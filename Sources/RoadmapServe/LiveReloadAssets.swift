/// The script and style `roadmap serve` adds to the HTML it serves (never to the built files).
/// Same-origin files, so the site's strict Content-Security-Policy allows them.
enum LiveReloadAssets {
    static let prefix = "/__roadmap/"
    static let scriptPath = prefix + "live.js"
    static let stylePath = prefix + "live.css"
    static let eventsPath = prefix + "events"

    static let scriptTag = "<script src=\"\(scriptPath)\" defer></script>"

    /// Adds the script tag before `</head>` (or at the end when there is none).
    static func inject(into html: String) -> String {
        if let range = html.range(of: "</head>") {
            var out = html
            out.insert(contentsOf: scriptTag + "\n", at: range.lowerBound)
            return out
        }
        return html + scriptTag
    }

    static let script = #"""
    // roadmap serve: reloads this page after each build and shows build errors over it.
    (function () {
      "use strict";
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = "/__roadmap/live.css";
      document.head.appendChild(css);
      var seen = null;
      var overlay = null;
      function showError(message) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "roadmap-serve-error";
          overlay.setAttribute("role", "alert");
          var title = document.createElement("h2");
          title.textContent = "Build failed";
          var note = document.createElement("p");
          note.textContent = "The page below is the last good build. Fix the problem and save: the page reloads.";
          var pre = document.createElement("pre");
          overlay.appendChild(title);
          overlay.appendChild(note);
          overlay.appendChild(pre);
          document.body.appendChild(overlay);
        }
        overlay.querySelector("pre").textContent = message;
        document.documentElement.dataset.roadmapServe = "error";
      }
      var source = new EventSource("/__roadmap/events");
      source.addEventListener("hello", function (event) {
        var build = JSON.parse(event.data).build;
        // Reconnected after builds this page missed: it is stale.
        if (seen !== null && build !== seen) { location.reload(); return; }
        seen = build;
        document.documentElement.dataset.roadmapServe = "connected";
      });
      // The edited page, rendered ahead of the site-wide steps: reload now, and not again
      // when that build's "reload" comes.
      source.addEventListener("page-ready", function (event) {
        var data = JSON.parse(event.data);
        var here = data.paths.some(function (path) { return location.pathname.indexOf(path) === 0; });
        if (!here) { return; }
        try { sessionStorage.setItem("roadmap-serve-fresh", String(data.build)); } catch (e) { /* private mode */ }
        location.reload();
      });
      source.addEventListener("reload", function (event) {
        var build = JSON.parse(event.data).build;
        var fresh = null;
        try { fresh = sessionStorage.getItem("roadmap-serve-fresh"); } catch (e) { /* private mode */ }
        if (fresh === String(build)) { seen = build; return; }
        location.reload();
      });
      source.addEventListener("build-error", function (event) {
        var data = JSON.parse(event.data);
        seen = data.build;
        showError(data.message);
      });
    })();
    """#

    static let style = """
    #roadmap-serve-error { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; margin: 0;
      padding: 2rem; background: rgba(20, 10, 10, 0.94); color: #fff; font: 15px/1.5 system-ui, sans-serif; }
    #roadmap-serve-error h2 { margin: 0 0 0.5rem; color: #ff8a80; font-size: 1.4rem; }
    #roadmap-serve-error pre { white-space: pre-wrap; font: 13px/1.5 ui-monospace, monospace; color: #ffe0e0;
      background: rgba(255, 255, 255, 0.06); padding: 1rem; border-radius: 6px; }

    """
}
