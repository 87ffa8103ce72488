"""Search on a site with many pages: the day-by-day challenge fixture
(Tests/RoadmapKitTests/Fixtures/challenge), built with the roadmap binary, searched from file://
with the real search.js. For each query of the fixture's queries.json, the rank of the first
result that is the expected page (the page itself or one of its sections; resource entries never
count) or, when the query names a resource, that resource's entry. Reports the mean reciprocal
rank and the share of queries answered first."""
import json
import pathlib
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT, assert_clean, roadmap_binary
from site_pages import run_axe, set_color_scheme

FIXTURE = ROOT / "Tests" / "RoadmapKitTests" / "Fixtures" / "challenge"
QUERIES = json.loads((FIXTURE / "queries.json").read_text(encoding="utf-8"))["queries"]
# Results looked at per query, as many as search.html's first pages show.
DEPTH = 50


@pytest.fixture(scope="module")
def challenge_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("challenge") / "Site"
    subprocess.run([roadmap_binary(), "build", "--quiet", "--content", str(FIXTURE / "Content"),
                    "--templates", str(ROOT / "Templates"), "--output", str(out)], check=True)
    return out


def page_of(url):
    return url.split("#", 1)[0]


def pages_by_title(site):
    """Each roadmap page's URL by its title, read from the (single-file) search index."""
    index = json.loads((site / "search-index.json").read_text(encoding="utf-8"))
    assert not index["sharded"], "the fixture is small enough for one index file"
    roadmap = index["kinds"].index("roadmap")
    return {document[1]: part[1] for part in index["parts"] for document in part[3] if document[0] == roadmap}


def search(driver, query):
    driver.set_script_timeout(30)
    return driver.execute_async_script(
        """var done = arguments[arguments.length - 1];
        window.__roadmapSearch.search(arguments[0], arguments[1]).then(
          function (r) { done(r.results.map(function (x) { return [x.data.kind, x.data.title, x.data.url]; })); },
          function (e) { done("error: " + e.message); });""", query, DEPTH)


def rank(results, case, pages):
    """1-based rank of the first result answering `case`, or None."""
    for position, (kind, title, url) in enumerate(results, 1):
        if "resource" in case:
            if kind == "resource" and title == case["resource"]:
                return position
        elif kind not in ("resource", "skill") and page_of(url) == pages[case["page"]]:
            return position
    return None


def test_learners_find_the_page_they_ask_for(driver, challenge_site):
    pages = pages_by_title(challenge_site)
    base = challenge_site.as_uri() + "/"
    driver.get(base + "index.html")
    lines, reciprocal, first = [], [], 0
    for case in QUERIES:
        results = search(driver, case["query"])
        assert isinstance(results, list), results
        found = rank(results, case, pages)
        reciprocal.append(1 / found if found else 0)
        first += found == 1
        top = results[0][:2] if results else None
        lines.append(f"{case['query']!r:32} rank {found}  top {top}")
    mrr = sum(reciprocal) / len(QUERIES)
    report = "\n".join(lines) + f"\nMRR {mrr:.2f}, first for {first} of {len(QUERIES)}"
    print("\n" + report)
    assert mrr >= 0.9, report
    assert first >= 0.85 * len(QUERIES), report
    assert_clean(driver, base)


def results_page(driver):
    """(status, [(kind, title, href)], pager shown, page number text) of search.html as shown."""
    items = [(li.find_element(By.CSS_SELECTOR, ".search-kind").text.lower(), li.find_element(By.CSS_SELECTOR, ".search-title").text,
              li.find_element(By.TAG_NAME, "a").get_attribute("href"))
             for li in driver.find_elements(By.CSS_SELECTOR, "#search-results-full > li")]
    pager = driver.find_element(By.ID, "search-pager")
    return (driver.find_element(By.ID, "search-status").text, items, pager.is_displayed(),
            driver.find_element(By.ID, "search-page-number").text)


def test_results_page_shows_every_result_paged_and_filtered_by_roadmap(driver, challenge_site):
    base = challenge_site.as_uri() + "/"
    driver.get(base + "index.html")
    expected = search(driver, "docker")
    count = len(expected)
    assert count > 20, "the query needs more than one page of results"
    driver.get(base + "search.html?q=docker")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results-full > li"))
    status, first, paged, where = results_page(driver)
    assert status == f"{count} results for “docker”"
    assert len(first) == 20 and paged and where == f"Page 1 of {(count + 19) // 20}"
    assert [(kind, title) for kind, title, _ in first] == [(kind, title) for kind, title, _ in expected[:20]]
    # A resource several days use is one result, leading to its entry on the resource index.
    desktop = [item for item in first if item[1] == "Docker Desktop"]
    assert len(desktop) == 1 and "/resources.html#r-docker-desktop-" in desktop[0][2]
    assert "used in 7" in driver.find_element(By.XPATH, "//li[.//span[@class='search-title' and .='Docker Desktop']]").text
    # Next and Previous are buttons: keyboard users press them; the URL keeps the page.
    prev, next_ = driver.find_element(By.ID, "search-prev"), driver.find_element(By.ID, "search-next")
    assert prev.get_attribute("disabled") is not None
    next_.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: results_page(d)[3].startswith("Page 2"))
    _, second, _, _ = results_page(driver)
    assert [(kind, title) for kind, title, _ in second] == [(kind, title) for kind, title, _ in expected[20:40]]
    assert "page=2" in driver.current_url
    # Focus moved to the first result of the new page.
    assert driver.switch_to.active_element.get_attribute("href") == second[0][2]
    prev.send_keys(Keys.SPACE)
    WebDriverWait(driver, 5).until(lambda d: results_page(d)[3].startswith("Page 1"))
    # The filter lists the roadmaps with results, the best first, and keeps one roadmap's.
    select = Select(driver.find_element(By.ID, "search-filter"))
    assert driver.find_element(By.ID, "search-filter-box").is_displayed()
    titles = {page: title for title, page in pages_by_title(challenge_site).items()}
    counts = {}
    for _, _, url in expected:
        label = "Resources" if page_of(url) == "resources.html" else titles[page_of(url)]
        counts[label] = counts.get(label, 0) + 1
    labels = [option.text for option in select.options]
    assert labels == [f"All roadmaps ({count})"] + [f"{label} ({n})" for label, n in counts.items()]
    assert labels[1].startswith("Day 15 - Docker Compose for multi-container apps")
    select.select_by_value("Day 14 - Writing your first Dockerfile")
    WebDriverWait(driver, 5).until(lambda d: "in Day 14" in d.find_element(By.ID, "search-status").text)
    status, only, paged, _ = results_page(driver)
    assert only and all("/day14/index.html" in href for _, _, href in only)
    assert not paged
    assert "in=Day+14" in driver.current_url or "in=Day%2014" in driver.current_url
    # The bookmarked address shows the same.
    driver.get(driver.current_url)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results-full > li"))
    assert results_page(driver)[:2] == (status, only)
    assert_clean(driver, base)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_results_page_with_filter_and_pager_has_no_axe_violations(driver, challenge_site, scheme):
    set_color_scheme(driver, scheme)
    try:
        driver.get(challenge_site.as_uri() + "/search.html?q=docker")
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-pager").is_displayed())
        assert driver.find_element(By.ID, "search-filter-box").is_displayed()
        assert run_axe(driver) == []
    finally:
        set_color_scheme(driver, None)
