"""No injection: every vector of tests/data/xss-vectors.txt, in every field, stays text.

Each vector goes into a site's title, a topic's id, title and description, an editor's note,
and two articles (Markdown with front matter, plain text with a sidecar): title, outlet,
author, tags, the query of the URL, the body, a quotation and a Markdown link. The output is
checked twice: parsed (every element and attribute is one the theme or the Markdown
sanitiser makes, links are http(s), mailto or relative, feeds and JSON are well-formed and
carry the text unchanged), and loaded in headless Chromium (no vector's `xss()` ran, no
dialog opened, the DOM holds only the theme's elements and attributes).
"""

import json
import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree

import feedparser
import pytest
import yaml

from briefgen.build import BuildOptions, analyze_all, build, make_site
from briefgen.config import UNPRINTABLE, Invalid, check_printable, load_config
from briefgen.markup import ALLOWED_TAGS
from briefgen.render import default_theme, environment, render_site
from briefgen.urls import check_http_url
from briefgen.yamldoc import parse_yaml
from builders import read, write_project

VECTOR_FILE = Path(__file__).parent / "data" / "xss-vectors.txt"
_ESCAPE = re.compile(r"\\(\\|n|t|r|0|u[0-9a-fA-F]{4})")
FIRST_DAY = date(2024, 1, 1)
PER_DAY = 5  # vectors (each with its topic and two articles) on one day's page


def load_vectors() -> list[str]:
    vectors = []
    for line in VECTOR_FILE.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            vector = _ESCAPE.sub(_unescape, line)
            vectors.append(vector.encode("utf-16", "surrogatepass").decode("utf-16", "replace"))  # join surrogate pairs
    return vectors


def _unescape(match) -> str:
    code = match.group(1)
    return {"\\": "\\", "n": "\n", "t": "\t", "r": "\r", "0": "\x00"}.get(code) or chr(int(code[1:], 16))


VECTORS = load_vectors()


def as_text(vector: str) -> str:
    """The vector as a YAML text field keeps it: control characters are refused there
    (tests/test_hostile_input.py), whitespace folds, Unicode is NFC."""
    return unicodedata.normalize("NFC", " ".join(UNPRINTABLE.sub("", vector).split()))


def file_text(vector: str) -> str:
    """The vector as article or note text: a NUL makes the file binary, so it goes."""
    return vector.replace("\x00", "")


# ---------------------------------------------------------------- the project


