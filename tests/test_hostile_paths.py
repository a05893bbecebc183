"""Topic ids become folder names: they can never write outside the site, and never collide."""

import re

import pytest

from briefgen.build import BuildOptions, build
from briefgen.metadata import assign_slugs, slugify
from briefgen.models import Topic
from builders import front_matter, write_project

SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HOSTILE_IDS = [
    "..", "../../etc/passwd", "/etc/passwd", "a\\b\\..", "C:\\Windows", "~/.ssh", "CON", "nul", "LPT1",
    "com9", "con.txt", "x" * 200, "\u03a9\u03bc\u03ad\u03b3\u03b1", "\u0440\u0430\u0443\u0440\u0430l",
    "\u202egnp.exe", "\uff26\uff35\uff2c\uff2c", "\ufb01nance", ".hidden", "-", "%2e%2e%2f", "index.html",
]


@pytest.mark.parametrize("topic_id, slug", [
    ("..", "topic"), ("../../etc/passwd", "etc-passwd"), ("/etc/passwd", "etc-passwd"), ("a\\b\\..", "a-b"),
    ("CON", "con-topic"), ("Nul", "nul-topic"), ("LPT1", "lpt1-topic"), ("con.txt", "con-txt"),
    ("x" * 500, "x" * 60), ("\u03a9\u03bc\u03ad\u03b3\u03b1", "topic"), ("\u0440\u0430\u0443\u0440\u0430l", "l"),
    ("\u00cele-de-France", "ile-de-france"), ("\u202egnp.exe", "gnp-exe"), ("\uff26\uff35\uff2c\uff2c", "full"),
])
def test_slugs_are_short_lowercase_ascii(topic_id, slug):
    assert slugify(topic_id) == slug


@pytest.mark.parametrize("topic_id", HOSTILE_IDS)
def test_every_slug_is_one_safe_path_segment(topic_id):
    slug = slugify(topic_id)
    assert SAFE_SLUG.match(slug) and len(slug) <= 60
    assert slug not in {"con", "prn", "aux", "nul", "com1", "lpt1"}


COLLIDING = ["Budget", "budget", "BUDGET!", "bud get", "Other", "\u0432\u044b\u0431\u043e\u0440\u044b", "\u0440\u0435\u0444\u0435\u0440\u0435\u043d\u0434\u0443\u043c"]


def test_colliding_slugs_get_distinct_paths_stable_in_any_order():
    topics = [Topic(i, "t", slugify(i)) for i in COLLIDING]
    forward = {t.id: t.slug for t in assign_slugs(topics)}
    assert forward == {
        "Budget": "budget-1c6225ec",
        "budget": "budget",  # the id that is its own slug keeps it
        "BUDGET!": "budget-d85713a7",
        "bud get": "bud-get",
        "Other": "other-f97e9da0",  # 'other' is the built-in 'Other news' page
        "\u0432\u044b\u0431\u043e\u0440\u044b": "topic-ac684dd2",
        "\u0440\u0435\u0444\u0435\u0440\u0435\u043d\u0434\u0443\u043c": "topic-457fc585",
    }
    assert {t.id: t.slug for t in assign_slugs(topics[::-1])} == forward


def _topics_yaml(ids) -> str:
    import yaml

    return yaml.safe_dump([{"id": i, "title": f"Topic {n}"} for n, i in enumerate(ids)], allow_unicode=True)


def test_hostile_topic_ids_build_only_inside_the_output(tmp_path):
    ids = HOSTILE_IDS + COLLIDING
    files = {f"a{n}.md": front_matter(f"Story number {n} is about the council. It met on Monday.", url=f"https://e.org/{n}", topic=f"'{i}'" if "'" not in i else i)
             for n, i in enumerate(ids)}
    files["untopiced.md"] = front_matter("A story with no topic at all. It goes to other news.", url="https://e.org/x", topic=None)
    project = write_project(tmp_path / "project", files, topics=_topics_yaml(ids))
    before = sorted(p.name for p in tmp_path.iterdir())
    report = build(BuildOptions(project, project / "briefgen.yaml", project / "content", project / "site", None))
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    site = (project / "site").resolve()
    written = [p for p in site.rglob("*")]
    assert all(p.resolve().is_relative_to(site) and not p.is_symlink() for p in written)
    topic_pages = sorted(p.parent.name for p in (site / "topics").glob("*/index.html"))
    assert len(topic_pages) == len(ids) + 1 == report.topics  # every topic and 'Other news' its own page
    assert all(SAFE_SLUG.match(name) for name in topic_pages)
