"""Helpers for the publishing/experience browser tests: the site's page types, axe-core runs,
downloads, and viewport/theme control. Kept out of conftest.py so other suites are untouched."""
import json
import pathlib
import time

from axe_selenium_python import Axe

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


# axe-core 3.1.1, the version axe-selenium-python bundles, predates ARIA 1.2 and flags markup
# that ARIA 1.2 and ARIA in HTML allow. Each entry drops one rule's finding on a node only when
# a script confirms, on that node, what a current axe-core checks instead.
OUTDATED_AXE_FINDINGS = {
    # ARIA 1.2 combobox pattern: role=combobox on a text or search input.
    "aria-allowed-role": "return el.matches('input[type=search][role=combobox], input[type=text][role=combobox]')",
    # autocomplete="off" is valid on every text-like input; 3.1.1 rejects it on type=search.
    "autocomplete-valid": "return el.matches('input[type=search]') && el.getAttribute('autocomplete') === 'off'",
    # A visually hidden <label for> names its input; 3.1.1 treats clipped labels as absent.
    "label": ("var l = el.id && document.querySelector('label[for=\"' + CSS.escape(el.id) + '\"]');"
              " return !!(l && l.textContent.trim());"),
}


def run_axe(driver):
    """axe-core's violations for the loaded page. The script is injected from the Python side
    (the package bundles axe.min.js); the site never loads it."""
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options={"resultTypes": ["violations"]})
    violations = []
    for violation in results["violations"]:
        nodes = [n["target"] for n in violation["nodes"]]
        check = OUTDATED_AXE_FINDINGS.get(violation["id"])
        if check:
            nodes = [target for target in nodes if not (
                len(target) == 1 and driver.execute_script(
                    "var el = document.querySelector(arguments[0]); if (!el) return false;" + check, target[0]))]
        if nodes:
            violations.append({"id": violation["id"], "impact": violation["impact"], "help": violation["help"],
                               "nodes": nodes[:5]})
    return violations


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


def click(driver, element):
    """Clicks after scrolling the element to the middle of the view, clear of the sticky header."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
