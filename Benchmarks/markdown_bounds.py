#!/usr/bin/env python3
"""Time `roadmap build` on Markdown inputs that cmark-gfm 0.29.0.gfm.6 parses in time growing
faster than their size, one class at a time, at doubling sizes.

Usage: markdown_bounds.py BINARY [BINARY...] [--templates DIR] [--classes a,b] [--sizes 1000,2000]
       [--timeout 30]

Each input is one roadmap (a title, then the class's text) in a temporary content folder; the
time is the whole build's wall time (or ">timeout"). Give the binary from before the bounds
and the one after to compare them. The classes follow cmark-gfm's advisories for gfm.7 to
gfm.12 (GHSA-29g3-96g3-jg6c, GHSA-r572-jvj2-3m8p, GHSA-w4qg-3vf7-m9x5) and what measuring
the library found; `Sources/RoadmapMarkdown/InputBounds.swift` bounds each.
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import time


def table_short_rows(n):
    """n columns, n one-cell rows: every row filled with n - 1 empty cells (amplification)."""
    return "x|" * n + "\n" + "-|" * n + "\n" + "x\n" * n


def table_wide_row(n):
    """A two-column table with a row of n cells (cells are appended to a list one by one)."""
    return "a|b\n-|-\n" + "c|" * n + "\n"


def table_wide_header(n):
    """A header and delimiter row of n columns."""
    return "x|" * n + "\n" + "-|" * n + "\n"


def image_links(n):
    """`![[]()` repeated: every link walks back over all the unclosed `![`."""
    return "![[]()" * n


def image_references(n):
    """`![[a]` repeated, with `[a]` a reference link."""
    return "![[a]" * n + "\n\n[a]: https://example.org/\n"


def nesting_lazy(n):
    """n levels of block quotes on one line, then n lazy continuation lines."""
    return "> " * n + "a\n" + "b\n" * n


def nesting_ramp_lazy(n):
    """Lists nested 200 deep by indentation, then n lazy continuation lines."""
    return "".join("  " * i + "- a\n" for i in range(200)) + "b\n" * n


def email_run(n):
    """`a@a@…`: linear, but about 7 µs a byte in the autolink extension (bounded by size)."""
    return "a@" * n


CLASSES = [table_short_rows, table_wide_row, table_wide_header, image_links, image_references, nesting_lazy,
           nesting_ramp_lazy, email_run]


def time_build(binary, templates, text, timeout):
    folder = tempfile.mkdtemp(prefix="markdown-bounds-")
    try:
        os.makedirs(os.path.join(folder, "Content"))
        with open(os.path.join(folder, "Content", "a.md"), "w") as out:
            out.write("# Bounds\n\n" + text + "\n")
        start = time.monotonic()
        try:
            subprocess.run([binary, "build", "--quiet", "--content", "Content", "--templates", templates,
                            "--output", "Site"], cwd=folder, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        return time.monotonic() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--templates", default=os.path.join(os.path.dirname(__file__), "..", "Templates"))
    parser.add_argument("--classes", default=",".join(c.__name__ for c in CLASSES))
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    templates = os.path.abspath(args.templates)
    sizes = [int(s) for s in args.sizes.split(",")]
    by_name = {c.__name__: c for c in CLASSES}
    for name in args.classes.split(","):
        for binary in args.binaries:
            cells = []
            for n in sizes:
                text = by_name[name](n)
                seconds = time_build(os.path.abspath(binary), templates, text, args.timeout)
                cells.append(f"{len(text) / 1024:.0f} kB " + (f">{args.timeout:.0f} s" if seconds is None else f"{seconds:.2f} s"))
                if seconds is None:
                    break
            print(f"{name:18} {binary}  "
                  + "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
