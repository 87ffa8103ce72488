"""A saved study plan's calendar dates show on the roadmap's timeline page too."""
import json

from selenium.webdriver.common.by import By

from conftest import assert_clean

PLAN_KEY = "roadmap-site:plan:v1"


def test_timeline_page_shows_the_saved_plan(driver, base_url):
    driver.get(base_url + "index.html")
    first = driver.find_element(By.CSS_SELECTOR, ".roadmap-card h2 a").get_attribute("href")
    timeline = first.rsplit("/", 1)[0] + "/timeline.html"
    driver.get(timeline)
    data = json.loads(driver.find_element(By.ID, "roadmap-data").get_attribute("textContent"))
    # Without a plan the dates column is hidden.
    assert not driver.find_element(By.CSS_SELECTOR, "th.plan-only").is_displayed()

    driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", PLAN_KEY,
                          json.dumps({data["slug"]: {"start": "2027-01-04", "hoursPerWeek": None}}))
    driver.refresh()
    first_phase = data["phases"][0]["id"]
    cell = driver.find_element(By.CSS_SELECTOR, f'td[data-plan-phase="{first_phase}"]')
    assert cell.is_displayed()
    assert "2027" in cell.text, cell.text
    module_cells = driver.find_elements(By.CSS_SELECTOR, "td[data-plan-module]")
    assert module_cells and all(c.text for c in module_cells)
    driver.execute_script("localStorage.removeItem(arguments[0])", PLAN_KEY)
    assert_clean(driver, base_url)
