"""Shared fixtures for the browser tests: the built site, a loopback HTTP server that serves it
under a sub-path with a strict Content-Security-Policy, and headless Chromium through Selenium.

`make browser-test` builds Site/ first; ROADMAP_SITE points the tests at another built site.
"""
import functools
import http.server
import json
import os
import pathlib
import socketserver
import threading
import urllib.parse

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
SITE = pathlib.Path(os.environ.get("ROADMAP_SITE", ROOT / "Site")).resolve()
SUB_PATH = "/some/path/"
CSP = "default-src 'self'"
SCREENSHOTS = ROOT / "Tests" / "Browser" / "screenshots"


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves SITE under SUB_PATH only, with the strict CSP header on every response."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(SITE), **kwargs)

    def translate_path(self, path):
        parsed = urllib.parse.urlparse(path).path
        if not parsed.startswith(SUB_PATH):
            return str(SITE / "__outside_sub_path__")
        return super().translate_path("/" + parsed[len(SUB_PATH):])

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site():
    assert (SITE / "index.html").exists(), f"no built site at {SITE}: run `make` first"
    return SITE


@pytest.fixture(scope="session")
def http_base(site):
    """Base URL of the site served over loopback HTTP under a sub-path, e.g. http://127.0.0.1:PORT/some/path/."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SubPathHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def file_base(site):
    return site.as_uri() + "/"


@pytest.fixture(params=["file", "http"])
def base_url(request, file_base, http_base):
    """Each test that takes base_url runs from file:// and over HTTP under a sub-path."""
    return file_base if request.param == "file" else http_base


def roadmap_binary():
    """The built `roadmap` executable (ROADMAP_BIN, else the release or debug build); skips without one."""
    candidates = [os.environ.get("ROADMAP_BIN", ""), ROOT / ".build/release/roadmap", ROOT / ".build/debug/roadmap"]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return str(candidate)
    pytest.skip("no roadmap binary: run `make` (or set ROADMAP_BIN)")


def make_driver(width=1280, height=900):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--allow-file-access-from-files"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture(scope="session")
def session_driver():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def driver(session_driver):
    session_driver.get("about:blank")
    session_driver.get_log("browser")
    session_driver.get_log("performance")
    yield session_driver


def console_errors(driver):
    """Console messages at SEVERE level since the last call (CSP violations land here too)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requests_made(driver):
    """(url, failed) for each network request since the last call, from Chromium's performance log."""
    sent, failed = {}, set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            sent[params["requestId"]] = params["request"]["url"]
        elif method == "Network.loadingFailed":
            failed.add(params["requestId"])
        elif method == "Network.responseReceived" and params["response"]["status"] >= 400:
            failed.add(params["requestId"])
    return [(url, request_id in failed) for request_id, url in sent.items()]


def assert_clean(driver, base):
    """No console errors, no failed requests, and no request leaving the site."""
    errors = console_errors(driver)
    assert not errors, f"console errors: {errors}"
    for url, failed in requests_made(driver):
        if url.startswith("data:") or url == "about:blank":
            continue
        assert url.startswith(base) or url.startswith(base.rstrip("/")), f"request left the site: {url}"
        assert not failed, f"request failed: {url}"
