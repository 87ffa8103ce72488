"""Accessibility: axe-core reports zero violations on every page type, in the light and the
dark theme, at 375 and 1280 px and with the progress and study-plan controls in use; everything works from the
keyboard with a visible focus."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import assert_clean
from site_pages import (axe_version, clear_storage, click, first_roadmap, open_fresh_roadmap, page_types,
                        reset_viewport, run_axe, set_color_scheme, set_status, set_viewport)

PAGES = page_types()


def test_the_checker_is_a_current_axe_core_that_finds_violations(driver, base_url):
    driver.get(base_url + "index.html")
    major, minor = (int(part) for part in axe_version(driver).split(".")[:2])
    assert (major, minor) >= (4, 10), axe_version(driver)
    # The same run reports a page's faults: an image without alt text, a button without a name.
    driver.execute_script(
        "var img = document.createElement('img'); img.src = 'assets/favicon.svg'; document.body.appendChild(img);"
        "document.body.appendChild(document.createElement('button'));")
    found = {violation["id"] for violation in run_axe(driver)}
    assert {"image-alt", "button-name"} <= found, found


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name,path", PAGES, ids=[name for name, _ in PAGES])
def test_axe_has_no_violations(driver, base_url, name, path, scheme, width):
    clear_storage(driver, base_url + path)
    set_color_scheme(driver, scheme)
    set_viewport(driver, width, 900, mobile=width < 600)
    try:
        driver.get(base_url + path)
        violations = run_axe(driver)
        assert violations == [], violations
    finally:
        reset_viewport(driver)
        set_color_scheme(driver, None)


def test_axe_with_progress_and_plan_in_use(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    driver.execute_script(
        "var i = document.getElementById('plan-start'); i.value = '2027-03-01';"
        "i.dispatchEvent(new Event('change', {bubbles: true}));")
    items = driver.find_elements(By.CSS_SELECTOR, "[data-track]")
    for item, status in zip(items, ["done", "learning", "skipped"]):
        set_status(driver, item, status)
    # A shared link's offer, and the copied link, shown.
    click(driver, driver.find_element(By.ID, "progress-link-copy"))
    driver.execute_script("document.getElementById('import-offer').hidden = false")
    for theme in ("light", "dark"):
        driver.execute_script("document.documentElement.setAttribute('data-theme', arguments[0])", theme)
        violations = run_axe(driver)
        assert violations == [], (theme, violations)
    clear_storage(driver, base_url + path)


def focused(driver):
    return driver.switch_to.active_element


def test_skip_link_is_first_and_moves_focus_to_main(driver, base_url):
    driver.get(base_url + first_roadmap())
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = focused(driver)
    assert "skip-link" in skip.get_attribute("class")
    assert skip.is_displayed(), "the skip link shows when focused"
    assert skip.value_of_css_property("outline-style") != "none", "focus is visible"
    skip.send_keys(Keys.ENTER)
    assert driver.current_url.endswith("#main")
    assert focused(driver).get_attribute("id") == "main"
    assert_clean(driver, base_url)


def test_keyboard_operates_theme_toggle_and_progress(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    seen = []
    for _ in range(12):
        element = focused(driver)
        seen.append(element.get_attribute("class") or element.tag_name)
        if "theme-toggle" in (element.get_attribute("class") or ""):
            break
        element.send_keys(Keys.TAB)
    toggle = focused(driver)
    assert "theme-toggle" in toggle.get_attribute("class"), seen
    assert toggle.value_of_css_property("outline-style") != "none"
    before = driver.find_element(By.TAG_NAME, "html").get_attribute("data-theme")
    toggle.send_keys(Keys.ENTER)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("data-theme") != before
    # A progress mark, reached and changed from the keyboard.
    mark = driver.find_elements(By.CSS_SELECTOR, ".track-toggle")[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", mark)
    assert focused(driver) == mark
    assert mark.value_of_css_property("outline-style") != "none"
    mark.send_keys(Keys.ENTER)
    assert mark.get_attribute("data-status") == "learning"
    # The import button is a label for a file input that keyboard users reach by Tab.
    file_input = driver.find_element(By.ID, "progress-import")
    assert file_input.get_attribute("tabindex") in (None, "0")
    clear_storage(driver, base_url + path)
    assert_clean(driver, base_url)


def test_landmarks(driver, base_url):
    for _, path in PAGES:
        driver.get(base_url + path)
        for selector in ("header.site-header", "nav", "main", "footer.site-footer"):
            assert driver.find_elements(By.CSS_SELECTOR, selector), f"{path} has no {selector}"
        assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1, f"{path} has one h1"
