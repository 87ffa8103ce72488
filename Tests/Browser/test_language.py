"""A site built with `language: zh` speaks Chinese: its header, search box and results, progress
panel and resource filter, with <html lang="zh">; the scripts' strings come from the page."""
import pathlib
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import assert_clean, roadmap_binary

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "Tests/RoadmapKitTests/Fixtures/language/Content"


@pytest.fixture(scope="module")
def chinese_site(tmp_path_factory):
    """The language fixture with `language: zh`, built into a temporary folder."""
    folder = tmp_path_factory.mktemp("language")
    content = folder / "Content"
    shutil.copytree(FIXTURE, content)
    (content / "site.yml").write_text("language: zh\n", encoding="utf-8")
    out = folder / "Site"
    subprocess.run([roadmap_binary(), "build", "--quiet", "--content", str(content), "--templates",
                    str(ROOT / "Templates"), "--output", str(out)], check=True, cwd=ROOT)
    return out


def wait_for(driver, condition, timeout=5):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def test_the_header_and_progress_panel_are_chinese(driver, chinese_site):
    base = chinese_site.as_uri() + "/"
    driver.get(base + "data-analyst/index.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh"
    assert driver.find_element(By.CSS_SELECTOR, ".site-title").text == "职业路线图"
    assert driver.find_element(By.CSS_SELECTOR, ".site-nav a").text == "路线图"
    search = driver.find_element(By.ID, "site-search-input")
    assert search.get_attribute("placeholder") == "搜索  /"
    assert driver.find_element(By.CSS_SELECTOR, "label[for=site-search-input]").get_attribute("textContent") == "搜索"
    assert [fact.text for fact in driver.find_elements(By.CSS_SELECTOR, ".roadmap-header .facts span")] == [
        "2 个阶段", "4 个模块", "3–4 个月"]
    panel = driver.find_element(By.CSS_SELECTOR, ".study-panel")
    assert panel.is_displayed()
    assert panel.find_element(By.CSS_SELECTOR, ".panel-title").text == "学习进度与学习计划"
    assert driver.find_element(By.ID, "progress-export").text == "导出进度"
    # Written by site.js from the page's strings: nothing is marked yet.
    label = driver.find_element(By.ID, "overall-progress-label").text
    assert label.startswith("进度：已完成 0/") and label.endswith("（0%）"), label
    # The menus beside each item (if this page has them) say their states in Chinese.
    options = [option.get_attribute("textContent") for option in driver.find_elements(By.CSS_SELECTOR, "select.track-status option")]
    if options:
        assert options[:4] == ["未开始", "学习中", "已完成", "已跳过"]
    assert "Progress" not in driver.find_element(By.CSS_SELECTOR, ".study-panel").text
    assert_clean(driver, base)


def test_search_suggestions_and_results_are_chinese(driver, chinese_site):
    base = chinese_site.as_uri() + "/"
    driver.get(base + "data-analyst/index.html")
    search = driver.find_element(By.ID, "site-search-input")
    search.send_keys("pandas")
    listbox = driver.find_element(By.ID, "site-search-results")
    wait_for(driver, lambda d: listbox.is_displayed() and listbox.find_elements(By.CSS_SELECTOR, "li.search-more"))
    kinds = [kind.text for kind in listbox.find_elements(By.CSS_SELECTOR, ".search-kind")]
    assert kinds and set(kinds) <= {"路线图", "阶段", "模块", "主题", "技能", "项目", "资源", "章节"}, kinds
    assert listbox.find_element(By.CSS_SELECTOR, "li.search-more a").text == "查看“pandas”的全部结果"
    search.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: d.current_url.split("/")[-1].startswith("search.html"))
    status = driver.find_element(By.ID, "search-status")
    wait_for(driver, lambda d: status.text)
    assert status.text.startswith("“pandas”共有 ") and status.text.endswith(" 条结果"), status.text
    assert driver.find_element(By.TAG_NAME, "h1").text == "搜索"
    # A query that matches nothing says so in Chinese.
    page_input = driver.find_element(By.ID, "search-page-input")
    page_input.clear()
    page_input.send_keys("zzzqqq")
    wait_for(driver, lambda d: "zzzqqq" in status.text)
    assert status.text.startswith("没有与“zzzqqq”匹配的结果")
    assert_clean(driver, base)


def test_the_resource_filter_counts_in_chinese(driver, chinese_site):
    base = chinese_site.as_uri() + "/"
    driver.get(base + "data-analyst/resources.html")
    count = driver.find_element(By.ID, "resource-count")
    assert count.text == "1 项资源"
    query = driver.find_element(By.ID, "resource-query")
    assert query.get_attribute("placeholder") == "标题、作者或提供方"
    query.send_keys("nothing like this")
    wait_for(driver, lambda d: count.text == "0 项资源")
    assert_clean(driver, base)
