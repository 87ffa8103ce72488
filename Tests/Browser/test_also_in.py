"""Skills and tools several roadmaps list link to each other's entries ("Also in")."""
import json
import pathlib
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, assert_clean, roadmap_binary

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "Tests/RoadmapKitTests/Fixtures/also-in/Content"


def roadmap_with_also_in():
    """A roadmap whose roadmap.json has also-in links, with its first such link."""
    for path in sorted(SITE.glob("*/roadmap.json")):
        data = json.loads(path.read_text())
        links = [link for link in data["links"] if link["kind"] == "also-in"]
        if links:
            return path.parent.name, data, links
    pytest.skip("no two roadmaps of this site share a skill or tool")


def test_also_in_links_land_on_the_other_roadmaps_entry(driver, base_url):
    slug, data, links = roadmap_with_also_in()
    driver.get(base_url + slug + "/index.html")
    link = links[0]
    entry = driver.find_element(By.ID, link["from"])
    also = entry.find_element(By.XPATH, "./ancestor-or-self::li[1]").find_element(By.CSS_SELECTOR, ".also-in")
    assert also.is_displayed()
    assert also.text.startswith("Also in")
    anchor = also.find_element(By.CSS_SELECTOR, "a[href='%s']" % link["to"])
    label = anchor.text
    anchor.click()
    target_slug, fragment = link["to"][3:].split("/index.html#")
    assert driver.current_url.endswith("/" + target_slug + "/index.html#" + fragment)
    target = driver.find_element(By.ID, fragment)
    # The link's label names the other roadmap and the entry it lands on.
    other = json.loads((SITE / target_slug / "roadmap.json").read_text())
    assert label.startswith(other["title"])
    assert label.split("›")[-1].strip() in target.text
    # And that entry links back (the two roadmaps share it both ways).
    back = target.find_element(By.XPATH, "./ancestor-or-self::li[1]").find_elements(
        By.CSS_SELECTOR, ".also-in a[href^='../%s/index.html#']" % slug)
    assert back
    assert_clean(driver, base_url)


def test_every_also_in_link_in_the_data_is_on_the_page(site):
    slug, data, links = roadmap_with_also_in()
    page = (site / slug / "index.html").read_text()
    for link in links:
        assert 'href="%s"' % link["to"] in page


@pytest.fixture(scope="module")
def two_roadmap_site(tmp_path_factory):
    """The two-roadmap fixture (a data engineer and an ML engineer sharing skills and tools), built."""
    out = tmp_path_factory.mktemp("also-in") / "Site"
    subprocess.run([roadmap_binary(), "build", "--quiet", "--content", str(FIXTURE), "--templates",
                    str(ROOT / "Templates"), "--output", str(out)], check=True, cwd=ROOT)
    return out


def test_two_roadmaps_link_their_shared_skills_and_tools_both_ways(driver, two_roadmap_site):
    base = two_roadmap_site.as_uri() + "/"
    driver.get(base + "data-engineer/index.html")
    skill = driver.find_element(By.ID, "skill-container-orchestration")
    link = skill.find_element(By.CSS_SELECTOR, ".also-in a")
    assert link.text == "ML Engineer › Container Orchestration"
    link.click()
    assert driver.current_url == base + "ml-engineer/index.html#skill-container-orchestration"
    target = driver.find_element(By.ID, "skill-container-orchestration")
    assert target.text.startswith("Container Orchestration")
    back = target.find_element(By.CSS_SELECTOR, ".also-in a")
    assert back.text == "Data Engineer › Container Orchestration"
    # A tool: "Docker (free)" on one page is "Docker" on the other.
    tools = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#tools-and-platforms ~ ul .also-in a")]
    assert "Data Engineer › Docker" in tools and "Data Engineer › Apache Airflow" in tools
    back.click()
    assert driver.current_url == base + "data-engineer/index.html#skill-container-orchestration"
    # Listed by one roadmap only: no "Also in".
    assert not driver.find_element(By.ID, "skill-stream-processing").find_elements(By.CSS_SELECTOR, ".also-in")
    assert_clean(driver, base)
