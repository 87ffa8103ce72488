"""Search in a real browser, from file:// and over HTTP under a sub-path with a strict CSP:
the header box, results as you type, keyboard use, search.html?q=, and the tokenizer vectors
shared with SearchTokenizer.swift. Works on any built site; the queries below need the seed."""
import json
import pathlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, SCREENSHOTS, SITE, assert_clean

VECTORS = json.loads((ROOT / "Tests" / "Fixtures" / "search-vectors.json").read_text(encoding="utf-8"))["cases"]
SEED = (SITE / "mlops-engineer" / "index.html").exists()
seed_only = pytest.mark.skipif(not SEED, reason="needs the seed roadmap (Content/mlops-engineer.md)")


def results(driver, query, limit=8):
    """Titles (kind, title, url) of the top results for `query`, through search.js's own search()."""
    driver.set_script_timeout(30)
    return driver.execute_async_script(
        """var done = arguments[arguments.length - 1];
        window.__roadmapSearch.search(arguments[0], arguments[1]).then(
          function (r) { done(r.results.map(function (x) { return [x.data.kind, x.data.title, x.data.url]; })); },
          function (e) { done("error: " + e.message); });""", query, limit)


def type_query(driver, text):
    box = driver.find_element(By.ID, "site-search-input")
    box.clear()
    box.send_keys(text)
    WebDriverWait(driver, 10).until(
        lambda d: not d.find_element(By.ID, "site-search-results").get_attribute("hidden")
        and d.find_elements(By.CSS_SELECTOR, "#site-search-results .search-more"))
    return box


def shown(driver):
    return [t.text for t in driver.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option] .search-title")]


def test_tokenizer_matches_the_shared_vectors(driver, base_url):
    driver.get(base_url + "index.html")
    got = driver.execute_script(
        "return arguments[0].map(function (c) { return window.__roadmapSearch.tokens(c.input); });", VECTORS)
    for case, tokens in zip(VECTORS, got):
        assert tokens == case["tokens"], case["input"]
    assert_clean(driver, base_url)


def test_any_site_finds_its_roadmaps_by_title(driver, base_url):
    """Works on any built site (the seed, or a sharded synthetic one via ROADMAP_SITE)."""
    driver.get(base_url + "index.html")
    card = driver.find_element(By.CSS_SELECTOR, ".roadmap-card h2 a")
    title, href = card.text, card.get_attribute("href")
    top = results(driver, title, 8)
    assert isinstance(top, list) and top, top
    assert any(base_url + url == href for _, _, url in top), (title, top)
    # A typo in the longest word still finds it.
    word = max(title.split(), key=len)
    if len(word) >= 5:
        typo = title.replace(word, word[:2] + word[3:], 1)
        assert any(base_url + url == href for _, _, url in results(driver, typo, 20)), typo
    assert_clean(driver, base_url)


@seed_only
@pytest.mark.parametrize("query", ["kubernetes", "kube", "kubernets", "Kubernetes "])
def test_kubernetes_lands_on_the_kubernetes_entry(driver, base_url, query):
    driver.get(base_url + "mlops-engineer/index.html")
    top = results(driver, query)
    assert isinstance(top, list) and top, top
    assert top[0][:2] == ["topic", "Kubernetes"]
    assert top[0][2] == "mlops-engineer/index.html#kubernetes"
    assert_clean(driver, base_url)


@seed_only
def test_feature_store_finds_the_feature_store_projects_and_modules(driver, base_url):
    driver.get(base_url + "index.html")
    top = results(driver, "feature store", 5)
    titles = [t for _, t, _ in top]
    assert {"Feature Store Implementation", "Implement feature store"} <= set(titles[:3])
    assert all("feature" in t.lower() or "pipeline" in t.lower() for t in titles[:3])
    assert_clean(driver, base_url)


@seed_only
def test_chip_huyen_finds_the_book(driver, base_url):
    driver.get(base_url + "index.html")
    top = results(driver, "chip huyen")
    assert "Designing Machine Learning Systems" in top[0][1]
    assert top[0][2].startswith("mlops-engineer/index.html#")
    assert_clean(driver, base_url)


