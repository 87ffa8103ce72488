"""The foundation in a real browser: the home page lists the roadmap, the roadmap page shows its
sections with working anchors, from file:// and over HTTP under a sub-path with a strict CSP."""
from selenium.webdriver.common.by import By

from conftest import SCREENSHOTS, assert_clean


def test_home_lists_the_roadmap(driver, base_url):
    driver.get(base_url + "index.html")
    cards = driver.find_elements(By.CSS_SELECTOR, ".roadmap-card")
    assert len(cards) >= 1
    titles = [card.find_element(By.CSS_SELECTOR, "h2").text for card in cards]
    assert "MLOps Engineer Career Roadmap" in titles
    assert_clean(driver, base_url)


def test_roadmap_page_sections_and_anchors(driver, base_url):
    driver.get(base_url + "index.html")
    driver.find_element(By.LINK_TEXT, "MLOps Engineer Career Roadmap").click()
    assert driver.current_url.endswith("mlops-engineer/index.html")
    h2s = [h.text.rstrip("#").strip() for h in driver.find_elements(By.CSS_SELECTOR, ".roadmap-content h2")]
    assert h2s == ["Role Definition & Career Overview", "Core Competencies", "Learning Roadmap",
                   "Practical Experience", "Professional Development", "Resources", "Success Metrics", "Career Tips"]
    # Following a table-of-contents link lands on the heading.
    driver.find_element(By.CSS_SELECTOR, '.toc a[href="#learning-roadmap"]').click()
    assert driver.current_url.endswith("#learning-roadmap")
    assert driver.find_element(By.ID, "learning-roadmap").is_displayed()
    # An anchor inside a module (folded at first) opens it.
    driver.execute_script("location.hash = 'kubernetes'")
    assert driver.find_element(By.ID, "kubernetes").is_displayed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / "foundation-roadmap.png"))
    assert_clean(driver, base_url)
