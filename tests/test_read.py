import os
from datetime import date
from pathlib import Path

import pytest

from briefgen.models import LIST_ITEM, PARAGRAPH
from briefgen.read import read_text
from builders import front_matter, problems_of, read, write_project


def test_front_matter_article(tmp_path):
    write_project(tmp_path, {"a.md": front_matter("First *paragraph* with a [link](https://x.org).\n\n- a bullet")})
    (article,) = read(tmp_path).articles
    assert article.title == "Ministers agree budget"
    assert article.path == "content/articles/a.md"
    assert article.briefing == date(2024, 3, 5)
    assert [(b.text, b.kind, b.line) for b in article.blocks] == [
        ("First paragraph with a link.", PARAGRAPH, 8),
        ("a bullet", LIST_ITEM, 10),
    ]


def test_sidecar_yaml_article_keeps_the_body_path(tmp_path):
    meta = front_matter().split("---\n")[1]
    write_project(tmp_path, {"deep/x/b.txt": "Body text here. More.\n", "deep/x/b.yaml": meta})
    (article,) = read(tmp_path).articles
    assert article.path == "content/articles/deep/x/b.txt"
    assert article.blocks[0].text == "Body text here. More."


def test_briefing_day_follows_the_site_timezone(tmp_path):
    late = front_matter(published="2024-03-05T23:30:00+00:00")
    write_project(tmp_path, {"a.md": late}, config="timezone: Asia/Tokyo\n")
    assert read(tmp_path).articles[0].briefing == date(2024, 3, 6)


def test_date_only_published_and_explicit_briefing(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(published="2024-03-05", briefing="2024-03-07")})
    article = read(tmp_path).articles[0]
    assert article.date_only and article.published_iso == "2024-03-05"
    assert article.briefing == date(2024, 3, 7)


def test_every_problem_in_one_run(tmp_path):
    write_project(tmp_path, {
        "a.md": front_matter(url="javascript:alert(1)", published="2024-03-05T07:30:00"),
        "b.md": front_matter(title=None, topic="budgte"),
        "c.txt": "No metadata at all.\n",
        "d.md": "---\ntitle: [unclosed\n---\nBody.\n",
        "e.md": b"---\ntitle: caf\xe9\n---\n",
    })
    assert problems_of(tmp_path) == [
        "content/articles/a.md:3: url: 'javascript:alert(1)' is not a web address; use the article's full http:// or https:// URL",
        "content/articles/a.md:5: published: '2024-03-05T07:30:00' has no UTC offset; add one, e.g. 2024-03-05T07:30:00+00:00 or 2024-03-05T07:30:00Z",
        "content/articles/b.md:2: missing required field 'title'; add e.g. 'title: Ministers agree new budget'",
        "content/articles/b.md:5: topic: unknown topic 'budgte'; did you mean 'budget'? Topics are defined in content/topics.yaml",
        "content/articles/c.txt: no metadata; add YAML front matter between '---' lines at the top, or a .yaml file of the same name",
        "content/articles/d.md:3: invalid YAML: did not find expected ',' or ']'",
        "content/articles/e.md:2: is not valid UTF-8 (byte 0xE9); it looks like Windows-1252 (Western European): "
        "re-save it as UTF-8 (in your editor: Save As, encoding UTF-8; or iconv -f windows-1252 -t utf-8)",
    ]


def test_duplicate_urls_name_the_first_file(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(), "b.md": front_matter()})
    assert problems_of(tmp_path) == [
        "content/articles/b.md: url: https://example.com/budget is also the URL of content/articles/a.md; each article needs its own URL"
    ]


def test_article_without_topic_is_a_warning(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(topic=None)})
    project = read(tmp_path)
    assert [str(w) for w in project.warnings] == [
        "content/articles/a.md: warning: no topic; the article goes to 'Other news'. Add 'topic: <id>' from content/topics.yaml"
    ]


def test_files_above_the_size_limit_and_binary_files(tmp_path):
    write_project(tmp_path, {"big.md": front_matter("x" * 3000), "bin.txt": b"\x89PNG\x00\x00"}, config="max_file_size: 2KB\n")
    assert problems_of(tmp_path) == [
        "content/articles/big.md: file is 3,142 bytes, above the limit of 2,000 bytes; split it or raise max_file_size in briefgen.yaml",
        "content/articles/bin.txt: looks like a binary file (it contains NUL bytes); articles must be UTF-8 text",
    ]


@pytest.mark.parametrize("grown_to, problems", [
    (1500, []),
    (3000, ["big.md: file is above the limit of 2,000 bytes; split it or raise max_file_size in briefgen.yaml"]),
])
def test_a_file_that_grows_after_its_size_was_read_is_read_whole_or_refused(tmp_path, grown_to, problems):
    class GrownSinceStat(type(Path())):
        def stat(self, **options):  # the size a moment before it grew
            return os.stat_result((*super().stat(**options)[:6], 100, *super().stat(**options)[7:]))

    path = GrownSinceStat(tmp_path / "big.md")
    path.write_text("x" * grown_to)
    text, found = read_text(path, "big.md", 2000)
    assert [str(p) for p in found] == problems
    assert text == ("x" * grown_to if not problems else None)


def test_topics_are_validated(tmp_path):
    topics = "- id: a\n  title: A\n- id: a\n  title: Again\n- title: No id\n- id: b\n  title: B\n  colour: red\n"
    write_project(tmp_path, {"a.md": front_matter(topic="a")}, topics=topics)
    assert problems_of(tmp_path) == [
        "content/topics.yaml:3: id: topic 'a' is defined twice (first on line 1); keep one",
        "content/topics.yaml:5: topic 3 is missing 'id'",
        "content/topics.yaml:8: warning: unknown key 'colour' is ignored; known: description, id, quotes, summary, title",
    ]


def test_missing_content_folder(tmp_path):
    assert problems_of(tmp_path) == [
        "content: content folder not found; run briefgen in a project folder or pass --content DIR"
    ]


def test_editor_notes_are_rendered_and_sanitised(tmp_path):
    write_project(tmp_path, {"a.md": front_matter()})
    (tmp_path / "content" / "notes").mkdir()
    (tmp_path / "content" / "notes" / "2024-03-05.md").write_text("Hello **all** <script>alert(1)</script>")
    (note,) = read(tmp_path).notes
    assert note.day == date(2024, 3, 5)
    assert note.html == "<p>Hello <strong>all</strong> </p>"
