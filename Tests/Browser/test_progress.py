"""Progress tracking and the study plan, from file:// and over HTTP under a sub-path with a
strict CSP: statuses survive a reload and an export/import round trip and small heading edits;
the study plan dates every phase and module and its .ics has one event per phase."""
import datetime
import json
import re
import tempfile

from selenium.webdriver.common.by import By

from conftest import assert_clean
from site_pages import allow_downloads, click, open_fresh_roadmap, roadmap_data, set_status, wait_for_file

STORAGE_KEY = "roadmap-site:progress:v1"


def tracked(driver):
    return driver.find_elements(By.CSS_SELECTOR, "[data-track]")


def statuses(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-track]')).map(e => e.getAttribute('data-status'))")


def mark_some(driver):
    items = tracked(driver)
    assert len(items) >= 4, "the roadmap has tracked modules and topics"
    data = roadmap_data(driver)
    first_module = data["phases"][0]["items"][0]
    module = driver.find_element(By.CSS_SELECTOR, f'[data-track="{first_module}"]')
    set_status(driver, module, "done")
    set_status(driver, items[2], "learning")
    set_status(driver, items[3], "skipped")
    return statuses(driver)


def test_status_survives_reload_and_updates_progress(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    assert set(statuses(driver)) == {"none"}
    marked = mark_some(driver)
    assert marked.count("done") == 1 and marked.count("learning") == 1 and marked.count("skipped") == 1
    overall = driver.find_element(By.ID, "overall-progress-label").text
    assert overall.startswith("Progress: 1 of ")
    first_phase = roadmap_data(driver)["phases"][0]["id"]
    phase_text = driver.find_element(By.ID, f"phase-progress-{first_phase}").text
    assert phase_text.startswith("1 of "), phase_text
    driver.refresh()
    assert statuses(driver) == marked
    assert driver.find_element(By.ID, "overall-progress-label").text == overall
    # The home page shows the learner's progress on the roadmap's card.
    driver.get(base_url + "index.html")
    assert "1 done" in driver.find_element(By.CSS_SELECTOR, ".card-progress").text
    assert_clean(driver, base_url)


def test_export_import_round_trip(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    marked = mark_some(driver)
    downloads = allow_downloads(driver, tempfile.mkdtemp(prefix="roadmap-export-"))
    click(driver, driver.find_element(By.ID, "progress-export"))
    exported = wait_for_file(downloads, "-progress.json")
    payload = json.loads(exported.read_text())
    assert payload["format"] == "roadmap-site-progress"
    assert sorted(entry["status"] for entry in payload["progress"].values()) == ["done", "learning", "skipped"]
    driver.execute_script("window.localStorage.clear()")
    driver.refresh()
    assert set(statuses(driver)) == {"none"}
    driver.find_element(By.ID, "progress-import").send_keys(str(exported))
    driver.find_element(By.CSS_SELECTOR, "#panel-status")
    assert wait_until(lambda: statuses(driver) == marked)
    assert "Imported 3" in driver.find_element(By.ID, "panel-status").text
    driver.refresh()
    assert statuses(driver) == marked
    assert_clean(driver, base_url)


def test_progress_survives_small_heading_edits_and_reordering(driver, base_url):
    """Stored under keys made from the titles, not positions: an entry whose title changed a
    little is matched to its item again (roadmap.sh loses progress when a roadmap changes)."""
    path = open_fresh_roadmap(driver, base_url)
    data = roadmap_data(driver)
    module = driver.find_element(By.CSS_SELECTOR, f'[data-track="{data["phases"][0]["items"][0]}"]')
    key = module.get_attribute("data-track-key")
    slug = data["slug"]
    # As if the heading had been edited slightly since the learner marked it ("...s" added).
    driver.execute_script(
        "var all = {}; all[arguments[0]] = {}; all[arguments[0]][arguments[1]] = {status: 'done', title: 'old'};"
        "localStorage.setItem(arguments[2], JSON.stringify(all));", slug, key + "s", STORAGE_KEY)
    driver.refresh()
    module = driver.find_element(By.CSS_SELECTOR, f'[data-track="{data["phases"][0]["items"][0]}"]')
    assert module.get_attribute("data-status") == "done"
    stored = json.loads(driver.execute_script("return localStorage.getItem(arguments[0])", STORAGE_KEY))
    assert key in stored[slug] and key + "s" not in stored[slug], "the entry moved to the new key"
    # Keys do not depend on position: no key is an index.
    keys = driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-track]')).map(e => e.getAttribute('data-track-key'))")
    assert len(set(keys)) == len(keys)
    assert all(re.match(r"^[mt]:\D", k) for k in keys), keys[:5]
    assert_clean(driver, base_url)


def test_study_plan_dates_and_calendar(driver, base_url):
    path = open_fresh_roadmap(driver, base_url)
    data = roadmap_data(driver)
    phases = data["phases"]
    # The plan's form is folded under its summary until a plan is saved.
    assert not driver.find_element(By.ID, "plan-hours").is_displayed()
    click(driver, driver.find_element(By.CSS_SELECTOR, ".plan-details > summary"))
    driver.execute_script(
        "var i = document.getElementById('plan-start'); i.value = '2027-01-04';"
        "i.dispatchEvent(new Event('change', {bubbles: true}));")
    hours = driver.find_element(By.ID, "plan-hours")
    hours.send_keys("20")
    click(driver, driver.find_element(By.ID, "plan-start"))  # blur the hours field: 'change' fires
    dates = driver.find_elements(By.CSS_SELECTOR, ".phase-overview .phase-dates")
    assert len(dates) == len(phases)
    assert all(d.text.strip() for d in dates)
    assert "2027" in dates[0].text
    module_ids = [m["id"] for p in phases for m in p["modules"]]
    for module_id in module_ids:
        text = driver.find_element(By.CSS_SELECTOR, f'[data-plan-module="{module_id}"]').text
        assert re.search(r"\d", text), f"module {module_id} has dates"
    downloads = allow_downloads(driver, tempfile.mkdtemp(prefix="roadmap-ics-"))
    click(driver, driver.find_element(By.ID, "plan-ics"))
    ics = wait_for_file(downloads, ".ics").read_bytes().decode("utf-8")
    events = parse_ics(ics)
    assert len(events) == len(phases), "one event per phase"
    assert [e["SUMMARY"] for e in events] == [ics_escape(p["title"]) for p in phases]
    starts = [datetime.date.fromisoformat(re.sub(r"(\d{4})(\d{2})(\d{2})", r"\1-\2-\3", e["DTSTART;VALUE=DATE"]))
              for e in events]
    assert starts[0] == datetime.date(2027, 1, 4)
    assert starts == sorted(starts)
    for event, following in zip(events, events[1:]):
        assert event["DTEND;VALUE=DATE"] == following["DTSTART;VALUE=DATE"], "phases follow each other"
    # Remembered.
    driver.refresh()
    assert driver.find_element(By.ID, "plan-start").get_attribute("value") == "2027-01-04"
    assert driver.find_element(By.ID, "plan-hours").get_attribute("value") == "20"
    assert len(driver.find_elements(By.CSS_SELECTOR, ".phase-overview .phase-dates")) == len(phases)
    click(driver, driver.find_element(By.ID, "plan-clear"))
    assert not driver.find_elements(By.CSS_SELECTOR, ".phase-overview .phase-dates")
    assert_clean(driver, base_url)


def ics_escape(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def parse_ics(text):
    """VEVENTs of an iCalendar file as dicts (lines unfolded), checking its framing."""
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = text.replace("\r\n ", "").split("\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n")), "lines folded at 75 octets"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            for required in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"):
                assert required in current, f"event without {required}"
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            name, value = line.split(":", 1)
            current[name] = value
    return events


def wait_until(condition, timeout=5):
    import time
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False
