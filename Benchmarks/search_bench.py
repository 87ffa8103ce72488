#!/usr/bin/env python3
"""Search at scale: index size, shard counts, bytes loaded by the first query and
keystroke-to-results time in headless Chromium, on the synthetic corpus.

    python3 Benchmarks/search_bench.py --binary .build/release/roadmap --roadmaps 10000

Generates the corpus with ../shared/bench/gen_corpus.py (--front-matter) unless --content is
given, builds it, then opens the site from file:// and types queries into the header box.
Not part of `make test`: it prints figures, it asserts nothing.
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "Browser"))

QUERIES = ["kubernetes", "feature store", "mlflow", "drift monitoring", "kubernets", "data engineer 42"]


def tree_bytes(folder):
    total, count = 0, 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            count += 1
    return total, count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "roadmap"))
    parser.add_argument("--roadmaps", type=int, default=10000)
    parser.add_argument("--content", help="an existing content folder instead of a generated corpus")
    parser.add_argument("--site", default=None)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()

    content = pathlib.Path(args.content or f"/tmp/search-bench-corpus-{args.roadmaps}")
    site = pathlib.Path(args.site or f"/tmp/search-bench-site-{content.name}")
    if not args.content and not content.exists():
        generator = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
        subprocess.run([sys.executable, str(generator), str(content), str(args.roadmaps), "--front-matter"],
                       check=True, stdout=subprocess.DEVNULL)
    if not args.skip_build:
        started = time.perf_counter()
        subprocess.run([args.binary, "build", "--quiet", "--content", str(content), "--output", str(site),
                        "--templates", str(ROOT / "Templates")], check=True)
        print(f"build: {time.perf_counter() - started:.1f} s")

    pages = sum(1 for _ in site.glob("*/index.html"))
    index_bytes, index_files = tree_bytes(site / "search") if (site / "search").exists() else (0, 0)
    for name in ("search-index.json", "search-index.js"):
        index_bytes += (site / name).stat().st_size
        index_files += 1
    shards = {kind: len(list((site / "search").glob(f"{kind}*.js"))) if (site / "search").exists() else 0
              for kind in ("t", "d", "p")}
    print(f"roadmaps: {pages}")
    print(f"index: {index_bytes / 1e6:.1f} MB in {index_files} files (JSON + JS twins), "
          f"{index_bytes / max(pages, 1) / 1e3:.1f} kB per roadmap page")
    print(f"shards: {shards['t']} term shards, {shards['d']} document shards, {shards['p']} posting chunks "
          f"(search-index.js {(site / 'search-index.js').stat().st_size / 1e3:.1f} kB)")

    from conftest import make_driver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = make_driver()
    try:
        def loaded_bytes():
            loaded = driver.execute_script("return window.__roadmapSearch.loaded")
            return sum(os.path.getsize(site / name) for name in loaded), len(loaded)

        def timings():
            return driver.execute_script("return window.__roadmapSearch.timings")

        whole, typed, keystrokes, warm = [], [], [], []
        for query in QUERIES:
            # The query arriving at once (pasted, or typed faster than a frame), on a fresh page.
            driver.get((site / "index.html").as_uri())
            box = driver.find_element(By.ID, "site-search-input")
            driver.execute_script("arguments[0].value = arguments[1];"
                                  "arguments[0].dispatchEvent(new Event('input'))", box, query)
            WebDriverWait(driver, 60).until(lambda d: len(timings()) > 0)
            size, files = loaded_bytes()
            whole.append(size)
            first = timings()[0]
            # The same query typed key by key on a fresh page: every prefix is searched.
            driver.get((site / "index.html").as_uri())
            box = driver.find_element(By.ID, "site-search-input")
            for ch in query:
                count = len(timings())
                box.send_keys(ch)
                if ch != " ":
                    WebDriverWait(driver, 60).until(lambda d: len(timings()) > count)
            typed_size, _ = loaded_bytes()
            typed.append(typed_size)
            times = timings()
            keystrokes += times
            # Warm: the same query again once its files are loaded.
            for _ in range(5):
                count = len(timings())
                driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", box)
                WebDriverWait(driver, 60).until(lambda d: len(timings()) > count)
            warm += timings()[-5:]
            print(f"  {query!r}: {size / 1e3:.0f} kB in {files} files at once ({first:.0f} ms); "
                  f"typed key by key {typed_size / 1e3:.0f} kB, keystroke→results median "
                  f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms")
        print(f"first query bytes (whole query): median {statistics.median(whole) / 1e3:.0f} kB, "
              f"max {max(whole) / 1e3:.0f} kB (budget 300 kB); typed key by key: median "
              f"{statistics.median(typed) / 1e3:.0f} kB, max {max(typed) / 1e3:.0f} kB")
        print(f"keystroke-to-results: median {statistics.median(keystrokes):.1f} ms over {len(keystrokes)} keystrokes "
              f"(files loading included; aim < 50 ms); warm median {statistics.median(warm):.1f} ms")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
