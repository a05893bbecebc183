"""Broken and hostile input: every problem is reported as `path:line: message`, never a crash.

Tests run as root here, and chmod does not stop root, so unreadable files and folders are
simulated by making `open` and `os.scandir` fail with EACCES for one path.
"""

import errno
import os

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from builders import front_matter, nested_folders, problems_of, read, write_project

FIELDS_OF_EVERY_TYPE = (
    "---\ntitle: [a]\nurl: 5\noutlet: {a: b}\npublished: true\ntopic: [budget]\nauthor: 3.5\n"
    "language: 7\nbriefing: 2024-02-30\ntags: {a: 1}\n---\nBody text. More.\n"
)


def test_wrong_types_in_every_field(tmp_path):
    write_project(tmp_path, {"a.md": FIELDS_OF_EVERY_TYPE})
    assert problems_of(tmp_path) == [
        "content/articles/a.md:2: title: must be text",
        "content/articles/a.md:3: url: 5 is not a web address; use the article's full http:// or https:// URL",
        "content/articles/a.md:4: outlet: must be text",
        "content/articles/a.md:5: published: True is not an ISO 8601 date or time; write e.g. 2024-03-05 or 2024-03-05T07:30:00+01:00",
        "content/articles/a.md:6: topic: must be text",
        "content/articles/a.md:7: author: 3.5 is read as a number, not text; put it in quotes",
        "content/articles/a.md:8: language: 7 is not supported; use one of: en, de, fr, es, it, pt",
        "content/articles/a.md:9: briefing: '2024-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-05",
        "content/articles/a.md:10: tags: must be a list of words, e.g. [politics, europe]",
    ]


def test_yes_no_and_numbers_in_text_fields_ask_for_quotes(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(title="yes", outlet="1.5e+3", tags="[on, '2024']")})
    assert problems_of(tmp_path) == [
        "content/articles/a.md:2: title: True is read as a yes/no value, not text; put it in quotes",
        "content/articles/a.md:4: outlet: 1500.0 is read as a number, not text; put it in quotes",
        "content/articles/a.md:7: tags: True is read as a yes/no value, not text; put it in quotes",
    ]


@pytest.mark.parametrize("published, message", [
    ("2024-03-05T25:00:00+00:00", "'2024-03-05T25:00:00+00:00' is not an ISO 8601 date or time; write e.g. 2024-03-05 or 2024-03-05T07:30:00+01:00"),
    ("2024-03-05T07:00:00+25:00", "'2024-03-05T07:00:00+25:00' is not an ISO 8601 date or time; write e.g. 2024-03-05 or 2024-03-05T07:30:00+01:00"),
    ("yesterday", "'yesterday' is not an ISO 8601 date or time; write e.g. 2024-03-05 or 2024-03-05T07:30:00+01:00"),
    ("2024-02-30", "'2024-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-05"),
    ("0001-01-01T00:00:00+01:00", "'0001-01-01T00:00:00+01:00' is out of range; use a year from 0002 to 9998"),
    ("9999-12-31T23:00:00-05:00", "'9999-12-31T23:00:00-05:00' is out of range; use a year from 0002 to 9998"),
])
def test_invalid_dates_and_offsets(tmp_path, published, message):
    write_project(tmp_path, {"a.md": front_matter(published=published)})
    assert problems_of(tmp_path) == [f"content/articles/a.md:5: published: {message}"]


@pytest.mark.parametrize("timezone, message", [
    ("Mars/Olympus", "'Mars/Olympus' is not a known time zone"),
    ("../../../etc/passwd", "'../../../etc/passwd' is not a known time zone"),
    ("America", "'America' is not a known time zone"),
    ("x" * 300, "'" + "x" * 55 + "...' is not a known time zone"),
    ('"UTC\\0"', "contains the control character U+0000"),
    ("[UTC]", "must be non-empty text"),
])
def test_invalid_time_zones(tmp_path, timezone, message):
    write_project(tmp_path, {"a.md": front_matter()}, config=f"timezone: {timezone}\n")
    (problem,) = problems_of(tmp_path)
    assert problem.startswith(f"briefgen.yaml:1: timezone: {message}")