def day_of(number: int) -> date:
    return FIRST_DAY + timedelta(days=number // PER_DAY)


def corpus_project(root: Path, vectors: list[str]) -> Path:
    """A topic and two articles per vector; a day and its note for every PER_DAY vectors."""
    topics, files, notes = [], {}, {}
    for number, vector in enumerate(vectors):
        text, day = as_text(vector), day_of(number)
        topic_id = f"t{number} {text}"[:200]
        topics.append({"id": topic_id, "title": text, "description": f"About {text}\n\n[more]({text})"})
        meta = {"title": text, "outlet": text[:120], "author": text, "tags": [text[:80]], "topic": topic_id,
                "published": f"{day.isoformat()}T08:00:00+00:00"}
        body = file_text(vector)
        files[f"{number}/a.md"] = "---\n" + _yaml({**meta, "url": f"https://news.example/{number}?q={quote(vector)}"}) + "---\n" + (
            f"The council of Port Alder met on Monday to talk about {body} and the harbour.\n\n"
            f"\"We heard {body} from many residents this week,\" said Mara Quinlan.\n\n{body}\n\n"
            f"More [details]({body}) were promised by officials on Tuesday morning.\n"
        )
        files[f"{number}/b.txt"] = f"{body}\n\nResidents of Kettle Bay said {body} was on every notice board.\n\n\"{body} is all we hear about,\" said Owen Pryce.\n"
        files[f"{number}/b.yaml"] = _yaml({**meta, "url": f"https://other.example/{number}"})
        notes[day] = notes.get(day, "") + f"{body}\n\n[read]({body})\n\n"
    write_project(root, files, topics=_yaml(topics), config="title: XSS corpus\nbase_url: https://briefing.example/\n")
    (root / "content" / "notes").mkdir()
    for day, note in notes.items():
        (root / "content" / "notes" / f"{day.isoformat()}.md").write_text(note, "utf-8")
    return root


def _yaml(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000)


def build_corpus(root: Path, vectors: list[str]) -> Path:
    corpus_project(root, vectors)
    build(BuildOptions(root, root / "briefgen.yaml", root / "content", root / "site", None, cache=False))
    return root / "site"


def title_variants(root: Path, vectors: list[str]) -> dict[int, dict[str, bytes]]:
    """The site rendered once per vector as the site's title (briefgen.yaml `title:`)."""
    corpus_project(root, ["a plain topic"])
    project = read(root)
    site = make_site(project, analyze_all(project))
    env = environment(None)
    variants = {}
    for number, vector in enumerate(vectors):
        config, problems = load_config(parse_yaml(_yaml({"title": vector})), "briefgen.yaml")
        if problems:
            assert [p.message for p in problems] == [f"title: {_refusal(vector)}"]
            config, _ = load_config(parse_yaml(_yaml({"title": UNPRINTABLE.sub("", vector)})), "briefgen.yaml")
        variants[number] = render_site(replace(site, config=replace(site.config, title=config.title)), env)
    return variants


def _refusal(vector: str) -> str:
    with pytest.raises(Invalid) as caught:
        check_printable(vector.strip())
    return str(caught.value)


# ---------------------------------------------------------------- parsing checks


def theme_markup() -> tuple[set, set]:
    """(elements, (element, attribute) pairs) the theme's templates and the sanitiser can make."""
    source = "\n".join(p.read_text("utf-8") for p in default_theme().rglob("*.html"))
    source = re.sub(r"\{[{%#].*?[}%#]\}", " ", source, flags=re.S)  # Jinja tags out, markup stays
    elements, attributes = set(ALLOWED_TAGS), {("a", "href"), ("a", "title"), ("a", "rel")}
    for tag, rest in re.findall(r"<([a-z][a-z0-9]*)\b([^>]*)>", source):
        elements.add(tag)
        attributes |= {(tag, name) for name in re.findall(r"([a-z][a-z:-]*)=", rest)}
    return elements, attributes


ELEMENTS, ATTRIBUTES = theme_markup()
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.title, self.open = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data):
        (self.title if self.open and self.open[-1] == "title" else self.text).append(data)


def parse_page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def unsafe_url(value: str) -> bool:
    """True for a link that is not http(s), mailto or relative. As browsers do (WHATWG URL
    parsing), leading and trailing spaces and control characters go, and tabs and newlines
    anywhere."""
    cleaned = re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(0x21)))))
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned.lower())
    return scheme is not None and scheme.group(1) not in ("http", "https", "mailto")


def html_injections(html: str) -> list[str]:
    """Elements and attributes the theme does not make, links that could run script."""
    found = []
    for tag, attrs in parse_page(html).tags:
        if tag not in ELEMENTS:
            found.append(f"element <{tag}>")
        for name, value in attrs:
            if (tag, name) not in ATTRIBUTES:
                found.append(f"attribute {name} on <{tag}>")
            elif name in URL_ATTRIBUTES and unsafe_url(value or ""):
                found.append(f"{name}={value!r} on <{tag}>")
    return found


def site_injections(files: dict[str, bytes]) -> list[str]:
    """Every injection in a site's files (HTML pages, the HTML inside feeds, XML, JSON)."""
    found = []
    for name, data in sorted(files.items()):
        text = data.decode("utf-8")
        if name.endswith(".html"):
            found += [f"{name}: {problem}" for problem in html_injections(text)]
        elif name.endswith(".xml"):
            found += [f"{name}: {problem}" for problem in xml_injections(text)]
        elif name.endswith(".json"):
            document = json.loads(text)
            if name == "feed.json":
                for item in document["items"]:
                    found += [f"{name} content_html: {problem}" for problem in html_injections(item["content_html"])]
    return found


ATOM = "{http://www.w3.org/2005/Atom}"
XML_ELEMENTS = {f"{ATOM}{tag}" for tag in ("feed", "title", "id", "link", "updated", "author", "name", "generator",
                                            "entry", "published", "summary", "content")}
XML_ELEMENTS |= {"{http://www.sitemaps.org/schemas/sitemap/0.9}" + tag for tag in ("urlset", "url", "loc")}


