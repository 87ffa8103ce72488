"""Search on a site with many pages: the day-by-day challenge fixture
(Tests/RoadmapKitTests/Fixtures/challenge), built with the roadmap binary, searched from file://
with the real search.js. For each query of the fixture's queries.json, the rank of the first
result that is the expected page (the page itself or one of its sections; resource entries never
count) or, when the query names a resource, that resource's entry. Reports the mean reciprocal
rank and the share of queries answered first."""
import json
import pathlib
import subprocess

import pytest

from conftest import ROOT, assert_clean, roadmap_binary

FIXTURE = ROOT / "Tests" / "RoadmapKitTests" / "Fixtures" / "challenge"
QUERIES = json.loads((FIXTURE / "queries.json").read_text(encoding="utf-8"))["queries"]
# Results looked at per query, as many as search.html's first pages show.
DEPTH = 50


@pytest.fixture(scope="module")
def challenge_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("challenge") / "Site"
    subprocess.run([roadmap_binary(), "build", "--quiet", "--content", str(FIXTURE / "Content"),
                    "--templates", str(ROOT / "Templates"), "--output", str(out)], check=True)
    return out


def page_of(url):
    return url.split("#", 1)[0]


def pages_by_title(site):
    """Each roadmap page's URL by its title, read from the (single-file) search index."""
    index = json.loads((site / "search-index.json").read_text(encoding="utf-8"))
    assert not index["sharded"], "the fixture is small enough for one index file"
    roadmap = index["kinds"].index("roadmap")
    return {document[1]: part[1] for part in index["parts"] for document in part[3] if document[0] == roadmap}


def search(driver, query):
    driver.set_script_timeout(30)
    return driver.execute_async_script(
        """var done = arguments[arguments.length - 1];
        window.__roadmapSearch.search(arguments[0], arguments[1]).then(
          function (r) { done(r.results.map(function (x) { return [x.data.kind, x.data.title, x.data.url]; })); },
          function (e) { done("error: " + e.message); });""", query, DEPTH)


def rank(results, case, pages):
    """1-based rank of the first result answering `case`, or None."""
    for position, (kind, title, url) in enumerate(results, 1):
        if "resource" in case:
            if kind == "resource" and title == case["resource"]:
                return position
        elif kind not in ("resource", "skill") and page_of(url) == pages[case["page"]]:
            return position
    return None


def test_learners_find_the_page_they_ask_for(driver, challenge_site):
    pages = pages_by_title(challenge_site)
    base = challenge_site.as_uri() + "/"
    driver.get(base + "index.html")
    lines, reciprocal, first = [], [], 0
    for case in QUERIES:
        results = search(driver, case["query"])
        assert isinstance(results, list), results
        found = rank(results, case, pages)
        reciprocal.append(1 / found if found else 0)
        first += found == 1
        top = results[0][:2] if results else None
        lines.append(f"{case['query']!r:32} rank {found}  top {top}")
    mrr = sum(reciprocal) / len(QUERIES)
    report = "\n".join(lines) + f"\nMRR {mrr:.2f}, first for {first} of {len(QUERIES)}"
    print("\n" + report)
    assert mrr >= 0.9, report
    assert first >= 0.85 * len(QUERIES), report
    assert_clean(driver, base)