def test_control_characters_from_yaml_escapes_are_refused(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(title='"Budget\\x07 day"', author='"\\uFFFE"')}, config='title: "A\\x1bB"\n')
    assert problems_of(tmp_path) == [
        "briefgen.yaml:1: title: contains the control character U+001B; remove it (in YAML it comes from an escape such as \\x01)",
        "content/articles/a.md:2: title: contains the control character U+0007; remove it (in YAML it comes from an escape such as \\x01)",
        "content/articles/a.md:7: author: contains the control character U+FFFE; remove it (in YAML it comes from an escape such as \\x01)",
    ]


def test_control_characters_in_article_text_are_dropped(tmp_path):
    write_project(tmp_path, {"a.md": front_matter("The council\x00 met.").replace("\x00", "\x01\x1b") + "\nPage\x0cbreak here.\n"})
    (article,) = read(tmp_path).articles
    assert [b.text for b in article.blocks] == ["The council met.", "Page break here."]


def test_unknown_fields_warn_with_did_you_mean(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(titel="x", Outlet="y")}, topics="- id: budget\n  titel: B\n  title: B\n")
    assert [str(w) for w in read(tmp_path).warnings] == [
        "content/articles/a.md:7: warning: unknown key 'titel' is ignored; did you mean 'title'?",
        "content/articles/a.md:8: warning: unknown key 'Outlet' is ignored; did you mean 'outlet'?",
        "content/topics.yaml:2: warning: unknown key 'titel' is ignored; did you mean 'title'?",
    ]


def test_look_alike_topic_reference_suggests_the_real_one(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(topic="budg\u0435t")})  # a Cyrillic 'е'
    assert problems_of(tmp_path) == [
        "content/articles/a.md:6: topic: unknown topic 'budg\u0435t'; did you mean 'budget'? Topics are defined in content/topics.yaml"
    ]


def test_composed_and_decomposed_spellings_are_the_same_topic(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(topic="cafe\u0301")}, topics="- id: caf\u00e9\n  title: Caf\u00e9\n")
    assert read(tmp_path).articles[0].topic == "caf\u00e9"


@pytest.mark.parametrize("first, second", [
    ("https://example.com/a", "https://EXAMPLE.com/a"),
    ("https://example.com/a", "HTTPS://example.com/a#comments"),
    ("http://example.com/a", "http://example.com:80/a"),
    ("https://example.com", "https://example.com/"),
])
def test_two_spellings_of_one_url_are_duplicates(tmp_path, first, second):
    write_project(tmp_path, {"a.md": front_matter(url=first), "b.md": front_matter(url=second)})
    assert problems_of(tmp_path) == [
        f"content/articles/b.md: url: {second} is also the URL of content/articles/a.md; each article needs its own URL"
    ]


def test_urls_with_a_user_name_are_refused(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(url="https://trusted.example@evil.example/a")})
    assert problems_of(tmp_path) == [
        "content/articles/a.md:3: url: 'https://trusted.example@evil.example/a' is not a web address; use the article's full http:// or https:// URL"
    ]


def test_empty_files(tmp_path):
    write_project(tmp_path, {"a.md": "", "b.md": "   \n\n", "c.md": front_matter(""), "d.txt": "Body.\n", "d.yaml": "", "e.md": "---\n---\nBody text.\n"})
    assert problems_of(tmp_path) == [
        "content/articles/a.md: file is empty",
        "content/articles/b.md: file is empty",
        "content/articles/c.md: the article has no text; paste the article body below its metadata",
        "content/articles/d.yaml: file is empty",
        "content/articles/e.md:2: metadata must be a mapping of fields such as 'title: ...'",
    ]


def test_encodings_are_named_with_the_fix(tmp_path):
    text = front_matter()
    write_project(tmp_path, {
        "bom16.md": text.encode("utf-16"),
        "nobom16.md": text.encode("utf-16-le"),
        "latin1.md": text.encode() + b"caf\x81\xe9\n",
        "cp1252.md": text.encode() + "caf\u00e9 \u201cquoted\u201d\n".encode("cp1252"),
        "bom8.md": b"\xef\xbb\xbf" + front_matter(url="https://e.org/bom8").encode(),
    })
    assert problems_of(tmp_path) == [
        "content/articles/bom16.md: is saved as UTF-16; re-save it as UTF-8 (in your editor: Save As, encoding UTF-8)",
        "content/articles/cp1252.md:9: is not valid UTF-8 (byte 0xE9); it looks like Windows-1252 (Western European): "
        "re-save it as UTF-8 (in your editor: Save As, encoding UTF-8; or iconv -f windows-1252 -t utf-8)",
        "content/articles/latin1.md:9: is not valid UTF-8 (byte 0x81); it looks like Latin-1: "
        "re-save it as UTF-8 (in your editor: Save As, encoding UTF-8; or iconv -f latin-1 -t utf-8)",
        "content/articles/nobom16.md: is saved as UTF-16; re-save it as UTF-8 (in your editor: Save As, encoding UTF-8)",
    ]