def xml_injections(text: str) -> list[str]:
    root = ElementTree.fromstring(text.encode("utf-8"))  # raises on anything not well-formed
    found = [f"element {e.tag}" for e in root.iter() if e.tag not in XML_ELEMENTS]
    for element in root.iter(f"{ATOM}content"):
        found += [f"content: {problem}" for problem in html_injections(element.text or "")]
    return found


def site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- tests


def test_the_corpus_has_at_least_100_vectors_of_every_kind():
    assert len(VECTORS) >= 100
    assert len(set(VECTORS)) == len(VECTORS)
    for marker in ("<script", "onerror=", "javascript:", "data:", "vbscript:", "&#", "\u202e", "\uff1c", '">', "<!--"):
        assert any(marker in v.lower() for v in VECTORS), marker


def test_the_checks_catch_an_injection():
    """The checkers are not blind: markup that did get through is reported."""
    assert html_injections('<p>x</p><img src=x onerror="xss()">') == ["element <img>", "attribute src on <img>", "attribute onerror on <img>"]
    assert html_injections('<a href=" java\tscript:xss()">x</a>') == ["href=' java\\tscript:xss()' on <a>"]
    assert html_injections('<p onclick="xss()">x</p>') == ["attribute onclick on <p>"]
    assert html_injections('<a href="https://example.org/" rel="noopener">x</a><a href="../index.html">y</a>') == []
    with pytest.raises(ElementTree.ParseError):
        xml_injections("<feed><title>a</title></feed><script/>")


def test_every_url_vector_is_refused_or_is_a_plain_web_address():
    """As the article's url, alone or inside an https address: refused, or a web address that
    carries nothing an attribute could break out with."""
    refused = 0
    for vector in VECTORS:
        assert check_http_url(vector) is None, vector
        for candidate in (f"https://news.example/{vector}", f"https://news.example/?q={vector}"):
            url = check_http_url(candidate)
            refused += url is None
            assert url is None or url.startswith("https://news.example/") and not re.search(r"[\s<>\"'`\\\x00-\x1f]", url), url
    assert refused >= len(VECTORS)


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("xss") / "project", VECTORS)


@pytest.fixture(scope="module")
def titled_sites(tmp_path_factory) -> dict[int, dict[str, bytes]]:
    return title_variants(tmp_path_factory.mktemp("xss-titles") / "project", VECTORS)


def test_no_vector_injects_markup_into_any_file(corpus_site):
    files = site_files(corpus_site)
    assert len([n for n in files if n.endswith("index.html") and n.startswith("topics/")]) == len(VECTORS)
    assert site_injections(files) == []


def test_no_vector_in_the_site_title_injects_markup(titled_sites):
    found = [f"vector {n}: {problem}" for n, files in titled_sites.items() for problem in site_injections(files)]
    assert found == []


def test_every_vector_is_shown_as_the_text_it_is(corpus_site):
    """Escaped exactly once: each article title is in its day page's text (parsed) unchanged,
    and most vectors reached a summary sentence and a key quote, so those were tried too."""
    missing, in_summary, in_quotes = [], 0, 0
    for number, vector in enumerate(VECTORS):
        folder = corpus_site / f"{day_of(number):%Y/%m/%d}"
        shown = " ".join("".join(parse_page((folder / "index.html").read_text("utf-8")).text).split())
        if as_text(vector) not in shown:
            missing.append(number)
        topic = json.loads((folder / "briefing.json").read_text("utf-8"))["topics"][number % PER_DAY]
        body = " ".join(file_text(vector).split())
        in_summary += any(body in sentence["text"] for sentence in topic["summary"])
        in_quotes += any(body in quote["text"] for quote in topic["quotes"])
    assert missing == []
    assert in_summary >= len(VECTORS) // 2 and in_quotes >= len(VECTORS) // 2, (in_summary, in_quotes)


def test_titles_survive_into_page_titles_feeds_and_json(titled_sites):
    for number, files in titled_sites.items():
        title = UNPRINTABLE.sub("", VECTORS[number]).strip()
        assert title in "".join(parse_page(files["index.html"].decode()).title), number
        feed = feedparser.parse(files["feed.xml"])
        assert not feed.bozo, (number, feed.get("bozo_exception"))
        assert feed.feed.title == title, number
        assert json.loads(files["feed.json"])["title"] == title, number


