"""`roadmap serve`: live preview over loopback.

A short generated corpus in a temporary folder; the server picks a free port (--port 0). The
tests read the Server-Sent Events stream as a browser would, edit a Content file and a
template, and check the reload and build-error events, the error overlay in Chromium, the
recovery, and that paths leaving the site folder are refused.
"""
import http.client
import pathlib
import queue
import re
import shutil
import subprocess
import sys
import threading
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Benchmarks"))
import gen_corpus  # noqa: E402
from conftest import roadmap_binary  # noqa: E402


class Preview:
    """A running `roadmap serve` over a temporary project."""

    def __init__(self, folder, extra=()):
        self.folder = folder
        self.process = subprocess.Popen(
            [roadmap_binary(), "serve", "--port", "0", "--content", "Content", "--templates", "Templates",
             "--output", "Site", *extra],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines = []
        self.port = None
        listening = threading.Event()

        def read_output():
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
                if match:
                    self.port = int(match.group(1))
                    listening.set()
            listening.set()

        threading.Thread(target=read_output, daemon=True).start()
        assert listening.wait(60) and self.port, "serve did not start:\n" + "\n".join(self.lines)

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path)  # sent as is: http.client does not normalise ../
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        connection.close()
        return response.status, dict(response.getheaders()), body

    def events(self):
        """A queue of (event, data) read from the event stream on a thread."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request("GET", "/__roadmap/events")
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
        events = queue.Queue()

        def read_events():
            name, data = "message", []
            try:
                for raw in response:
                    line = raw.decode("utf-8").rstrip("\r\n")
                    if line.startswith("event:"):
                        name = line[6:].strip()
                    elif line.startswith("data:"):
                        data.append(line[5:].strip())
                    elif line == "" and data:
                        events.put((name, "\n".join(data)))
                        name, data = "message", []
            except (OSError, ValueError):
                pass

        threading.Thread(target=read_events, daemon=True).start()
        return events

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def next_event(events, wanted, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            name, data = events.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            break
        if name == wanted:
            return data
    pytest.fail(f"no '{wanted}' event within {timeout} s")


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "Templates", tmp_path / "Templates")
    gen_corpus.generate(str(tmp_path / "Content"), 3, seed=3, front_matter=True, links=True)
    (tmp_path / "Package.swift").write_text("// SECRET-OUTSIDE-THE-SITE\n")
    return tmp_path


@pytest.fixture
def preview(project):
    server = Preview(project)
    yield server
    server.stop()


def test_edit_reload_error_overlay_and_recovery(preview, project, driver):
    events = preview.events()
    assert next_event(events, "hello")
    status, headers, body = preview.get("/roadmap-00000/index.html")
    assert status == 200 and "/__roadmap/live.js" in body
    assert "/__roadmap/live.js" not in (project / "Site/roadmap-00000/index.html").read_text(), \
        "the reload script must be added when serving, never written into the site"

    # A content edit: reload event, then the new text is served.
    source = project / "Content/roadmap-00000.md"
    source.write_text(source.read_text() + "\nFreshly edited paragraph zq7.\n")
    next_event(events, "reload")
    assert "Freshly edited paragraph zq7." in preview.get("/roadmap-00000/index.html")[2]

    # A template error: an error event naming the template; the last good site is still served.
    url = f"http://127.0.0.1:{preview.port}/roadmap-00000/index.html"
    driver.get(url)
    template = project / "Templates/roadmap.mustache"
    good = template.read_text()
    template.write_text(good + "\n{{#unclosed}}\n")
    message = next_event(events, "build-error")
    assert "roadmap.mustache" in message
    assert preview.get("/roadmap-00000/index.html")[0] == 200
    overlay = wait_for(driver, "#roadmap-serve-error")
    assert "roadmap.mustache" in overlay.text
    assert any("roadmap.mustache" in line for line in preview.lines), "the error is shown in the terminal too"

    # Fixing it reloads the page and the overlay is gone.
    template.write_text(good)
    next_event(events, "reload")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and driver.find_elements("css selector", "#roadmap-serve-error"):
        time.sleep(0.05)
    assert not driver.find_elements("css selector", "#roadmap-serve-error")
    assert "Freshly edited paragraph zq7." in driver.page_source
    assert preview.process.poll() is None, "the server keeps running"


def wait_for(driver, selector, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = driver.find_elements("css selector", selector)
        if found and found[0].text:
            return found[0]
        time.sleep(0.05)
    pytest.fail(f"{selector} did not appear")


ESCAPES = [
    "/../Package.swift",
    "/../../Package.swift",
    "/%2e%2e/Package.swift",
    "/%2E%2E/Package.swift",
    "/..%2fPackage.swift",
    "/..%2FPackage.swift",
    "/%2e%2e%2fPackage.swift",
    "/assets/../../Package.swift",
    "/assets/%2e%2e/%2e%2e/Package.swift",
    "/..%5cPackage.swift",
    "/.%2e/Package.swift",
    "//../Package.swift",
    "/%00/../Package.swift",
]


@pytest.mark.parametrize("path", ESCAPES)
def test_paths_leaving_the_site_are_refused(preview, path):
    status, _, body = preview.get(path)
    assert status in (400, 403, 404), f"{path} -> {status}"
    assert "SECRET-OUTSIDE-THE-SITE" not in body


def test_serves_folders_and_404_page(preview):
    status, headers, body = preview.get("/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert preview.get("/roadmap-00001/")[0] == 200
    status, _, body = preview.get("/no-such-page.html")
    assert status == 404
    status, headers, _ = preview.get("/assets/site.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")


def test_first_build_failing_still_serves_the_error_and_recovers(project):
    template = project / "Templates/roadmap.mustache"
    good = template.read_text()
    template.write_text(good + "\n{{#unclosed}}\n")
    server = Preview(project)
    try:
        events = server.events()
        assert "roadmap.mustache" in next_event(events, "build-error")
        status, headers, body = server.get("/")
        assert status == 404 and headers["Content-Type"].startswith("text/html") and "/__roadmap/live.js" in body
        template.write_text(good)
        next_event(events, "reload")
        assert server.get("/")[0] == 200
    finally:
        server.stop()
