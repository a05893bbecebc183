"""The browser harness itself: Chromium opens a built site from a local server and from disk."""

import pytest

from browser import axe, html_pages, missing, open_page, serve, vnu


def test_chromium_shows_the_latest_briefing_with_its_stylesheet(browser, demo_site):
    with serve(demo_site, "/sub/path/") as base, open_page(browser, base + "index.html") as (page, events):
        assert page.title() == "The Alder Morning Briefing: Friday 20 November 2026"
        assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px"
        assert events.problems() == []
        assert all(url.startswith(base) for url in events.requests)


def test_the_server_answers_missing_pages_with_404(browser, demo_site):
    with serve(demo_site, "/sub/path/") as base, open_page(browser, base + "missing.html") as (page, events):
        assert events.failed == [f"404 {base}missing.html"]
        assert page.title() == "Page not found · The Alder Morning Briefing"
    with serve(demo_site, "/sub/path/") as base, open_page(browser, base.replace("/sub/path/", "/index.html")) as (page, events):
        assert events.failed[0] == "404 " + base.replace("/sub/path/", "/index.html")


def test_pages_are_listed_in_order(demo_site):
    pages = html_pages(demo_site)
    assert pages[:2] == ["2026/11/19/index.html", "2026/11/20/index.html"] and "index.html" in pages


def test_a_missing_tool_skips_or_fails_as_configured(monkeypatch):
    monkeypatch.delenv("BRIEFGEN_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed; install with"):
        missing("Chromium is not installed")
    monkeypatch.setenv("BRIEFGEN_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="BRIEFGEN_REQUIRE_BROWSER=1"):
        missing("Chromium is not installed")


def test_axe_finds_a_planted_violation(browser, demo_site):
    with serve(demo_site) as base, open_page(browser, base + "index.html") as (page, _):
        page.evaluate("document.querySelector('h1').insertAdjacentHTML('afterend', '<img src=\"x.png\">')")
        assert [v["id"] for v in axe(page)] == ["image-alt"]


def test_vnu_reports_errors_in_html_and_css(tmp_path):
    (tmp_path / "bad.html").write_text('<!doctype html>\n<html lang="en">\n<head>\n<title>x</title>\n</head>\n<body>\n<p><div>x</p>\n</body>\n</html>\n')
    (tmp_path / "bad.css").write_text("p { colr: red; }\n")
    found = [(m["file"].rsplit("/", 1)[-1], m["message"]) for m in vnu([tmp_path / "bad.html", tmp_path / "bad.css"])]
    assert ("bad.css", "CSS: “colr”: Property “colr” doesn't exist.") in found
    assert ("bad.html", "No “p” element in scope but a “p” end tag seen.") in found
