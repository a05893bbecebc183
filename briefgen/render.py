"""Render the site model to files in memory with Jinja2: {relative path: bytes}.

The theme is a folder of templates; a project's own `templates/` overrides it file by file.
Every link is relative (each page gets `root`, the way back to the site root), so the site
works at a domain root, under a sub-path and opened from disk.
"""

import json
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import __version__
from .models import Briefing, Site, Topic, TopicBriefing
from .urls import text_fragment_url

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def default_theme() -> Path:
    """The theme shipped in the wheel, or the repository's top-level `templates/`."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "templates"


def environment(project_templates: Path | None = None) -> Environment:
    folders = [project_templates] if project_templates and project_templates.is_dir() else []
    loader = ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders + [default_theme()]])
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(longdate=long_date, fragment=lambda c: text_fragment_url(c.url, c.words), month=month_name)
    env.globals.update(generator=f"briefgen {__version__}", day_path=day_path, topic_path=topic_path)
    return env


def render_site(site: Site, env: Environment) -> dict[str, bytes]:
    zone = ZoneInfo(site.config.timezone)
    env = env.overlay()
    env.filters["published"] = lambda article: published_label(article, zone)
    common = {"site": site.config, "briefings": site.briefings}
    files = {}

    def page(path: str, template: str, **context):
        root = "../" * path.count("/")
        text = env.get_template(template).render(root=root, path=path, **common, **context)
        files[path] = text.encode("utf-8")

    if site.briefings:
        page("index.html", "briefing.html", briefing=site.briefings[0], is_latest=True)
    for briefing in site.briefings:
        path = day_path(briefing.day)
        page(path + "index.html", "briefing.html", briefing=briefing, is_latest=False)
        files[path + "briefing.json"] = briefing_json(briefing, site.config.title)
    for topic, entries in topic_timelines(site):
        page(topic_path(topic) + "index.html", "topic.html", topic=topic, entries=entries)
    page("archive/index.html", "archive.html", months=archive_months(site.briefings))
    page("feed.xml", "feed.xml")
    files.update(theme_assets(env))
    return files


def topic_timelines(site: Site) -> list[tuple[Topic, tuple[tuple[date, TopicBriefing], ...]]]:
    """Each topic that has articles, with its briefing entries newest first."""
    entries: dict[str, list] = {}
    topics: dict[str, Topic] = {}
    for briefing in site.briefings:
        for entry in briefing.topics:
            topics[entry.topic.id] = entry.topic
            entries.setdefault(entry.topic.id, []).append((briefing.day, entry))
    return [(topics[key], tuple(entries[key])) for key in sorted(topics, key=lambda k: topics[k].slug)]


def archive_months(briefings: tuple[Briefing, ...]) -> list[tuple[tuple[int, int], list[Briefing]]]:
    months: dict[tuple[int, int], list[Briefing]] = {}
    for briefing in briefings:
        months.setdefault((briefing.day.year, briefing.day.month), []).append(briefing)
    return sorted(months.items(), reverse=True)


def theme_assets(env: Environment) -> dict[str, bytes]:
    """Static files under the theme's `assets/`, project overrides first."""
    assets = {}
    for name in env.list_templates(filter_func=lambda n: n.startswith("assets/")):
        source, _, _ = env.loader.get_source(env, name)
        assets[name] = source.encode("utf-8")
    return assets


def briefing_json(briefing: Briefing, title: str) -> bytes:
    data = {
        "date": briefing.day.isoformat(),
        "title": f"{title}: {long_date(briefing.day)}",
        "topics": [
            {
                "id": entry.topic.id,
                "title": entry.topic.title,
                "summary": [{"text": s.text, "sources": [c.url for c in s.citations]} for s in entry.summary],
                "quotes": [
                    {"text": q.text, "speaker": q.speaker, "role": q.role, "sources": [c.url for c in q.citations],
                     "variants": [{"text": v.text, "sources": [c.url for c in v.citations]} for v in q.variants]}
                    for q in entry.quotes
                ],
                "articles": [
                    {"title": a.title, "outlet": a.outlet, "url": a.url, "published": a.published_iso,
                     "copy_of": next((c.original.url for c in entry.copies if c.article.url == a.url), None)}
                    for a in entry.articles
                ],
            }
            for entry in briefing.topics
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def day_path(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.slug}/"


def long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def month_name(month: tuple[int, int]) -> str:
    return f"{MONTHS[month[1] - 1]} {month[0]}"


def published_label(article, zone: ZoneInfo) -> str:
    """'5 Sep 2023, 07:30' in the site's time zone; the date alone for date-only articles."""
    if article.date_only:
        moment = article.published
        return f"{moment.day} {MONTHS[moment.month - 1][:3]} {moment.year}"
    local = article.published.astimezone(zone)
    return f"{local.day} {MONTHS[local.month - 1][:3]} {local.year}, {local:%H:%M}"
