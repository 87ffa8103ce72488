"""The enrichment pages: a roadmap's timeline and resource index, the site-wide resource index,
and the links between a resource's uses on the roadmap page and its entry."""
import json
import pathlib

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, assert_clean
from site_pages import open_module_of


def roadmaps():
    """Slugs of built roadmaps that have a roadmap.json (the enrichment data)."""
    return sorted(p.parent.name for p in SITE.glob("*/roadmap.json"))


def first_with_resources():
    for slug in roadmaps():
        data = json.loads((SITE / slug / "roadmap.json").read_text())
        if data["resources"]:
            return slug, data
    pytest.skip("no roadmap with resources")


def first_with_timeline():
    for slug in roadmaps():
        data = json.loads((SITE / slug / "roadmap.json").read_text())
        if data.get("duration"):
            return slug, data
    pytest.skip("no roadmap with durations")


def test_timeline_page_loads_clean_with_svg_and_table(driver, base_url):
    slug, data = first_with_timeline()
    driver.get(base_url + slug + "/timeline.html")
    svg = driver.find_element(By.CSS_SELECTOR, "svg.timeline-svg")
    assert svg.is_displayed()
    assert driver.find_elements(By.CSS_SELECTOR, "svg.timeline-svg rect.tl-min")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.timeline-table tbody tr")
    phases = data["phases"]
    assert len(rows) == len(phases) + sum(len(p["modules"]) for p in phases)
    assert data["duration"]["text"] in driver.find_element(By.CSS_SELECTOR, "main").text
    # Every row links to its heading on the roadmap page.
    href = rows[0].find_element(By.TAG_NAME, "a").get_attribute("href")
    assert href.endswith("index.html#" + phases[0]["id"])
    assert_clean(driver, base_url)


def test_timeline_labels_fit_a_phone(site):
    from conftest import make_driver
    slug, _ = first_with_timeline()
    phone = make_driver(360, 800)
    try:
        # Headless windows are at least 500 px wide; emulate a 360 px phone screen.
        phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                              {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True})
        phone.get((site / slug / "timeline.html").as_uri())
        assert phone.execute_script("return window.innerWidth") == 360
        svg = phone.find_element(By.CSS_SELECTOR, "svg.timeline-svg")
        width = svg.rect["width"]
        assert width <= 360
        for label in phone.find_elements(By.CSS_SELECTOR, "svg.timeline-svg text.tl-label"):
            box = phone.execute_script("var b = arguments[0].getBBox(); return [b.x, b.width];", label)
            assert box[0] + box[1] <= width + 1, f"label overflows: {label.text}"
        size = phone.execute_script(
            "return parseFloat(getComputedStyle(document.querySelector('svg.timeline-svg text.tl-label')).fontSize)")
        assert size >= 12
    finally:
        phone.quit()


def test_roadmap_page_shows_the_timeline(driver, base_url):
    slug, _ = first_with_timeline()
    driver.get(base_url + slug + "/index.html")
    figure = driver.find_element(By.CSS_SELECTOR, "figure.timeline-overview")
    assert figure.find_element(By.CSS_SELECTOR, "svg").is_displayed()
    figure.find_element(By.LINK_TEXT, "Timeline in detail").click()
    assert driver.current_url.endswith(slug + "/timeline.html")
    assert_clean(driver, base_url)


@pytest.mark.parametrize("page", ["roadmap", "site"])
def test_resource_index_loads_clean_and_filters(driver, base_url, page):
    slug, _ = first_with_resources()
    driver.get(base_url + (slug + "/resources.html" if page == "roadmap" else "resources.html"))
    form = driver.find_element(By.ID, "resource-filter")
    assert form.is_displayed()  # shown by resources.js; hidden without JavaScript
    entries = driver.find_elements(By.CSS_SELECTOR, "li.resource")
    assert entries
    visible = lambda: [e for e in driver.find_elements(By.CSS_SELECTOR, "li.resource") if e.is_displayed()]
    assert len(visible()) == len(entries)
    # Text filter.
    title = entries[0].find_element(By.CSS_SELECTOR, ".resource-title").text
    query = driver.find_element(By.ID, "resource-query")
    query.send_keys(title.split()[0].lower())
    shown = visible()
    assert 0 < len(shown) <= len(entries)
    assert all(title.split()[0].lower() in e.get_attribute("data-text") for e in shown)
    query.clear()
    query.send_keys("zzzz-no-such-resource")
    assert visible() == []
    assert "0 resources" in driver.find_element(By.ID, "resource-count").text
    query.clear()
    query.send_keys(" ")
    # Kind filter: unticking a kind hides its section.
    kind = entries[0].get_attribute("data-kind")
    driver.find_element(By.CSS_SELECTOR, f"input[name='kind'][value='{kind}']").click()
    assert all(e.get_attribute("data-kind") != kind for e in visible())
    assert not driver.find_element(By.CSS_SELECTOR, f"section.resource-kind[data-kind='{kind}']").is_displayed()
    assert_clean(driver, base_url)


def test_a_use_links_to_its_entry_and_back(driver, base_url):
    slug, data = first_with_resources()
    resource = data["resources"][0]
    use = resource["usedIn"][0]
    driver.get(base_url + slug + "/index.html")
    badge = driver.find_element(By.ID, use["anchor"])
    assert badge.get_attribute("href").endswith("resources.html#" + resource["id"])
    open_module_of(driver, badge)  # modules are folded until opened
    driver.execute_script("arguments[0].scrollIntoView()", badge)
    badge.click()
    assert driver.current_url.endswith(slug + "/resources.html#" + resource["id"])
    entry = driver.find_element(By.ID, resource["id"])
    assert entry.is_displayed()
    back = entry.find_element(By.CSS_SELECTOR, ".resource-uses a")
    assert back.get_attribute("href").endswith("index.html#" + use["anchor"])
    back.click()
    assert driver.current_url.endswith(slug + "/index.html#" + use["anchor"])
    assert driver.find_element(By.ID, use["anchor"]).is_displayed(), "the module it is in opens"
    assert_clean(driver, base_url)


def test_resource_index_without_javascript_shows_everything(site):
    """The filter is an enhancement: the page's HTML lists every entry and hides only the form."""
    slug, data = first_with_resources()
    html = (site / slug / "resources.html").read_text()
    assert '<form class="resource-filter" id="resource-filter" hidden>' in html
    for resource in data["resources"]:
        assert f'id="{resource["id"]}"' in html


def test_skill_links_reach_modules(driver, base_url):
    for slug in roadmaps():
        data = json.loads((SITE / slug / "roadmap.json").read_text())
        skill = next((s for s in data["skills"] if s["taughtIn"]), None)
        if skill:
            break
    else:
        pytest.skip("no skill taught in a module")
    driver.get(base_url + slug + "/index.html")
    item = driver.find_element(By.ID, skill["id"])
    link = item.find_element(By.CSS_SELECTOR, ".xref a")
    assert link.get_attribute("href").endswith("#" + skill["taughtIn"][0])
    assert driver.find_element(By.ID, skill["taughtIn"][0])
    assert_clean(driver, base_url)
