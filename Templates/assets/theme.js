// Runs before the page is drawn (loaded without defer in <head>), so the remembered theme
// applies with no flash, and styles can tell that scripts run.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var theme = window.localStorage.getItem("roadmap-site:theme");
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  } catch (error) {
    // Storage can be unavailable (private modes, some file:// setups); the system theme applies.
  }
})();
