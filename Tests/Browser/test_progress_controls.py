"""The progress marks and sharing progress as a link, from file:// and over HTTP under a
sub-path with a strict CSP: one button per item goes round not started, learning and done by
keyboard, S and Shift+click skip, names and announcements say the item and its state, the
contents show each module's state, saved progress (skipped included) loads, and a copied
progress link opened in a clean browser offers its progress for import and imports it."""
import base64
import json
import time
import zlib

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import assert_clean, make_driver
from site_pages import click, open_fresh_roadmap, open_module_of, roadmap_data, set_status, status_button

STORAGE_KEY = "roadmap-site:progress:v1"
PLAN_KEY = "roadmap-site:plan:v1"


def statuses(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-track]')).map(e => e.getAttribute('data-status'))")


def announced(driver, expected, timeout=3):
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = driver.find_element(By.ID, "track-announcer").get_attribute("textContent")
        if text == expected:
            return True
        time.sleep(0.05)
    raise AssertionError(f"announced {text!r}, not {expected!r}")


def first_topic(driver):
    """A tracked list item (a topic), shown."""
    item = driver.find_element(By.CSS_SELECTOR, "li[data-track]")
    open_module_of(driver, item)
    return item


def test_the_mark_goes_round_three_states_by_keyboard_and_s_skips(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    assert not driver.find_elements(By.CSS_SELECTOR, "select"), "no menus"
    item = first_topic(driver)
    button = status_button(driver, item)
    assert button.tag_name == "button"
    assert button.get_attribute("aria-keyshortcuts") == "S"
    title = driver.execute_script("return arguments[0]._trackTitle", item)
    assert title
    assert button.get_attribute("aria-label") == f"{title}: Not started"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", button)
    seen = []
    for key in (Keys.ENTER, Keys.SPACE, Keys.ENTER):
        button.send_keys(key)
        seen.append((item.get_attribute("data-status"), button.get_attribute("aria-label")))
    assert seen == [("learning", f"{title}: Learning"), ("done", f"{title}: Done"), ("none", f"{title}: Not started")]
    announced(driver, f"{title}: Not started")
    button.send_keys("s")
    assert item.get_attribute("data-status") == "skipped"
    assert button.get_attribute("aria-label") == f"{title}: Skipped"
    announced(driver, f"{title}: Skipped")
    button.send_keys("S")
    assert item.get_attribute("data-status") == "none", "S again unskips"
    # Shift+click skips too.
    ActionChains(driver).key_down(Keys.SHIFT).click(button).key_up(Keys.SHIFT).perform()
    assert item.get_attribute("data-status") == "skipped"
    button.send_keys(Keys.ENTER)
    assert item.get_attribute("data-status") == "none", "a press on a skipped item starts it over"
    # The panel's hint says how to skip.
    hint = driver.find_element(By.CSS_SELECTOR, ".study-panel .panel-hint").text
    assert "Shift" in hint and "S" in hint
    assert_clean(driver, base_url)


def test_done_items_are_visibly_done(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    item = first_topic(driver)
    text_colour = item.value_of_css_property("color")
    set_status(driver, item, "done")
    button = status_button(driver, item)
    check = driver.execute_script(
        "return getComputedStyle(arguments[0].querySelector('.track-mark'), '::after').content", button)
    assert check not in ("none", "normal"), "a done mark is drawn with a check"
    assert item.value_of_css_property("color") != text_colour, "done text is dimmed"
    set_status(driver, item, "skipped")
    assert "line-through" in item.value_of_css_property("text-decoration-line")
    assert_clean(driver, base_url)


def test_contents_show_each_modules_state(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    entries = driver.find_elements(By.CSS_SELECTOR, ".toc a[data-status-of]")
    assert entries, "the contents list the modules"
    assert {e.get_attribute("data-status") for e in entries} == {"none"}
    anchors = [e.get_attribute("data-status-of") for e in entries[:3]]
    for anchor, status in zip(anchors, ["done", "learning", "skipped"]):
        set_status(driver, driver.find_element(By.ID, anchor), status)
    shown = {e.get_attribute("data-status-of"): e.get_attribute("data-status") for e in entries}
    assert [shown[a] for a in anchors] == ["done", "learning", "skipped"][:len(anchors)]
    # Said to screen readers too, not by colour alone.
    first = entries[0]
    assert "(Done)" in first.get_attribute("textContent")
    marker = driver.execute_script("return getComputedStyle(arguments[0], '::before').backgroundImage + "
                                   "getComputedStyle(arguments[0], '::before').backgroundColor", first)
    assert marker
    # Every other element that mirrors an item (the drawing's nodes) says the same state.
    mirrors = driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-status-of]')).map(e =>"
        " [e.getAttribute('data-status'), document.getElementById(e.getAttribute('data-status-of'))"
        "   ? document.getElementById(e.getAttribute('data-status-of')).getAttribute('data-status') : 'none'])")
    assert all(mine == theirs for mine, theirs in mirrors)
    driver.refresh()
    assert driver.find_element(By.CSS_SELECTOR, f'.toc a[data-status-of="{anchors[0]}"]').get_attribute("data-status") == "done"
    assert_clean(driver, base_url)


def test_saved_progress_of_the_menus_loads_skipped_included(driver, base_url):
    """Progress saved by the earlier pages (the same storage format) shows in the marks."""
    path = open_fresh_roadmap(driver, base_url)
    data = roadmap_data(driver)
    items = driver.find_elements(By.CSS_SELECTOR, "[data-track]")
    keys = [i.get_attribute("data-track-key") for i in items[:3]]
    saved = {data["slug"]: {keys[0]: {"status": "skipped", "title": "x", "updated": "2026-01-01T00:00:00Z"},
                            keys[1]: {"status": "done", "title": "y", "updated": "2026-01-01T00:00:00Z"},
                            keys[2]: {"status": "learning", "title": "z", "updated": "2026-01-01T00:00:00Z"}}}
    driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", STORAGE_KEY, json.dumps(saved))
    driver.refresh()
    assert statuses(driver)[:3] == ["skipped", "done", "learning"]
    buttons = [status_button(driver, i) for i in driver.find_elements(By.CSS_SELECTOR, "[data-track]")[:3]]
    assert [b.get_attribute("aria-label").rsplit(": ", 1)[1] for b in buttons] == ["Skipped", "Done", "Learning"]
    assert_clean(driver, base_url)


def copy_progress_link(driver):
    click(driver, driver.find_element(By.ID, "progress-link-copy"))
    field = driver.find_element(By.ID, "progress-link")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not field.get_attribute("value"):
        time.sleep(0.05)
    assert field.is_displayed()
    return field.get_attribute("value")


def test_progress_link_round_trip_into_a_clean_browser(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    items = driver.find_elements(By.CSS_SELECTOR, "[data-track]")
    for item, status in zip(items[:4], ["done", "learning", "skipped", "done"]):
        set_status(driver, item, status)
    driver.execute_script(
        "var i = document.getElementById('plan-start'); i.value = '2027-05-03';"
        "i.dispatchEvent(new Event('change', {bubbles: true}));")
    marked = statuses(driver)
    keys = driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-track]')).map(e => e.getAttribute('data-track-key'))")
    link = copy_progress_link(driver)
    page = driver.current_url.split("#")[0]
    assert link.startswith(page + "#progress=")
    code = link.split("#progress=", 1)[1]
    assert len(code) < 600, "the link is compact"
    assert_clean(driver, base_url)

    other = make_driver()  # a clean profile: nothing saved
    try:
        other.get(link)
        offer = other.find_element(By.ID, "import-offer")
        wait(lambda: offer.is_displayed())
        text = offer.text
        assert "2 done" in text and "1 learning" in text and "1 skipped" in text, text
        assert "study plan" in text
        assert "#progress=" not in other.current_url, "the fragment left the address bar"
        assert other.current_url == page
        assert set(statuses(other)) == {"none"}, "nothing imported before the learner says so"
        # An item marked in this browser and not in the link keeps its state (merged, not replaced).
        own = other.find_elements(By.CSS_SELECTOR, "[data-track]")[6]
        set_status(other, own, "learning")
        click(other, offer.find_element(By.CSS_SELECTOR, '[data-offer="import"]'))
        assert not offer.is_displayed()
        expected = list(marked)
        expected[6] = "learning"
        assert statuses(other) == expected
        assert "Imported 4" in other.find_element(By.ID, "panel-status").text
        assert other.find_element(By.ID, "plan-start").get_attribute("value") == "2027-05-03"
        stored = json.loads(other.execute_script("return localStorage.getItem(arguments[0])", STORAGE_KEY))
        slug = roadmap_data(other)["slug"]
        assert {k: v["status"] for k, v in stored[slug].items()} == {
            keys[i]: s for i, s in enumerate(expected) if s != "none"}
        other.refresh()
        assert statuses(other) == expected
        assert not other.find_element(By.ID, "import-offer").is_displayed(), "not offered again"
        # Dismissed, a link changes nothing.
        other.execute_script("localStorage.clear()")
        other.get("about:blank")
        other.get(link)
        offer = other.find_element(By.ID, "import-offer")
        wait(lambda: offer.is_displayed())
        click(other, offer.find_element(By.CSS_SELECTOR, '[data-offer="dismiss"]'))
        assert not offer.is_displayed()
        assert set(statuses(other)) == {"none"}
        assert_clean(other, base_url)
    finally:
        other.quit()


def encoded(payload, compress=True):
    data = json.dumps(payload).encode()
    if compress:
        data = zlib.compress(data)
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_bad_progress_links_are_refused_with_a_message(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    slug = roadmap_data(driver)["slug"]
    key = driver.find_element(By.CSS_SELECTOR, "[data-track]").get_attribute("data-track-key")
    bad = ["", "%%%", "AAAA", encoded({"v": 1}, compress=False), encoded({"v": 2, "r": slug, "p": {}}),
           encoded({"v": 1, "r": slug, "p": {key: "x"}}), encoded([1, 2, 3]), encoded("text")[:-3]]
    for code in bad:
        driver.get("about:blank")
        driver.get(base_url + path + "#progress=" + code)
        offer = driver.find_element(By.ID, "import-offer")
        wait(lambda: offer.is_displayed())
        assert "cannot be read" in offer.text, (code, offer.text)
        assert not offer.find_element(By.CSS_SELECTOR, '[data-offer="import"]').is_displayed()
        assert set(statuses(driver)) == {"none"}
    # A link for another roadmap is not imported into this one.
    driver.get("about:blank")
    driver.get(base_url + path + "#progress=" + encoded({"v": 1, "r": "another/roadmap", "p": {key: "d"}}))
    offer = driver.find_element(By.ID, "import-offer")
    wait(lambda: offer.is_displayed())
    assert "another/roadmap" in offer.text
    assert set(statuses(driver)) == {"none"}
    # A good one made by hand, in the documented format, is offered.
    driver.get("about:blank")
    driver.get(base_url + path + "#progress=" + encoded({"v": 1, "r": slug, "p": {key: "d"}}))
    offer = driver.find_element(By.ID, "import-offer")
    wait(lambda: offer.is_displayed())
    assert "1 done" in offer.text
    assert_clean(driver, base_url)


def wait(condition, timeout=5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")
