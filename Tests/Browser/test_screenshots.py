"""Screenshots of the home, roadmap, timeline and resources pages at 375 px and 1280 px, in the
light and the dark theme, saved into Tests/Browser/screenshots/ (git-ignored) for a person to
look at. Each page must also render without console errors or horizontal overflow."""
import pytest

from conftest import SCREENSHOTS, SITE, console_errors
from site_pages import first_roadmap, page_types, reset_viewport, set_color_scheme, set_viewport

TARGETS = [("home", "index.html"), ("roadmap", first_roadmap())] + [
    (name, path) for name, path in page_types() if name in ("timeline", "resources", "roadmap-timeline", "roadmap-resources")]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name,path", TARGETS, ids=[name for name, _ in TARGETS])
def test_screenshot(driver, name, path, scheme, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    base = SITE.as_uri() + "/"
    driver.get(base + path)
    driver.execute_script("window.localStorage.clear()")
    set_color_scheme(driver, scheme)
    set_viewport(driver, width, 900, mobile=width < 600)
    try:
        driver.get(base + path)
        assert driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 1
        driver.save_screenshot(str(SCREENSHOTS / f"{name}-{width}-{scheme}.png"))
        assert not console_errors(driver)
    finally:
        reset_viewport(driver)
        set_color_scheme(driver, None)
