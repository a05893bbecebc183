"""Feeds and crawler files: Atom (`feed.xml`), JSON Feed 1.1 (`feed.json`), `sitemap.xml`, `robots.txt`.

One entry per briefing day, newest first, for the newest `feed_days` days (readers poll
feeds often; older days are on the site), with the day's briefing as its content. Ids never
change once a day is published: the day's address when `base_url` is set, otherwise a URN made
of the site's name and the date. Without `base_url`, Atom links are relative to the feed
(which readers resolve against where they fetched it) and the JSON Feed carries no URLs.
Times are the newest article of the day, so rebuilding never changes them.
"""

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from . import __version__
from .config import Config

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class Entry:
    """One briefing day as a feed item; `path` is the day page relative to the site root."""

    day: date
    title: str
    path: str
    updated: datetime
    summary: str
    content_html: str


def feed_files(config: Config, entries: list[Entry], pages: list[str]) -> dict[str, bytes]:
    entries = entries[:config.feed_days]
    files = {
        "feed.xml": atom(config, entries),
        "feed.json": json_feed(config, entries),
        "robots.txt": robots(config),
    }
    if config.base_url:
        files["sitemap.xml"] = sitemap(config, pages)
    return files


def entry_id(config: Config, entry: Entry) -> str:
    if config.base_url:
        return address(config, entry.path)
    return f"urn:briefgen:{_slug(config.title)}:{entry.day.isoformat()}"


def address(config: Config, path: str) -> str:
    """A page's public address: absolute (without `index.html`) with `base_url`, else relative."""
    return config.base_url + path.removesuffix("index.html") if config.base_url else path


def feed_id(config: Config) -> str:
    return config.base_url or f"urn:briefgen:{_slug(config.title)}"


def atom(config: Config, entries: list[Entry]) -> bytes:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(config.language)}>',
        f"<title>{escape(config.title)}</title>",
        f"<id>{escape(feed_id(config))}</id>",
        f'<link rel="alternate" type="text/html" href={quoteattr(address(config, "index.html"))}/>',
        f'<link rel="self" type="application/atom+xml" href={quoteattr(config.base_url + "feed.xml")}/>',
        f"<updated>{_timestamp(entries[0].updated) if entries else '1970-01-01T00:00:00Z'}</updated>",
        f"<author><name>{escape(config.title)}</name></author>",
        f'<generator version={quoteattr(__version__)}>briefgen</generator>',
    ]
    for entry in entries:
        lines += [
            "<entry>",
            f"<title>{escape(entry.title)}</title>",
            f"<id>{escape(entry_id(config, entry))}</id>",
            f'<link rel="alternate" type="text/html" href={quoteattr(address(config, entry.path))}/>',
            f"<published>{_timestamp(entry.updated)}</published>",
            f"<updated>{_timestamp(entry.updated)}</updated>",
            f"<summary>{escape(entry.summary)}</summary>",
            f'<content type="html">{escape(entry.content_html)}</content>',
            "</entry>",
        ]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def json_feed(config: Config, entries: list[Entry]) -> bytes:
    feed = {"version": JSON_FEED_VERSION, "title": config.title, "language": config.language}
    if config.base_url:
        feed.update(home_page_url=config.base_url, feed_url=config.base_url + "feed.json")
    feed["items"] = [_json_item(config, entry) for entry in entries]
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(config: Config, entry: Entry) -> dict:
    item = {"id": entry_id(config, entry)}
    if config.base_url:
        item["url"] = address(config, entry.path)
    item.update(
        title=entry.title,
        summary=entry.summary,
        content_html=entry.content_html,
        date_published=_timestamp(entry.updated),
        date_modified=_timestamp(entry.updated),
    )
    return item


def sitemap(config: Config, pages: list[str]) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in sorted(pages):
        lines.append(f"<url><loc>{escape(address(config, page))}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(config: Config) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if config.base_url:
        lines.append(f"Sitemap: {config.base_url}sitemap.xml")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "briefing"
