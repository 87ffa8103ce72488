"""Helpers for the publishing/experience browser tests: the site's page types, axe-core runs,
downloads, and viewport/theme control. Kept out of conftest.py so other suites are untouched."""
import importlib.resources
import json
import pathlib
import time

from conftest import SITE


def page_types():
    """(name, path) for every page type the built site has: home, each roadmap, 404, and the
    site-wide pages other features add (search, timeline, resources) when they exist."""
    pages = [("home", "index.html"), ("not-found", "404.html")]
    roadmaps = sorted(p.parent.name for p in SITE.glob("*/index.html")
                      if p.parent.name not in {"assets", "search", "timeline", "resources"})
    pages += [(f"roadmap-{slug}", f"{slug}/index.html") for slug in roadmaps]
    for name in ("search", "timeline", "resources"):
        for candidate in (f"{name}.html", f"{name}/index.html"):
            if (SITE / candidate).exists():
                pages.append((name, candidate))
        # A roadmap's own page of this kind (`slug/timeline.html`), for the first roadmap.
        for slug in roadmaps[:1]:
            if (SITE / slug / f"{name}.html").exists():
                pages.append((f"roadmap-{name}", f"{slug}/{name}.html"))
    return pages


def first_roadmap():
    for name, path in page_types():
        if name.startswith("roadmap-"):
            return path
    raise AssertionError("the site has no roadmap page")


def roadmap_data(driver):
    return json.loads(driver.find_element("id", "roadmap-data").get_attribute("textContent"))


# axe-core as the PyPI package axe-playwright-python 0.1.8 ships it (axe.min.js, axe-core 4.12.1,
# installed without its Playwright dependency): a current axe-core, injected from the Python side
# through Selenium; the site never loads it. Its findings are taken as they are, without filters.
AXE_SCRIPT = (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def axe_version(driver):
    driver.execute_script(AXE_SCRIPT)
    return driver.execute_script("return axe.version")


def run_axe(driver):
    """axe-core's violations for the loaded page (rules for WCAG 2.x A and AA and best practices)."""
    driver.execute_script(AXE_SCRIPT)
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(done, function (e) { done({error: String(e)}); });")
    assert "error" not in results, results
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results["violations"]]


def set_viewport(driver, width, height=900, mobile=False):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def reset_viewport(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def set_color_scheme(driver, scheme):
    """Emulates the system colour scheme ('light' or 'dark'); None goes back to the browser's own."""
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})


def allow_downloads(driver, folder):
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    return folder


def wait_for_file(folder, suffix, timeout=10):
    """The first complete file in `folder` ending with `suffix`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in pathlib.Path(folder).iterdir():
            if path.name.endswith(suffix) and path.stat().st_size > 0:
                return path
        time.sleep(0.1)
    raise AssertionError(f"no *{suffix} was downloaded into {folder}")


def clear_storage(driver, url):
    driver.get(url)
    driver.execute_script("window.localStorage.clear()")


def open_fresh_roadmap(driver, base_url):
    """Opens the first roadmap page with nothing saved (no progress, plan or theme); returns its path."""
    path = first_roadmap()
    clear_storage(driver, base_url + path)
    driver.get(base_url + path)
    return path


def click(driver, element):
    """Clicks after scrolling the element to the middle of the view, clear of the sticky header."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


# The progress marks (site.js): one button per tracked item that goes from not started to
# learning to done; the S key (or Shift+click) skips.

def status_button(driver, element):
    """The progress mark of a tracked element: inside it (a list item) or in the bar after it (a heading)."""
    return driver.execute_script(
        "var e = arguments[0]; return e.querySelector('.track-toggle') ||"
        " (e.nextElementSibling && e.nextElementSibling.querySelector('.track-toggle'))", element)


def open_module_of(driver, element):
    """Unfolds the module that holds `element`, if it is folded (as a reader would, with its button)."""
    toggle = driver.execute_script(
        "var m = arguments[0].closest('section.module');"
        "return m && m.classList.contains('is-folded') ? m.querySelector('.fold-toggle') : null", element)
    if toggle is not None:
        click(driver, toggle)


def set_status(driver, element, status):
    """Brings a tracked element to `status` ('none', 'learning', 'done' or 'skipped') from the
    keyboard: Enter goes round the three states, S skips."""
    from selenium.webdriver.common.keys import Keys
    open_module_of(driver, element)
    button = status_button(driver, element)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    for _ in range(4):
        current = element.get_attribute("data-status")
        if current == status:
            return
        if status == "skipped" or current == "skipped":
            button.send_keys("s")
        else:
            button.send_keys(Keys.ENTER)
    assert element.get_attribute("data-status") == status, f"could not set {status}"