def test_topic_titles_round_trip_through_json(corpus_site):
    for first in range(0, len(VECTORS), PER_DAY):
        briefing = json.loads((corpus_site / f"{day_of(first):%Y/%m/%d}" / "briefing.json").read_text("utf-8"))
        assert [t["title"] for t in briefing["topics"]] == [as_text(v) for v in VECTORS[first:first + PER_DAY]], first


# ---------------------------------------------------------------- in the browser

XSS_HOOK = """
window.__xss = [];
window.xss = (...args) => window.__xss.push('xss()');
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = (...args) => window.__xss.push(name + '()');
}
"""
DOM_REPORT = """elements => {
  const calls = window.__xss;
  const strange = [...document.querySelectorAll('*')].map(e => e.localName).filter(n => !elements.includes(n));
  const handlers = [...document.querySelectorAll('*')].flatMap(
      e => [...e.attributes].filter(a => /^on|^(style|srcdoc|formaction)$/i.test(a.name)).map(a => `${e.localName} ${a.name}`));
  const links = [...document.querySelectorAll('a[href], link[href], area[href]')]
      .map(e => new URL(e.href).protocol).filter(p => !['http:', 'https:', 'mailto:', 'file:'].includes(p));
  return {calls, strange, handlers, links};
}"""


def browser_findings(browser, pages: list[Path], csp: bool = False) -> list[str]:
    """Load each page with JavaScript on; what ran or was injected, per page. The pages' own
    Content-Security-Policy is bypassed unless `csp`, so escaping is tested on its own."""
    context = browser.new_context(java_script_enabled=True, bypass_csp=not csp)
    context.add_init_script(XSS_HOOK)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    found = []
    try:
        for path in pages:
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_timeout(20)  # handlers that fire after load (onfocus, ontoggle, animations)
            report = page.evaluate(DOM_REPORT, sorted(ELEMENTS))
            found += [f"{path.name} in {path.parent}: {kind} {value}" for kind, values in report.items() for value in values]
            found += [f"{path}: dialog {message}" for message in dialogs]
            dialogs.clear()
    finally:
        context.close()
    return found


def test_the_browser_check_catches_a_script_that_runs(browser, tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><title>t</title><p>x</p><img src=missing onerror="xss()"><a href="javascript:xss()">j</a>')
    assert browser_findings(browser, [page]) == [
        f"bad.html in {tmp_path}: calls xss()",
        f"bad.html in {tmp_path}: strange img",
        f"bad.html in {tmp_path}: handlers img onerror",
        f"bad.html in {tmp_path}: links javascript:",
    ]


def test_no_vector_runs_or_injects_in_chromium(browser, corpus_site):
    pages = sorted(corpus_site.rglob("*.html"))
    assert len(pages) == len(VECTORS) + len(range(0, len(VECTORS), PER_DAY)) + 4  # topics, days, index, archive, sources, 404
    assert browser_findings(browser, pages) == []


def test_no_vector_in_the_site_title_runs_in_chromium(browser, titled_sites, tmp_path):
    pages = []
    for number, files in titled_sites.items():
        pages.append(tmp_path / str(number) / "index.html")
        pages[-1].parent.mkdir()
        pages[-1].write_bytes(files["index.html"])
    assert browser_findings(browser, pages) == []


def test_the_content_security_policy_stops_a_script_that_slipped_through(browser, corpus_site, tmp_path):
    """Defence in depth: were escaping ever to fail, every page forbids scripts anyway."""
    page = tmp_path / "index.html"
    html = (corpus_site / "index.html").read_text("utf-8")
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'; base-uri 'none'\">" in html
    page.write_text(html.replace("</main>", '<img src=missing onerror="xss()"><script>xss()</script></main>'), "utf-8")
    with_policy = [finding for finding in browser_findings(browser, [page], csp=True) if "calls" in finding]
    without_policy = [finding for finding in browser_findings(browser, [page]) if "calls" in finding]
    assert with_policy == [] and without_policy == [f"index.html in {tmp_path}: calls xss()"] * 2
