"""The site in a real browser and in the Nu Html Checker: valid, accessible, responsive, printable,
and working at a domain root, under a sub-path, from disk and behind a 404."""

import re
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from browser import axe, html_pages, open_page, serve, vnu
from builders import REPO
from sites import build_site

PAGE_TYPES = ["index.html", "2026/11/19/index.html", "topics/harbour-bridge/index.html", "archive/index.html",
              "sources/index.html", "404.html"]
LINKS = "[...document.querySelectorAll('a[href], link[href]')].map(e => e.href)"


def test_every_page_and_the_stylesheet_pass_the_nu_html_checker(demo_site, busy_site, tmp_path):
    with_base = build_site(REPO, tmp_path / "site", "base_url: https://briefing.example.org/alder/\n")
    pages = [site / page for site in (demo_site, busy_site, with_base) for page in html_pages(site)]
    assert len(pages) == 9 + 15 + 9
    assert vnu(pages + [demo_site / "assets/briefgen.css"]) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_violations_on_any_page_type(browser, demo_site, scheme, width):
    with serve(demo_site) as base:
        for path in PAGE_TYPES:
            with open_page(browser, base + path, width=width, color_scheme=scheme) as (page, events):
                assert axe(page) == [], path
                assert events.problems() == [], path


@pytest.mark.parametrize("prefix", ["/", "/sub/path/"])
def test_every_link_resolves_when_served_from(browser, demo_site, prefix):
    with serve(demo_site, prefix) as base:
        for path in html_pages(demo_site):
            with open_page(browser, base + path) as (page, events):
                assert events.problems() == [], path
                local = {href.split("#")[0] for href in page.evaluate(LINKS) if href.startswith(base)}
            assert local, path
            for href in sorted(local):
                assert status(href) == 200, (path, href)


def test_every_link_resolves_from_disk(browser, demo_site):
    for path in html_pages(demo_site):
        with open_page(browser, (demo_site / path).as_uri()) as (page, events):
            assert events.problems() == [], path
            assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px", path
            hrefs = [href for href in page.evaluate(LINKS) if href.startswith("file:")]
        for href in hrefs:
            assert Path(href.split("#")[0].removeprefix("file://")).is_file(), (path, href)


def test_a_reader_clicks_through_the_site_from_disk(browser, demo_site):
    with open_page(browser, (demo_site / "index.html").as_uri()) as (page, events):
        page.click("nav.site-nav >> text=Archive")
        assert page.title() == "Archive · The Alder Morning Briefing"
        page.click("text=Thursday 19 November 2026")
        page.click("h2 >> text=Northern drought")
        assert page.url.endswith("/topics/northern-drought/index.html")
        page.click("nav.site-nav >> text=Sources")
        assert page.locator("tbody tr").count() == 5
        assert events.problems() == []


def test_the_404_page_works_at_any_depth_when_base_url_is_set(browser, tmp_path):
    site = tmp_path / "site"
    with serve(site, "/sub/path/") as base:
        build_site(REPO, site, f"base_url: {base}\n")
        with open_page(browser, base + "2031/01/01/missing/") as (page, events):
            assert page.title() == "Page not found · The Alder Morning Briefing"
            assert events.failed == [f"404 {base}2031/01/01/missing/"]
            page.click("text=Read the latest briefing")
            assert page.url == base + "index.html"


def test_no_page_scrolls_sideways_on_a_320_px_phone(browser, busy_site, demo_site):
    for site, paths in ((demo_site, PAGE_TYPES), (busy_site, ["index.html", "sources/index.html"])):
        with serve(site) as base:
            for path in paths:
                with open_page(browser, base + path, width=320, height=640) as (page, _):
                    assert page.evaluate("document.documentElement.scrollWidth") == 320, path


def test_dark_theme_follows_the_system_setting(browser, demo_site):
    colours = {}
    for scheme in ("light", "dark"):
        with open_page(browser, (demo_site / "index.html").as_uri(), color_scheme=scheme) as (page, _):
            colours[scheme] = page.evaluate("[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
    assert colours == {"light": ["rgb(252, 251, 248)", "rgb(27, 26, 24)"], "dark": ["rgb(22, 21, 19)", "rgb(235, 232, 225)"]}


def test_print_shows_the_briefing_without_navigation(browser, demo_site):
    hidden = ".site-nav, .day-nav, .toc, .skip"
    with open_page(browser, (demo_site / "index.html").as_uri(), media="print", color_scheme="dark") as (page, _):
        assert page.eval_on_selector_all(hidden, "els => els.map(e => getComputedStyle(e).display)") == ["none"] * 4
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
        assert page.locator(".topic").count() == 3
        pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2


def test_pages_read_the_same_without_javascript(browser, demo_site):
    with open_page(browser, (demo_site / "index.html").as_uri(), javascript=False) as (page, _):
        assert page.locator(".topic h2").all_inner_texts() == ["Harbour Bridge closure", "Northern drought", "Interest rates"]


def status(url: str) -> int:
    try:
        with urlopen(url) as response:
            return response.status
    except HTTPError as error:
        return error.code
