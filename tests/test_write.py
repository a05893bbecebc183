import os

import pytest

from briefgen.errors import BriefgenError
from briefgen.write import MANIFEST, site_path, write_site


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_writes_files_and_a_manifest(tmp_path):
    out = tmp_path / "site"
    result = write_site({"index.html": b"hi\n", "a/b/c.html": b"c\n"}, out)
    assert tree(out) == {"index.html": b"hi\n", "a/b/c.html": b"c\n", MANIFEST: b".briefgen-manifest\na/b/c.html\nindex.html\n"}
    assert (result.written, result.unchanged, result.removed) == (2, 0, 0)


def test_unchanged_files_keep_their_mtime_and_removed_pages_go(tmp_path):
    out = tmp_path / "site"
    write_site({"keep.html": b"same\n", "old.html": b"old\n"}, out)
    os.utime(out / "keep.html", (1_000_000, 1_000_000))
    result = write_site({"keep.html": b"same\n", "new.html": b"new\n"}, out)
    assert (out / "keep.html").stat().st_mtime == 1_000_000
    assert not (out / "old.html").exists()
    assert (result.written, result.unchanged, result.removed) == (1, 1, 1)


def test_files_briefgen_did_not_make_are_kept(tmp_path):
    out = tmp_path / "site"
    write_site({"index.html": b"1\n"}, out)
    (out / "CNAME").write_text("briefing.example.org\n")
    (out / ".well-known").mkdir()
    (out / ".well-known" / "security.txt").write_text("x\n")
    write_site({"index.html": b"2\n"}, out)
    assert (out / "CNAME").read_text() == "briefing.example.org\n"
    assert (out / ".well-known" / "security.txt").exists()


def test_refuses_a_foreign_folder(tmp_path):
    out = tmp_path / "project"
    (out / "src").mkdir(parents=True)
    with pytest.raises(BriefgenError, match="was not made by briefgen"):
        write_site({"index.html": b"x\n"}, out)
    assert (out / "src").is_dir()


def test_no_staging_folders_are_left_behind(tmp_path):
    out = tmp_path / "site"
    write_site({"index.html": b"1\n"}, out)
    write_site({"index.html": b"2\n"}, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_a_write_error_leaves_the_old_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    write_site({"index.html": b"old\n"}, out)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device", "index.html")

    monkeypatch.setattr("briefgen.write._write_file", disk_full)
    with pytest.raises(BriefgenError, match="could not write the site: the disk is full"):
        write_site({"index.html": b"new\n"}, out)
    assert (out / "index.html").read_bytes() == b"old\n"


@pytest.mark.parametrize("bad", ["../x", "/etc/passwd", "a/../../x", "a\\..\\x", "a\x00b", ""])
def test_paths_cannot_leave_the_output(tmp_path, bad):
    with pytest.raises(ValueError):
        site_path(tmp_path, bad)
