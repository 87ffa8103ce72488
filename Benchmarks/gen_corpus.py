#!/usr/bin/env python3
"""Generate N synthetic career-roadmap Markdown files shaped like a real roadmap.

Usage: gen_corpus.py OUT_DIR N [--seed S] [--front-matter] [--no-links]

Each document has a title, an overview, core competencies, phases with durations, modules
with durations, course links with cost notes, projects, certifications, books, tools, a table
and (unless --no-links) one link to another roadmap's heading, so the generator meets the
same kinds of structure as in real roadmaps, at scale. About 8.5 KB a file. The output is a
pure function of (N, seed, flags): the same arguments always write the same bytes, so runs on
different days compare the same work. With --front-matter each file starts with YAML that
both this project and Hugo read (title, weight, order).
"""
import argparse
import os
import random

WORDS = ("data model pipeline cloud cluster feature store monitoring deploy serving "
         "container kubernetes docker terraform airflow mlflow kubeflow metrics alert "
         "security compliance scaling latency batch stream vector embedding training "
         "inference registry lineage drift canary rollout gpu cost automation testing "
         "observability tracing logging governance privacy experiment tuning").split()
PLATFORMS = [("Coursera", "https://www.coursera.org/learn/"), ("edX", "https://www.edx.org/learn/"),
             ("freeCodeCamp", "https://www.freecodecamp.org/news/"), ("AWS", "https://aws.amazon.com/training/"),
             ("Databricks", "https://www.databricks.com/learn/training/"), ("Udacity", "https://www.udacity.com/course/")]
COSTS = ["(Free)", "(Free to audit)", "(Paid)", ""]
ROLES = ["Data Engineer", "ML Engineer", "Platform Engineer", "SRE", "Analytics Engineer", "MLOps Engineer",
         "Security Engineer", "Cloud Architect", "AI Researcher", "Backend Developer"]
TOOLS = ["MLflow", "KubeFlow", "Airflow", "DVC", "Feast", "Ray"]


def file_name(i):
    return f"roadmap-{i:05d}.md"


class Writer:
    def __init__(self, rng):
        self.r = rng

    def words(self, n):
        return " ".join(self.r.choice(WORDS) for _ in range(n))

    def title(self, n=3):
        return " ".join(w.capitalize() for w in self.words(n).split())

    def duration(self, unit):
        lo = self.r.randint(2, 12) if unit == "weeks" else self.r.randint(1, 6)
        if self.r.random() < 0.4:
            return f"{lo}-{lo + self.r.randint(1, 3)} {unit}"
        return f"{lo} {unit}"

    def document(self, i, n, front_matter, links):
        r = self.r
        role = f"{r.choice(ROLES)} {i}"
        out = []
        if front_matter:
            out += ["---", f"title: {role} Career Roadmap", f"weight: {i + 1}", f"order: {i + 1}", "---", ""]
        out += [f"# {role} Career Roadmap", "", "## Role Definition & Career Overview", "",
                "### Position Summary", f"A {role} specializes in {self.words(25)}.", "",
                "### Industry Context"]
        out += [f"- {self.words(4).capitalize()}" for _ in range(4)] + ["", "### Career Progression"]
        out += [f"{k}. {self.title(2)} {role}" for k in range(1, 6)] + ["", "## Core Competencies", "",
                                                                          "### Technical Skills"]
        skills = [self.title(2) for _ in range(8)]
        out += [f"- {s}" for s in skills] + ["", "## Learning Roadmap", ""]
        for p in range(r.randint(3, 5)):
            name = "Foundation Phase" if p == 0 else f"Phase {p}: {self.title(3)}"
            out += [f"### {name} ({self.duration('months' if p else 'weeks')})", ""]
            for _ in range(r.randint(1, 3)):
                out += [f"#### {self.title(2)} ({self.duration('weeks')})"]
                for _ in range(r.randint(1, 2)):
                    _, base = r.choice(PLATFORMS)
                    course = self.title(3)
                    slug = course.lower().replace(" ", "-")
                    out += [f"- **{self.title(2)}**",
                            f"  - Course: [{course}]({base}{slug}) {r.choice(COSTS)}".rstrip(),
                            "  - Topics:"] + [f"    - {self.title(2)}" for _ in range(4)]
                    out += ["  - Projects:"] + [f"    - {self.words(4).capitalize()}" for _ in range(2)]
                out.append("")
        out += ["## Practical Experience", "", "### Required Projects Portfolio", ""]
        for level in ("Basic", "Intermediate", "Advanced"):
            out += [f"#### {level} Projects"]
            for k in range(1, 3):
                out += [f"{k}. {r.choice(skills)}"] + [f"   - {self.title(2)}" for _ in range(3)]
            out.append("")
        out += ["## Professional Development", "", "### Certifications"]
        out += [f"- [{self.title(3)} Certification](https://www.credential-board.org/cert/{i}/{k})" for k in range(4)] + [""]
        out += ["## Resources", "", "### Essential Reading", "1. Technical Books"]
        out += [f'   - "{self.title(4)}" by {self.title(2)}' for _ in range(3)] + ["", "2. Tools and Platforms"]
        out += [f"   - {r.choice(TOOLS)}" for _ in range(4)]
        out += ["", "| Metric | Target |", "| --- | --- |"]
        out += [f"| {self.title(2)} | {r.randint(1, 99)}% |" for _ in range(3)]
        out += ["", "## Career Tips", ""] + [f"{k}. {self.words(6).capitalize()}" for k in range(1, 6)]
        if links and n > 1:
            out += ["", f"See also the [next roadmap's tips]({file_name((i + 1) % n)}#career-tips)."]
        out.append("")
        return "\n".join(out)


def generate(out_dir, n, seed=7, front_matter=False, links=True):
    """Writes the corpus; returns the number of bytes written."""
    os.makedirs(out_dir, exist_ok=True)
    writer = Writer(random.Random(seed))
    total = 0
    for i in range(n):
        data = writer.document(i, n, front_matter, links).encode("utf-8")
        with open(os.path.join(out_dir, file_name(i)), "wb") as f:
            f.write(data)
        total += len(data)
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--front-matter", action="store_true")
    ap.add_argument("--no-links", action="store_true", help="no links between roadmaps")
    a = ap.parse_args()
    size = generate(a.out_dir, a.n, a.seed, a.front_matter, not a.no_links)
    print(f"wrote {a.n} roadmaps ({size / 1e6:.1f} MB) to {a.out_dir}")


if __name__ == "__main__":
    main()
