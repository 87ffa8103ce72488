"""The drawn roadmap that opens each roadmap page (partials/roadmap-graph.mustache): every node a
link to an existing section, in the page's order for the keyboard, with a name; it reads without
JavaScript, shows a learner's state without relying on colour, and keeps its path whole on a phone.

Runs against the built site (ROADMAP_SITE) and against a site built here from the drawing
fixtures (a five-node and a 127-node roadmap).
"""
import pathlib
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import SITE, assert_clean, make_driver, roadmap_binary

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "Tests/RoadmapKitTests/Fixtures/drawing/Content"


def drawn_pages(site):
    """Paths (relative to the site) of the roadmap pages that open with a drawing."""
    return sorted(str(path.relative_to(site)) for path in site.glob("**/index.html")
                  if 'id="roadmap-graph"' in path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("drawing") / "Site"
    subprocess.run([roadmap_binary(), "build", "--quiet", "--content", str(FIXTURE), "--templates",
                    str(ROOT / "Templates"), "--output", str(out)], check=True)
    return out


def pages_to_check(fixture_site):
    """(site, page) pairs: every drawn page of the built site (at most 12) and of the fixture site."""
    pairs = [(SITE, page) for page in drawn_pages(SITE)[:12]]
    pairs += [(fixture_site, page) for page in drawn_pages(fixture_site)]
    return pairs


def node_links(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#roadmap-graph a.rg-node")


def test_the_fixture_roadmaps_are_drawn(fixture_site):
    assert drawn_pages(fixture_site) == ["five-nodes/index.html", "long-road/index.html"]


def test_every_node_links_to_a_section_of_its_page(driver, fixture_site):
    for site, page in pages_to_check(fixture_site):
        driver.get((site / page).as_uri())
        links = node_links(driver)
        assert links, page
        for link in links:
            href = link.get_dom_attribute("href")
            assert href.startswith("#") and len(href) > 1, (page, href)
            target = href[1:]
            found = driver.execute_script(
                "const t = document.getElementById(arguments[0]);"
                "return t !== null && !t.closest('#roadmap-graph');", target)
            assert found, f"{page}: the node for #{target} links to no section"
        assert_clean(driver, site.as_uri())


def test_the_keyboard_visits_the_nodes_in_the_pages_order(driver, fixture_site):
    for site, page in pages_to_check(fixture_site)[:4] + [(fixture_site, "long-road/index.html")]:
        driver.get((site / page).as_uri())
        expected = [link.get_dom_attribute("href") for link in node_links(driver)]
        # The nodes are in the page's order: each section comes after the one before it.
        positions = driver.execute_script(
            "return arguments[0].map(h => Array.prototype.indexOf.call("
            " document.querySelectorAll('[id]'), document.getElementById(h.slice(1))));", expected)
        assert min(positions) >= 0 and positions == sorted(positions), f"{page}: the drawing's order is not the page's"
        # Tab from the top of the main column into the drawing, then through every node.
        driver.execute_script("document.getElementById('main').focus()")
        active = driver.switch_to.active_element
        for _ in range(30):
            active.send_keys(Keys.TAB)
            active = driver.switch_to.active_element
            if driver.execute_script("return !!arguments[0].closest('#roadmap-graph')", active):
                break
        visited = []
        for _ in expected:
            visited.append(active.get_dom_attribute("href"))
            active.send_keys(Keys.TAB)
            active = driver.switch_to.active_element
        assert visited == expected, page
        # Past the last node, focus leaves the drawing.
        assert not driver.execute_script("return !!arguments[0].closest('#roadmap-graph')", active)


def test_every_node_is_a_named_link(driver, fixture_site):
    for site, page in pages_to_check(fixture_site):
        driver.get((site / page).as_uri())
        for link in node_links(driver)[:60]:
            assert link.aria_role == "link", page
            name = link.accessible_name.strip()
            title = driver.execute_script(
                "const t = arguments[0].querySelector('title'); return t ? t.textContent : null;", link)
            text = " ".join(span.get_attribute("textContent") for span in
                            link.find_elements(By.CSS_SELECTOR, "tspan:not(.rg-detail)"))
            assert name, f"{page}: a node without a name"
            # The name is the whole label (and its duration), never the drawn text cut short.
            assert name == (title or text), (page, name, title, text)
            assert not name.endswith("…"), (page, name)


def test_a_durations_node_says_it_in_its_name(driver, fixture_site):
    driver.get((fixture_site / "five-nodes/index.html").as_uri())
    names = [link.accessible_name for link in node_links(driver)]
    assert names == ["Phase 1: Markup and Style, 2 weeks", "HTML, 1 week", "CSS, 1 week",
                     "Phase 2: Scripting, 3 weeks", "JavaScript, 3 weeks"]


def test_the_drawing_reads_without_javascript(fixture_site):
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get((fixture_site / "long-road/index.html").as_uri())
        figure = driver.find_element(By.ID, "roadmap-graph")
        assert figure.is_displayed()
        assert len(node_links(driver)) == 127
        assert figure.find_element(By.CSS_SELECTOR, "figcaption").text.startswith("Phase")
    finally:
        driver.quit()


def test_a_learners_state_shows_without_relying_on_colour(driver, fixture_site):
    """site.js copies an item's state onto data-status; each state changes more than a colour."""
    driver.get((fixture_site / "five-nodes/index.html").as_uri())
    tracked = driver.find_elements(By.CSS_SELECTOR, "#roadmap-graph a[data-status-of]")
    assert [node.get_attribute("data-status-of") for node in tracked] == ["html-1-week", "css-1-week", "javascript-3-weeks"]
    for node in tracked:
        assert driver.execute_script("return document.getElementById(arguments[0]).dataset.track === arguments[0]",
                                     node.get_attribute("data-status-of"))

    def looks(node, status):
        driver.execute_script("arguments[0].setAttribute('data-status', arguments[1])", node, status)
        return driver.execute_script(
            "const r = getComputedStyle(arguments[0].querySelector('rect')); const a = getComputedStyle(arguments[0]);"
            "return {fill: r.fill, width: r.strokeWidth, dash: r.strokeDasharray, opacity: a.opacity};", node)

    node = tracked[0]
    none, done, learning, skipped = (looks(node, status) for status in ("none", "done", "learning", "skipped"))
    # Done: filled dark (a light box otherwise). Learning: a thicker ring. Skipped: dimmed and dashed.
    assert done["fill"] != none["fill"] and done["fill"] == "rgb(23, 112, 58)"
    assert float(learning["width"].rstrip("px")) >= 2 * float(none["width"].rstrip("px"))
    assert float(skipped["opacity"]) < 1 and skipped["dash"] not in ("none", "")
    assert none["dash"] in ("none", "") and float(none["opacity"]) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_path_fits_and_the_page_does_not_scroll_sideways(fixture_site, scheme):
    driver = make_driver(width=375, height=800)
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for page in ("five-nodes/index.html", "long-road/index.html"):
            driver.get((fixture_site / page).as_uri())
            assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), page
            frame = driver.find_element(By.CSS_SELECTOR, "#roadmap-graph .roadmap-graph-frame")
            right = driver.execute_script("return arguments[0].getBoundingClientRect().right", frame)
            # The phases and modules are seen whole without scrolling the drawing; topics may lie beyond.
            for rect in driver.find_elements(By.CSS_SELECTOR, "#roadmap-graph .rg-phase rect, #roadmap-graph .rg-topic rect"):
                assert driver.execute_script("return arguments[0].getBoundingClientRect().right", rect) <= right + 0.5
    finally:
        driver.quit()
