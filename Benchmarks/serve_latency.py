#!/usr/bin/env python3
"""Edit-to-reload latency of `roadmap serve`, end to end, in headless Chromium.

Usage: serve_latency.py --binary PATH [--roadmaps 1000] [--runs 7] [--work DIR]

Generates a corpus (Benchmarks/gen_corpus.py, with front matter), starts `roadmap serve` on a
free loopback port, opens one roadmap page in Chromium and waits until it is connected to the
event stream. Each run appends a unique sentence to that roadmap's Markdown file and records
the time from just before the write to the moment the reloaded page, showing the new text, had
finished parsing (`performance.timeOrigin` + the navigation's `domContentLoadedEventEnd`, on the
same clock). The server reloads the edited page as soon as it is rendered, before the site-wide
steps end; each run then waits for the whole rebuild, whose time is printed beside it.
Prints each latency, the median, and the server's own build times.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

LOADED_AT = """
const marker = arguments[0];
if (!document.body || !document.body.textContent.includes(marker)) return 0;
const nav = performance.getEntriesByType('navigation')[0];
if (!nav || !nav.domContentLoadedEventEnd) return 0;
return performance.timeOrigin + nav.domContentLoadedEventEnd;
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--roadmaps", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="roadmap-serve-latency-")
    content = os.path.join(work, "Content")
    shutil.rmtree(content, ignore_errors=True)
    gen_corpus.generate(content, args.roadmaps, seed=7, front_matter=True, links=True)
    shutil.rmtree(os.path.join(work, "Templates"), ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(work, "Templates"))

    server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--port", "0", "--verbose"], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
    lines, ready = [], threading.Event()
    port = []

    def read():
        for line in server.stdout:
            lines.append(line.rstrip("\n"))
            match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port.append(int(match.group(1)))
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    driver = None
    try:
        if not ready.wait(600) or not port:
            sys.exit("serve did not start:\n" + "\n".join(lines))
        print(f"{args.roadmaps} roadmaps; " + next(l for l in lines if l.startswith("Built")))
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        page = "roadmap-00005"
        source = os.path.join(content, page + ".md")
        driver.get(f"http://127.0.0.1:{port[0]}/{page}/index.html")
        latencies = []
        for run in range(args.runs):
            wait_connected(driver)
            marker = f"Latency marker {run} {time.time_ns()}."
            before = len(lines)
            start = time.time()
            with open(source, "a") as f:
                f.write(f"\n{marker}\n")
            loaded = 0
            while not loaded and time.time() - start < 120:
                try:
                    loaded = driver.execute_script(LOADED_AT, marker)
                except Exception:  # navigating
                    loaded = 0
                if not loaded:
                    time.sleep(0.005)
            if not loaded:
                print(f"  run {run + 1}: no reload within 120 s")
                continue
            latency = loaded / 1000 - start
            latencies.append(latency)
            # The page may reload before the rest of the build is done: wait for it to end.
            built = ""
            while not built and time.time() - start < 600:
                built = next((l for l in lines[before:] if l.startswith(("Built", "Build failed"))), "")
                time.sleep(0.02)
            print(f"  run {run + 1}: {latency * 1000:6.0f} ms  (whole rebuild: {built})")
            time.sleep(0.3)
        if latencies:
            print(f"edit-to-reload median {statistics.median(latencies) * 1000:.0f} ms over {len(latencies)} runs "
                  f"(min {min(latencies) * 1000:.0f}, max {max(latencies) * 1000:.0f}); target <= 300 ms")
        stage_lines = [l for l in lines if l.startswith("  ")][-8:]
        if stage_lines:
            print("last rebuild's stages:\n" + "\n".join(stage_lines))
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(10)


def wait_connected(driver, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if driver.execute_script("return document.documentElement.dataset.roadmapServe") == "connected":
                return
        except Exception:
            pass
        time.sleep(0.01)
    raise SystemExit("page never connected to the event stream")


if __name__ == "__main__":
    main()
