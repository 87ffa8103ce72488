"""Every page type, from file:// and over HTTP under a sub-path with a strict CSP: it loads
clean (no console errors, no failed or external requests), carries its publishing metadata,
and behaves (theme toggle remembered, table of contents on phones)."""
import socketserver
import threading

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, SUB_PATH, SubPathHandler, assert_clean, console_errors
from site_pages import clear_storage, first_roadmap, open_fresh_roadmap, page_types, reset_viewport, set_viewport

PAGES = page_types()


@pytest.mark.parametrize("name,path", PAGES, ids=[name for name, _ in PAGES])
def test_page_loads_clean(driver, base_url, name, path):
    driver.get(base_url + path)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    description = driver.find_element(By.CSS_SELECTOR, 'meta[name="description"]').get_attribute("content")
    assert description.strip(), "every page has a description"
    icon = driver.find_element(By.CSS_SELECTOR, 'link[rel="icon"]').get_attribute("href")
    assert icon.startswith(base_url), icon
    assert driver.find_element(By.CSS_SELECTOR, "main#main")
    assert driver.find_element(By.CSS_SELECTOR, "a.skip-link").get_attribute("href").endswith("#main")
    # Scripts ran: the theme toggle is shown and reflects the theme.
    toggle = driver.find_element(By.CSS_SELECTOR, ".theme-toggle")
    assert toggle.is_displayed()
    assert toggle.get_attribute("aria-pressed") in ("true", "false")
    assert_clean(driver, base_url)


def test_not_found_page_links_work_without_base_url(driver, base_url):
    """Without base_url, 404.html links relative to the site root, so it works as /404.html
    from file:// and under a sub-path: its stylesheet applies and its links lead to pages."""
    driver.get(base_url + "404.html")
    assert "not found" in driver.find_element(By.TAG_NAME, "h1").text.lower()
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", ""), "site.css applied"
    driver.find_element(By.LINK_TEXT, "Go to the home page").click()
    assert driver.current_url == base_url + "index.html"
    assert_clean(driver, base_url)


def test_theme_toggle_is_remembered_without_flash(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    root = driver.find_element(By.TAG_NAME, "html")
    before = root.get_attribute("data-theme")
    driver.find_element(By.CSS_SELECTOR, ".theme-toggle").click()
    chosen = root.get_attribute("data-theme")
    assert chosen in ("light", "dark") and chosen != before
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    driver.get(base_url + "index.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("data-theme") == chosen
    assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") == background
    # No flash: the theme is applied by a blocking script in <head>, before the body exists.
    head_scripts = driver.execute_script(
        "return Array.from(document.head.querySelectorAll('script[src]'))"
        ".map(s => [s.getAttribute('src'), s.defer, s.async])")
    theme_script = [s for s in head_scripts if s[0].endswith("assets/theme.js")]
    assert theme_script and not theme_script[0][1] and not theme_script[0][2]
    driver.find_element(By.CSS_SELECTOR, ".theme-toggle").click()
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("data-theme") != chosen
    clear_storage(driver, base_url + "index.html")
    assert_clean(driver, base_url)


def test_table_of_contents_sticky_on_wide_collapsed_on_phones(driver, base_url):
    path = first_roadmap()
    driver.get(base_url + path)
    toc = driver.find_element(By.CSS_SELECTOR, ".toc")
    assert toc.value_of_css_property("position") == "sticky"
    assert driver.find_element(By.CSS_SELECTOR, ".toc details").get_attribute("open") is not None
    try:
        set_viewport(driver, 375, 800, mobile=True)
        driver.get(base_url + path)
        details = driver.find_element(By.CSS_SELECTOR, ".toc details")
        assert details.get_attribute("open") is None, "closed by default on phones"
        assert not driver.find_element(By.CSS_SELECTOR, ".toc details > ul").is_displayed()
        details.find_element(By.TAG_NAME, "summary").click()
        link = driver.find_element(By.CSS_SELECTOR, ".toc details > ul a")
        assert link.is_displayed()
        # No horizontal scrolling at phone width.
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        reset_viewport(driver)
    assert_clean(driver, base_url)


@pytest.mark.parametrize("width", [360, 768, 1024, 1440])
def test_no_horizontal_overflow(driver, width):
    base = SITE.as_uri() + "/"
    try:
        set_viewport(driver, width, 900, mobile=width < 600)
        for _, path in PAGES:
            driver.get(base + path)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{path} overflows by {overflow}px at {width}px"
    finally:
        reset_viewport(driver)


def test_print_stylesheet_hides_chrome_and_shows_link_urls(driver, base_url):
    driver.get(base_url + first_roadmap())
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in (".site-header", ".site-footer", ".toc", ".study-panel"):
            for element in driver.find_elements(By.CSS_SELECTOR, selector):
                assert not element.is_displayed(), f"{selector} is printed"
        external = driver.find_elements(By.CSS_SELECTOR, 'main a[href^="http"]')
        if external:
            after = driver.execute_script(
                "return getComputedStyle(arguments[0], '::after').content", external[0])
            assert external[0].get_attribute("href").rstrip("/") in after
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


class NotFoundHandler(SubPathHandler):
    """Like the sub-path server, but answers a missing page with the site's 404.html, as hosts do."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (SITE / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def not_found_base(site):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), NotFoundHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()


def test_host_served_not_found_page_renders_under_a_sub_path(driver, not_found_base):
    """A host answering a missing page beside the others with 404.html: styled, and its links work."""
    driver.get(not_found_base + "no-such-page.html")
    assert "not found" in driver.find_element(By.TAG_NAME, "h1").text.lower()
    assert driver.find_element(By.CSS_SELECTOR, ".theme-toggle").is_displayed(), "site.css and site.js loaded"
    driver.find_element(By.LINK_TEXT, "Go to the home page").click()
    assert driver.current_url == not_found_base + "index.html"
    errors = [e for e in console_errors(driver) if "404" not in e]
    assert not errors


@pytest.mark.parametrize("width", [360, 640, 768, 1280])
def test_anchored_heading_is_not_hidden_under_the_header(driver, width):
    base = SITE.as_uri() + "/"
    try:
        set_viewport(driver, width, 800, mobile=width < 600)
        driver.get(base + first_roadmap())
        target = driver.find_elements(By.CSS_SELECTOR, ".toc a")[-1].get_attribute("href").split("#")[1]
        driver.get(base + first_roadmap() + "#" + target)
        covered = driver.execute_script(
            "var h = document.querySelector('.site-header'), t = document.getElementById(arguments[0]);"
            "var sticky = getComputedStyle(h).position === 'sticky';"
            "return sticky && t.getBoundingClientRect().top < h.getBoundingClientRect().bottom;", target)
        assert not covered
    finally:
        reset_viewport(driver)
