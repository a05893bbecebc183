"""A build that finds its inputs and the site as the last build left them does nothing; any
change to an input or to the site is still seen, also one that leaves a file's stat alone."""

import os
import time

import pytest

from briefgen import snapshot
from briefgen.errors import InputError
from test_cache import cold, project, run_build, tree


def settled(root):
    """Wait until the files just written are older than the snapshot's racy window."""
    time.sleep(0.25)
    return root


def never_read(*args, **kwargs):
    raise AssertionError("the articles were read")


def test_a_build_with_nothing_changed_reads_nothing(tmp_path, monkeypatch):
    root = settled(project(tmp_path))
    first = run_build(root)
    settled(root)
    monkeypatch.setattr("briefgen.read.read_project", never_read)
    again = run_build(root)
    assert (again.articles, again.topics, again.days, again.pages) == (first.articles, first.topics, first.days, first.pages)
    assert (again.written.written, again.written.unchanged, again.written.removed) == (0, 15, 0)
    assert again.reused == {"articles": (8, 8), "topics": (4, 4), "pages": (11, 11)}


def test_any_change_to_an_input_or_to_the_site_means_a_real_build(tmp_path, monkeypatch):
    root = settled(project(tmp_path))
    run_build(root)
    article = root / "content/articles/2024-03-04/budget-herald.md"
    changes = [
        lambda: article.write_text(article.read_text().replace("1th", "2th")),  # same size
        lambda: (root / "content/articles/2024-03-04/budget-gazette.md").write_text(article.read_text().replace("herald", "gazette")),
        lambda: (root / "content/articles/2024-03-04/budget-gazette.md").unlink(),
        lambda: (root / "content/topics.yaml").write_text((root / "content/topics.yaml").read_text().replace("Budget", "City budget")),
        lambda: (root / "briefgen.yaml").write_text("summary_sentences: 1\n"),
        lambda: (root / "templates").mkdir() or (root / "templates/404.html").write_text("<p>Lost at sea</p>\n"),
        lambda: (root / "site/index.html").write_text("defaced"),
        lambda: (root / "site/feed.xml").unlink(),
    ]
    for change in changes:
        settled(root)
        change()
        settled(root)
        assert run_build(root).written.written > 0
        assert tree(root / "site") == cold(root)


def test_an_edit_that_keeps_size_and_modification_time_is_seen(tmp_path):
    root = settled(project(tmp_path))
    run_build(root)
    article = root / "content/articles/2024-03-04/budget-herald.md"
    before = article.stat()
    article.write_text(article.read_text().replace("1th", "2th"))
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or a careless tool leaves it
    settled(root)
    assert run_build(root).reused["topics"] == (3, 4)
    assert tree(root / "site") == cold(root)


def test_files_changed_within_the_timestamp_granularity_are_read_again(tmp_path, monkeypatch):
    """On a file system that stamps whole seconds, an edit in the second of the build leaves
    the stat as it was: such files are not trusted on their stat. Here every file claims to
    have changed in a second that has not ended yet, so the edits below leave no trace."""
    second = (time.time_ns() // 1_000_000_000 + 3600) * 1_000_000_000

    def coarse(path):
        stat = os.stat(path) if os.path.exists(path) else None
        return stat and (stat.st_size, second, second, stat.st_ino, stat.st_dev)

    monkeypatch.setattr(snapshot, "signature", coarse)
    root = project(tmp_path)
    run_build(root)
    article = root / "content/articles/2024-03-04/budget-herald.md"
    article.write_text(article.read_text().replace("1th", "2th"))
    assert run_build(root).reused["topics"] == (3, 4)
    (root / "site/index.html").write_text("x" * (root / "site/index.html").stat().st_size)
    run_build(root)
    assert tree(root / "site") == cold(root)


def test_warnings_are_told_again_and_strict_still_fails(tmp_path):
    root = project(tmp_path)
    (root / "content/articles/notes.docx").write_text("not an article")
    settled(root)
    first = run_build(root)
    settled(root)
    again = run_build(root)
    assert [str(p) for p in again.warnings] == [str(p) for p in first.warnings] == [
        "content/articles/notes.docx: warning: ignored: articles are .md or .txt files (metadata in .yaml)"
    ]
    with pytest.raises(InputError):
        run_build(root, strict=True)


def test_a_snapshot_that_cannot_be_read_is_no_snapshot(tmp_path):
    root = settled(project(tmp_path))
    run_build(root)
    (root / ".briefgen-cache" / snapshot.NAME).write_bytes(b"\x80\x05garbage")
    (root / "site/index.html").write_text("defaced")
    settled(root)
    assert run_build(root).written.written == 1
    assert tree(root / "site") == cold(root)
