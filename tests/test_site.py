"""The published site as files: every page, the feeds, crawler files, links, sizes, git diffs."""

import dataclasses
import difflib
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import jsonschema
import pytest

from briefgen.build import analyze_all, make_site
from briefgen.read import Paths, read_project
from briefgen.render import environment, render_site
from builders import REPO
from sites import build_site

CHECKERS = Path(__file__).parent / "checkers"
BASE = "https://briefing.example.org/alder/"


def files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def html_of(site: Path):
    for page in sorted(site.rglob("*.html")):
        yield page.relative_to(site).as_posix(), page.read_text("utf-8")


class Links(HTMLParser):
    """Every href/src of a page, with the element and its rel; every id, tag and attribute name."""

    def __init__(self, text: str):
        super().__init__()
        self.links, self.ids, self.names = [], set(), set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.names |= {tag, *attrs}
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if name in attrs:
                self.links.append((tag, attrs[name], attrs.get("rel", ""), attrs.get("class", "")))


def test_every_page_of_the_demo(demo_site):
    assert files(demo_site) == [
        ".briefgen-manifest", ".nojekyll", "2026/11/19/briefing.json", "2026/11/19/index.html",
        "2026/11/20/briefing.json", "2026/11/20/index.html", "404.html", "archive/index.html",
        "assets/briefgen.css", "feed.json", "feed.xml", "index.html", "robots.txt", "sources/index.html",
        "topics/harbour-bridge/index.html", "topics/interest-rates/index.html", "topics/northern-drought/index.html",
    ]
    assert (demo_site / ".nojekyll").read_bytes() == b""
    assert (demo_site / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


def test_base_url_adds_a_sitemap_with_absolute_addresses(tmp_path):
    site = build_site(REPO, tmp_path / "site", f"base_url: {BASE}\n")
    assert (site / "sitemap.xml").read_text() == (
        '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"<url><loc>{BASE}{path}</loc></url>\n" for path in [
            "2026/11/19/", "2026/11/20/", "archive/", "", "sources/",
            "topics/harbour-bridge/", "topics/interest-rates/", "topics/northern-drought/"])
        + "</urlset>\n"
    )
    assert (site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n"
    assert f'<link rel="canonical" href="{BASE}2026/11/19/">' in (site / "2026/11/19/index.html").read_text()
    not_found = (site / "404.html").read_text()
    assert f'href="{BASE}assets/briefgen.css"' in not_found and f'href="{BASE}archive/index.html"' in not_found


def test_atom_feed_parses_with_stable_ids(demo_site, tmp_path):
    feed = feedparser.parse((demo_site / "feed.xml").read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title == "The Alder Morning Briefing"
    assert [(e.id, e.link, e.title, e.updated) for e in feed.entries] == [
        ("urn:briefgen:the-alder-morning-briefing:2026-11-20", "2026/11/20/index.html", "Friday 20 November 2026", "2026-11-20T12:15:00Z"),
        ("urn:briefgen:the-alder-morning-briefing:2026-11-19", "2026/11/19/index.html", "Thursday 19 November 2026", "2026-11-19T16:02:00Z"),
    ]
    content = feed.entries[0].content[0]
    assert content.type == "text/html" and "<h2>Harbour Bridge closure</h2>" in content.value
    absolute = feedparser.parse((build_site(REPO, tmp_path / "site", f"base_url: {BASE}\n") / "feed.xml").read_bytes())
    assert not absolute.bozo
    assert [(e.id, e.link) for e in absolute.entries] == [(f"{BASE}2026/11/20/", f"{BASE}2026/11/20/"),
                                                          (f"{BASE}2026/11/19/", f"{BASE}2026/11/19/")]


def test_json_feed_is_valid_json_feed_1_1(demo_site, tmp_path):
    schema = json.loads((CHECKERS / "jsonfeed-1.1.schema.json").read_text())
    plain = json.loads((demo_site / "feed.json").read_text())
    absolute = json.loads((build_site(REPO, tmp_path / "site", f"base_url: {BASE}\n") / "feed.json").read_text())
    for feed in (plain, absolute):
        jsonschema.validate(feed, schema)
    assert [(i["id"], i["title"], i["date_published"]) for i in plain["items"]] == [
        ("urn:briefgen:the-alder-morning-briefing:2026-11-20", "Friday 20 November 2026", "2026-11-20T12:15:00Z"),
        ("urn:briefgen:the-alder-morning-briefing:2026-11-19", "Thursday 19 November 2026", "2026-11-19T16:02:00Z"),
    ]
    assert "url" not in plain["items"][0] and "home_page_url" not in plain
    assert (absolute["home_page_url"], absolute["feed_url"]) == (BASE, BASE + "feed.json")
    assert [(i["id"], i["url"]) for i in absolute["items"]] == [(f"{BASE}2026/11/20/", f"{BASE}2026/11/20/"),
                                                               (f"{BASE}2026/11/19/", f"{BASE}2026/11/19/")]


def test_the_schema_check_catches_a_broken_feed():
    schema = json.loads((CHECKERS / "jsonfeed-1.1.schema.json").read_text())
    broken = {"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "a", "titel": "typo"}]}
    errors = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(broken))
    assert errors == ["'titel' does not match any of the regexes: '^_'",
                      "{'id': 'a', 'titel': 'typo'} is not valid under any of the given schemas"]


def test_entry_ids_survive_new_articles(tmp_path):
    project = copy_demo(tmp_path)
    before = feedparser.parse((build_site(project, tmp_path / "one") / "feed.xml").read_bytes())
    (project / "content/articles/2026-11-20/rates-beacon.txt").unlink()
    (project / "content/articles/2026-11-20/drought-herald.md").unlink()
    after = feedparser.parse((build_site(project, tmp_path / "two") / "feed.xml").read_bytes())
    assert [e.id for e in after.entries] == [e.id for e in before.entries]
    assert after.entries[0].content[0].value != before.entries[0].content[0].value


def test_all_links_inside_the_site_are_relative_and_resolve(demo_site, busy_site):
    for site in (demo_site, busy_site):
        for path, text in html_of(site):
            page = Links(text)
            for tag, href, rel, _ in page.links:
                if href.startswith(("http://", "https://")):
                    assert tag == "a" and rel == "noopener noreferrer", (path, href)
                    continue
                assert not href.startswith(("/", "//")) and ":" not in href.split("#")[0], (path, href)
                target, _, fragment = href.partition("#")
                resolved = (site / path).parent / target if target else site / path
                assert resolved.is_file(), (path, href)
                if fragment:
                    assert fragment in Links(resolved.read_text("utf-8")).ids, (path, href)


def test_summary_sentences_and_quotes_link_to_the_quoted_words(demo_site):
    text = (demo_site / "2026/11/20/index.html").read_text()
    sentences = re.findall(r'<div class="summary">\n(.*?)</div>', text, re.S)
    quotes = re.findall(r"<figcaption>(.*?)</figcaption>", text)
    assert len(sentences) == 3 and len(quotes) == 9
    for block in [line for group in sentences for line in group.splitlines()] + quotes:
        links = re.findall(r'<a href="(https://[^"]+)" rel="noopener noreferrer">', block)
        assert links and all(re.fullmatch(r"https://[^#\s]+#:~:text=[^\s#]+", href) for href in links), block


def test_no_scripts_no_web_fonts_nothing_from_elsewhere(demo_site):
    for path, text in html_of(demo_site):
        names = Links(text).names
        assert not names & {"script", "iframe", "object", "embed", "img"}, path
        assert not [name for name in names if name.startswith("on")], path
    css = (demo_site / "assets/briefgen.css").read_text()
    assert "@font-face" not in css and "@import" not in css and "url(" not in css


def test_a_busy_day_page_is_under_60_kb_of_html_and_css(busy_site):
    css = (busy_site / "assets/briefgen.css").stat().st_size
    sizes = {path: len(text.encode()) + css for path, text in html_of(busy_site)}
    day = busy_site / "2026/11/19/index.html"
    assert day.read_text().count('<section class="topic"') == 10
    assert max(sizes.values()) == sizes["2026/11/19/index.html"] < 60_000, sizes


def test_changing_one_summary_sentence_changes_one_line(tmp_path):
    project = read_project(Paths(REPO, REPO / "briefgen.yaml", REPO / "content"))
    site = make_site(project, analyze_all(project))
    env = environment(REPO / "templates")
    day, topic = site.briefings[0], site.briefings[0].topics[1]
    edited = dataclasses.replace(topic.summary[1], text="A sentence an editor corrected.")
    topic = dataclasses.replace(topic, summary=(topic.summary[0], edited, *topic.summary[2:]))
    day = dataclasses.replace(day, topics=(day.topics[0], topic, *day.topics[2:]))
    changed = dataclasses.replace(site, briefings=(day, *site.briefings[1:]))
    before, after = render_site(site, env), render_site(changed, env)
    differing = sorted(name for name in before if before[name] != after[name])
    assert differing == ["2026/11/20/briefing.json", "2026/11/20/index.html", "feed.json", "feed.xml",
                         "index.html", "topics/northern-drought/index.html"]
    for name in differing:
        diff = [line for line in difflib.unified_diff(before[name].decode().splitlines(), after[name].decode().splitlines(), n=0)
                if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        assert len(diff) == 2 and "A sentence an editor corrected." in diff[1], (name, diff)


def test_unchanged_pages_keep_their_mtime(tmp_path):
    project = copy_demo(tmp_path)
    site = build_site(project, tmp_path / "site")
    for path in site.rglob("*"):
        os.utime(path, (1_000_000, 1_000_000))
    (project / "content/articles/2026-11-20/rates-beacon.txt").unlink()
    build_site(project, site)
    rewritten = [name for name in files(site) if (site / name).stat().st_mtime != 1_000_000]
    assert rewritten == [".briefgen-manifest", "2026/11/20/briefing.json", "2026/11/20/index.html", "archive/index.html",
                         "feed.json", "feed.xml", "index.html", "sources/index.html", "topics/interest-rates/index.html"]


def test_pages_of_removed_content_are_deleted(tmp_path):
    project = copy_demo(tmp_path)
    site = build_site(project, tmp_path / "site")
    (site / "CNAME").write_text("briefing.example.org\n")
    shutil.rmtree(project / "content/articles/2026-11-20")
    for name in ("drought-beacon.txt", "drought-courier.md", "drought-wire.md"):
        (project / "content/articles/2026-11-19" / name).unlink()
    build_site(project, site)
    assert not (site / "2026/11/20").exists() and not (site / "topics/northern-drought").exists()
    assert (site / "CNAME").read_text() == "briefing.example.org\n"
    assert "Thursday 19 November 2026" in (site / "index.html").read_text()


def copy_demo(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "briefgen.yaml", project / "briefgen.yaml")
    return project