@seed_only
def test_results_as_you_type_with_keyboard(driver, base_url):
    driver.get(base_url + "mlops-engineer/index.html")
    # "/" focuses the box from anywhere on the page.
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "site-search-input"
    box = type_query(driver, "kube")
    assert shown(driver)[0] == "Kubernetes"
    listbox = driver.find_element(By.ID, "site-search-results")
    assert listbox.get_attribute("role") == "listbox"
    assert box.get_attribute("aria-expanded") == "true"
    # The matched words are highlighted, inserted as text.
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option] mark")]
    assert "Kubernetes" in marks
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ARROW_UP)
    first = driver.find_element(By.ID, "site-search-option-0")
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == "site-search-option-0"
    # Every entry of the listbox is an option, the last one leading to all results.
    options = driver.find_elements(By.CSS_SELECTOR, "#site-search-results > li")
    assert all(o.get_attribute("role") == "option" for o in options)
    assert "search.html?q=kube" in options[-1].find_element(By.TAG_NAME, "a").get_attribute("href")
    box.send_keys(Keys.ESCAPE)
    assert listbox.get_attribute("hidden") is not None
    box.send_keys(Keys.ARROW_DOWN)  # reopens
    WebDriverWait(driver, 5).until(lambda d: listbox.get_attribute("hidden") is None)
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("mlops-engineer/index.html#kubernetes"))
    assert driver.find_element(By.ID, "kubernetes").is_displayed()
    assert_clean(driver, base_url)


@seed_only
def test_result_links_are_relative_to_the_page(driver, base_url):
    for page, prefix in (("index.html", "mlops-engineer/"), ("mlops-engineer/index.html", "../mlops-engineer/")):
        driver.get(base_url + page)
        type_query(driver, "docker")
        link = driver.find_element(By.CSS_SELECTOR, "#site-search-results [role=option] a")
        assert link.get_attribute("href").startswith(base_url + "mlops-engineer/index.html#")
        assert driver.execute_script("return arguments[0].getAttribute('href')", link).startswith(prefix)
    assert_clean(driver, base_url)


@seed_only
def test_search_page_shows_full_results_and_is_bookmarkable(driver, base_url):
    driver.get(base_url + "mlops-engineer/index.html")
    box = type_query(driver, "monitoring")
    box.send_keys(Keys.ENTER)  # nothing selected: the form goes to search.html?q=
    WebDriverWait(driver, 5).until(lambda d: "search.html?q=monitoring" in d.current_url)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results-full li"))
    items = driver.find_elements(By.CSS_SELECTOR, "#search-results-full li")
    assert len(items) >= 5
    assert driver.find_element(By.ID, "search-page-input").get_attribute("value") == "monitoring"
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results-full .search-excerpt")
    assert not driver.find_element(By.ID, "search-browse").is_displayed()
    # The page lists everything when there is no query (and without JavaScript).
    driver.get(base_url + "search.html")
    assert driver.find_element(By.ID, "search-browse").is_displayed()
    assert driver.find_elements(By.CSS_SELECTOR, ".search-browse-list a[href^='mlops-engineer/index.html#']")
    assert_clean(driver, base_url)


def test_index_text_is_never_html(driver, base_url):
    driver.get(base_url + "index.html")
    # An index whose strings carry markup: results must show it as text.
    evil = '<img src="x" class="injected">'
    driver.execute_script("""window.__roadmapSearch.add({shard: "index", sharded: false, kinds: ["topic"],
        parts: [[0, "x.html", [[-1, arguments[0] + " crumb"]],
                 [[0, arguments[0] + " Markup <b>bold</b>", 0, "an <script>excerpt</script>", "a"]]]],
        terms: {markup: [1, [0, 100]]}});""", evil)
    type_query(driver, "markup")
    title = driver.find_element(By.CSS_SELECTOR, "#site-search-results .search-title")
    assert title.text == evil + " Markup <b>bold</b>"
    assert not driver.find_elements(By.CSS_SELECTOR, ".injected, #site-search-results b, #site-search-results script")
    assert_clean(driver, base_url)


def test_search_box_without_javascript_leads_somewhere(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<form class="site-search" role="search" action="resources.html">' in html
    assert (site / "resources.html").exists() and (site / "search.html").exists()


@seed_only
@pytest.mark.parametrize("width", [375, 1280])
def test_screenshot_results(driver, base_url, width):
    if not base_url.startswith("file:"):
        pytest.skip("one set of screenshots is enough")
    driver.set_window_size(width, 900)
    try:
        driver.get(base_url + "mlops-engineer/index.html")
        type_query(driver, "kube")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SCREENSHOTS / f"search-results-{width}.png"))
        box = driver.find_element(By.ID, "site-search-results").rect
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    finally:
        driver.set_window_size(1280, 900)
    assert_clean(driver, base_url)