def test_binary_file_and_size_limit(tmp_path):
    write_project(tmp_path, {"img.md": bytes(range(256)) * 4, "big.md": front_matter("x" * 3000)}, config="max_file_size: 2KB\n")
    assert problems_of(tmp_path) == [
        "content/articles/big.md: file is 3,142 bytes, above the limit of 2,000 bytes; split it or raise max_file_size in briefgen.yaml",
        "content/articles/img.md: looks like a binary file (it contains NUL bytes); articles must be UTF-8 text",
    ]


def test_size_limit_has_bounds(tmp_path):
    write_project(tmp_path, {"a.md": front_matter()}, config="max_file_size: 99999999999GB\n")
    assert problems_of(tmp_path) == ["briefgen.yaml:1: max_file_size: must be from 1KB to 1GB"]


def test_a_pipe_in_content_is_reported_not_waited_on(tmp_path):
    write_project(tmp_path, {"a.md": front_matter()})
    os.mkfifo(tmp_path / "content" / "articles" / "pipe.md")
    assert problems_of(tmp_path) == [
        "content/articles/pipe.md: is not a regular file (a device, pipe or socket); remove it from content/"
    ]


def test_symlink_loops_and_dangling_links(tmp_path):
    write_project(tmp_path, {"sub/a.md": front_matter()})
    articles = tmp_path / "content" / "articles"
    os.symlink("..", articles / "sub" / "loop")
    os.symlink("self.md", articles / "self.md")
    os.symlink("missing.md", articles / "dangling.md")
    assert problems_of(tmp_path) == [
        "content/articles/dangling.md: is a symbolic link to missing.md, which does not exist; fix or remove the link",
        "content/articles/self.md: is a symbolic link that leads back to itself (a loop); fix or remove the link",
        "content/articles/sub/loop: warning: skipped: a link back to a folder already read (a symlink loop)",
    ]


def test_a_folder_loop_alone_is_only_a_warning(tmp_path):
    write_project(tmp_path, {"sub/a.md": front_matter()})
    (tmp_path / "content" / "articles" / "sub" / "deeper").mkdir()
    os.symlink("../..", tmp_path / "content" / "articles" / "sub" / "deeper" / "up")
    project = read(tmp_path)
    assert [a.path for a in project.articles] == ["content/articles/sub/a.md"]
    assert [str(w) for w in project.warnings] == [
        "content/articles/sub/deeper/up: warning: skipped: a link back to a folder already read (a symlink loop)"
    ]


def test_folders_nested_thousands_deep(tmp_path):
    write_project(tmp_path, {})
    with nested_folders(tmp_path / "content" / "articles", 1500) as deepest:
        (deepest / "a.md").write_text(front_matter())
        assert [a.path for a in read(tmp_path).articles] == ["content/articles/" + "d/" * 1500 + "a.md"]


def _deny(monkeypatch, function_owner, name, denied):
    real = getattr(function_owner, name)

    def fake(path, *args, **kwargs):
        if os.fspath(path).endswith(denied):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(function_owner, name, fake)


def test_unreadable_file(tmp_path, monkeypatch):
    write_project(tmp_path, {"a.md": front_matter(), "secret.md": front_matter(url="https://e.org/s")})
    _deny(monkeypatch, __import__("builtins"), "open", "secret.md")
    assert problems_of(tmp_path) == [
        "content/articles/secret.md: cannot read file: Permission denied; check that it exists and is readable"
    ]


def test_unreadable_folder(tmp_path, monkeypatch):
    write_project(tmp_path, {"a.md": front_matter(), "locked/b.md": front_matter(url="https://e.org/b")})
    _deny(monkeypatch, os, "scandir", "locked")
    assert problems_of(tmp_path) == ["content/articles/locked: cannot read folder: Permission denied; check its permissions"]


