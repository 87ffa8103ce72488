"""Page shapes the seed does not have, built from the Swift tests' fixtures with the built
binary: a roadmap.sh folder drawn from its graph, every phase shape (steps, tracks, months and
weeks, tables, days, checklists), and a repository of nested folders with series navigation.
axe-core reports zero violations on each of their pages, light and dark, at 1280 and 375 px,
and the pages render without console errors or horizontal overflow."""
import pathlib
import subprocess

import pytest

from conftest import ROOT, console_errors, roadmap_binary
from site_pages import clear_storage, reset_viewport, run_axe, set_color_scheme, set_viewport

FIXTURES = ROOT / "Tests" / "RoadmapKitTests" / "Fixtures"
SITES = ["roadmapsh", "shapes", "repository"]


@pytest.fixture(scope="session")
def fixture_sites(tmp_path_factory):
    """name → the built site's folder, each fixture built once per test session."""
    built = {}
    for name in SITES:
        content = FIXTURES / name / "Content"
        output = tmp_path_factory.mktemp(name) / "site"
        result = subprocess.run([roadmap_binary(), "build", "--content", str(content), "--templates",
                                 str(ROOT / "Templates"), "--output", str(output)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        built[name] = output
    return built


def roadmap_pages(site):
    """Every roadmap page of a built site (an index.html with the roadmap's data block)."""
    return sorted(page for page in site.rglob("index.html") if 'id="roadmap-data"' in page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("width,scheme", [(1280, "light"), (1280, "dark"), (375, "light"), (375, "dark")])
@pytest.mark.parametrize("name", SITES)
def test_fixture_pages_have_no_axe_violations(driver, fixture_sites, name, width, scheme):
    site = fixture_sites[name]
    pages = [site / "index.html"] + roadmap_pages(site)
    assert len(pages) > 1, f"the {name} fixture built no roadmap pages"
    set_color_scheme(driver, scheme)
    set_viewport(driver, width, 900, mobile=width < 600)
    try:
        clear_storage(driver, pages[0].as_uri())
        for page in pages:
            driver.get(page.as_uri())
            assert console_errors(driver) == [], page
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{page} is {overflow} px wider than a {width} px window"
            violations = run_axe(driver)
            assert violations == [], (str(page.relative_to(site)), violations)
    finally:
        reset_viewport(driver)
        set_color_scheme(driver, None)
