"""The roadmap page's hierarchy, from file:// and over HTTP under a sub-path with a strict CSP:
phases are bands apart from their modules; modules fold and unfold (WAI-ARIA disclosure) by
keyboard, open when the page is opened at or jumps to an anchor inside them, and all open for
printing and without scripts; wide screens put the contents, the article and the progress panel
side by side, and a phone has one column without sideways scrolling."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import SITE, assert_clean
from site_pages import click, first_roadmap, open_fresh_roadmap, reset_viewport, roadmap_data, set_viewport


def modules(driver):
    return driver.find_elements(By.CSS_SELECTOR, "section.module")


def toggle_of(module):
    return module.find_element(By.CSS_SELECTOR, ".fold-toggle")


def body_of(driver, module):
    return driver.find_element(By.ID, toggle_of(module).get_attribute("aria-controls"))


def expanded(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('section.module .fold-toggle'))"
        ".map(b => b.getAttribute('aria-expanded') === 'true')")


def module_with_topic(driver, index=-1):
    """(module section, the anchor of a tracked item inside its body) for the index-th module that has one (the last by default)."""
    found = driver.execute_script(
        "return Array.from(document.querySelectorAll('section.module')).filter(m =>"
        " m.querySelector('.module-body [data-track]'))"
        ".map(m => [m, m.querySelector('.module-body [data-track]').id])")
    assert found, "the roadmap has modules with topics"
    return found[index]


def test_phases_are_bands_and_modules_their_cards(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    data = roadmap_data(driver)
    phases = driver.find_elements(By.CSS_SELECTOR, "section.phase")
    assert [p.find_element(By.XPATH, "./*[1]").get_attribute("id") for p in phases] == [p["id"] for p in data["phases"]]
    # Every module of the data is a card inside its phase's band, its heading a heading.
    for phase, section in zip(data["phases"], phases):
        heading_modules = [m["id"] for m in phase["modules"] if driver.find_elements(By.CSS_SELECTOR, f'section.module > [id="{m["id"]}"]')]
        inside = [h.get_attribute("id") for h in section.find_elements(By.CSS_SELECTOR, "section.module > :first-child")]
        assert inside == heading_modules
    band = phases[0].find_element(By.XPATH, "./*[1]")
    card = modules(driver)[0].find_element(By.XPATH, "./*[1]")
    band_size = float(band.value_of_css_property("font-size").rstrip("px"))
    card_size = float(card.value_of_css_property("font-size").rstrip("px"))
    assert band_size >= card_size * 1.2, "a phase's heading is clearly larger than a module's"
    assert band.value_of_css_property("background-color") != driver.find_element(
        By.TAG_NAME, "body").value_of_css_property("background-color"), "a phase's heading is a band"
    assert_clean(driver, base_url)


def test_modules_fold_and_unfold_by_keyboard(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    cards = modules(driver)
    assert cards, "the roadmap has modules"
    # Folded at first, so the page reads as an outline.
    assert expanded(driver) == [False] * len(cards)
    module = cards[1] if len(cards) > 1 else cards[0]
    toggle = toggle_of(module)
    body = body_of(driver, module)
    assert toggle.tag_name == "button"
    assert driver.execute_script("return arguments[0].parentElement.tagName", toggle) in {"H2", "H3", "H4", "H5", "H6"}, \
        "the button is inside the heading, which stays a heading"
    assert not body.is_displayed()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", toggle)
    toggle.send_keys(Keys.ENTER)
    assert toggle.get_attribute("aria-expanded") == "true"
    assert body.is_displayed()
    toggle.send_keys(Keys.SPACE)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not body.is_displayed()
    # The name of the button is the module's title.
    title = driver.execute_script("return arguments[0].textContent.trim()", toggle) or toggle.get_attribute("aria-label")
    heading = driver.execute_script("return arguments[0].firstElementChild.textContent", module)
    assert title and title in heading
    # Open all and fold all, from the panel.
    click(driver, driver.find_element(By.CSS_SELECTOR, '[data-fold="open"]'))
    assert all(expanded(driver))
    click(driver, driver.find_element(By.CSS_SELECTOR, '[data-fold="close"]'))
    assert not any(expanded(driver))
    assert_clean(driver, base_url)


def test_opened_at_an_anchor_inside_a_module_keeps_that_module_open(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    module, anchor = module_with_topic(driver)
    index = modules(driver).index(module)
    driver.get(base_url + path + "#" + anchor)
    driver.refresh()
    states = expanded(driver)
    assert states[index] and states.count(True) == 1, states
    target = driver.find_element(By.ID, anchor)
    assert target.is_displayed()
    in_view = driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight", target)
    assert in_view, "the page is scrolled to the anchor"
    assert_clean(driver, base_url)


def test_jumps_to_an_anchor_open_its_module(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    # The contents list: following a module's entry opens it.
    entry = driver.find_elements(By.CSS_SELECTOR, ".toc a[data-status-of]")[-1]
    anchor = entry.get_attribute("href").split("#")[1]
    click(driver, entry)
    module = driver.find_element(By.ID, anchor).find_element(By.XPATH, "./ancestor::section[contains(@class, 'module')]")
    assert toggle_of(module).get_attribute("aria-expanded") == "true"
    # A link in the page to an item inside a folded module.
    click(driver, driver.find_element(By.CSS_SELECTOR, '[data-fold="close"]'))
    module, target = module_with_topic(driver, 0)
    assert toggle_of(module).get_attribute("aria-expanded") == "false"
    driver.execute_script(
        "var a = document.createElement('a'); a.href = '#' + arguments[0]; a.id = 'test-jump'; a.textContent = 'jump';"
        "document.querySelector('.roadmap-header').appendChild(a);", target)
    click(driver, driver.find_element(By.ID, "test-jump"))
    assert toggle_of(module).get_attribute("aria-expanded") == "true"
    assert driver.find_element(By.ID, target).is_displayed()
    # The address changed by hand (or by a script): hashchange opens the module too.
    click(driver, driver.find_element(By.CSS_SELECTOR, '[data-fold="close"]'))
    driver.execute_script("location.hash = 'top'")
    driver.execute_script("location.hash = arguments[0]", target)
    driver.execute_script("return new Promise(r => setTimeout(r, 100))")
    assert toggle_of(module).get_attribute("aria-expanded") == "true"
    assert_clean(driver, base_url)


def test_find_in_page_can_reach_folded_text(driver, base_url):
    """Folded bodies are hidden="until-found" (Chromium): find in page searches them and its
    `beforematch` event opens the module."""
    path = open_fresh_roadmap(driver, base_url)
    module = modules(driver)[0]
    body = body_of(driver, module)
    assert driver.execute_script("return arguments[0].getAttribute('hidden')", body) == "until-found"
    driver.execute_script("arguments[0].dispatchEvent(new Event('beforematch'))", body)
    assert toggle_of(module).get_attribute("aria-expanded") == "true"
    assert driver.execute_script("return arguments[0].getAttribute('hidden')", body) is None
    assert_clean(driver, base_url)


def test_printing_opens_every_module(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    assert not any(expanded(driver))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        # The print style shows every body, even one still folded (printing from a script's
        # window.print() or without the beforeprint event).
        bodies = driver.find_elements(By.CSS_SELECTOR, ".module-body")
        assert all(body.is_displayed() for body in bodies)
        assert all(b.size["height"] > 0 for b in bodies)
        assert not any(t.is_displayed() for t in driver.find_elements(By.CSS_SELECTOR, ".track-toggle"))
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    assert all(expanded(driver))
    driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
    assert not any(expanded(driver)), "folded again after printing"
    assert_clean(driver, base_url)


def test_without_scripts_every_module_is_open(driver, file_base):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(file_base + first_roadmap())
        assert not driver.find_elements(By.CSS_SELECTOR, ".fold-toggle, .track-toggle")
        bodies = driver.find_elements(By.CSS_SELECTOR, ".module-body")
        assert bodies and all(body.is_displayed() for body in bodies)
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_wide_screens_put_contents_article_and_panel_side_by_side(driver):
    base = SITE.as_uri() + "/"
    path = first_roadmap()
    try:
        set_viewport(driver, 1280, 900)
        driver.get(base + path)
        toc = driver.find_element(By.CSS_SELECTOR, ".toc").rect
        article = driver.find_element(By.CSS_SELECTOR, ".roadmap-content").rect
        side = driver.find_element(By.CSS_SELECTOR, ".roadmap-side").rect
        assert toc["x"] + toc["width"] <= article["x"], "contents left of the article"
        assert article["x"] + article["width"] <= side["x"], "the panel right of the article"
        assert side["x"] + side["width"] >= 1280 * 0.9, "the right of the screen is used"
        assert driver.find_element(By.CSS_SELECTOR, ".study-panel").is_displayed()
        # The panel stays in view as the article scrolls.
        driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
        top = driver.execute_script("return document.querySelector('.roadmap-side').getBoundingClientRect().top")
        assert 0 <= top < 200, top
        # A phone: one column, nothing wider than the screen.
        set_viewport(driver, 375, 800, mobile=True)
        driver.get(base + path)
        assert driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 0
        side = driver.find_element(By.CSS_SELECTOR, ".roadmap-side").rect
        article = driver.find_element(By.CSS_SELECTOR, ".roadmap-content").rect
        assert side["y"] + side["height"] <= article["y"], "the panel comes before the article"
        assert abs(side["x"] - article["x"]) < 2
    finally:
        reset_viewport(driver)