def test_unreadable_content_folder(tmp_path, monkeypatch):
    write_project(tmp_path, {"a.md": front_matter()})
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if os.fspath(path).endswith("content"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    assert problems_of(tmp_path) == ["content: cannot read: Permission denied; check its permissions"]


def test_file_names_that_are_not_text_are_shown_escaped(tmp_path):
    write_project(tmp_path, {"a.md": front_matter()})
    name = os.fsdecode(b"bad\xffname\n.md")
    (tmp_path / "content" / "articles" / name).write_text("no metadata\n")
    assert problems_of(tmp_path) == [
        "content/articles/bad\\xffname\\n.md: no metadata; add YAML front matter between '---' lines at the top, or a .yaml file of the same name"
    ]


def test_yaml_bombs_in_articles_and_topics(tmp_path):
    bomb = '---\na: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\n---\nBody.\n'
    write_project(tmp_path, {"a.md": bomb}, topics="- " * 10_000 + "x\n")
    assert problems_of(tmp_path) == [
        "content/articles/a.md:2: anchors (&a) are not allowed; write values out in full",
        "content/topics.yaml:1: nesting deeper than 32 levels",
    ]


def test_long_values_are_cut_short_in_messages(tmp_path):
    write_project(tmp_path, {"a.md": front_matter(title="9" * 5000)})
    assert problems_of(tmp_path) == ["content/articles/a.md:2: '" + "9" * 55 + "...' is not a valid int"]


def test_every_problem_in_one_run_exit_1_and_site_untouched(tmp_path, monkeypatch):
    project = write_project(tmp_path / "project", {
        "a.md": FIELDS_OF_EVERY_TYPE,
        "b.md": front_matter(url="javascript:alert(1)"),
        "c.md": b"\xff\xfe" + "text".encode("utf-16-le"),
        "d.md": '---\nx: &a 1\n---\nBody.\n',
        "e.md": "",
    }, config="timezone: Nowhere/Land\nsumary_sentences: 3\n")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old site\n")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 16 and lines[-1] == "Error: 14 problems found; nothing was written"
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "briefgen.yaml", "briefgen.yaml", *["content/articles/a.md"] * 9, "content/articles/b.md",
        "content/articles/c.md", "content/articles/d.md", "content/articles/e.md",
    ]
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
    assert (project / "site" / "index.html").read_text() == "old site\n"


@pytest.mark.parametrize("command", ["check", "build"])
def test_strict_turns_warnings_into_errors(tmp_path, monkeypatch, command):
    project = write_project(tmp_path / "project", {"a.md": front_matter(titel="x"), "notes.doc": "x"})
    monkeypatch.chdir(project)
    relaxed = CliRunner().invoke(main, [command, "-q"] if command == "build" else [command])
    assert relaxed.exit_code == 0
    site_before = sorted((p.as_posix(), p.stat().st_mtime_ns) for p in project.rglob("site/**/*"))
    strict = CliRunner().invoke(main, [command, "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr == (
        "content/articles/a.md:7: unknown key 'titel' is ignored; did you mean 'title'?\n"
        "content/articles/notes.doc: ignored: articles are .md or .txt files (metadata in .yaml)\n"
        "Error: 2 problems found; nothing was written\n"
    )
    assert sorted(p.name for p in project.iterdir()) == (["content"] if command == "check" else [".briefgen-cache", ".site.lock", "content", "site"])
    assert sorted((p.as_posix(), p.stat().st_mtime_ns) for p in project.rglob("site/**/*")) == site_before


DEEP_LIST = "\n".join("    " * depth + "1. x" for depth in range(300))  # the converter recursed past the limit


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_markdown_nested_too_deep_and_overlong_entities_stay_text(tmp_path, name):
    body = f"Residents met on Monday &#{'9' * 5000}; in the hall.\n\n{DEEP_LIST}\n"
    files = {name: front_matter(body)} if name.endswith(".md") else {name: body, "a.yaml": front_matter().split("---\n")[1]}
    write_project(tmp_path, files)
    (tmp_path / "content" / "notes").mkdir()
    (tmp_path / "content" / "notes" / "2024-03-05.md").write_text(f"Note &#x{'f' * 5000};\n\n{DEEP_LIST}\n")
    project = read(tmp_path)
    (article,) = project.articles
    assert article.blocks[0].text == "Residents met on Monday \ufffd in the hall."
    assert len(article.blocks) == 301
    assert project.notes[0].html.startswith("<p>Note \ufffd</p>\n<p>1. x\n    1. x\n")
