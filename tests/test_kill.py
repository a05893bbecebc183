"""Nothing lost: killed builds, two builds at once, a full disk or a refused write leave site/
as the complete old site or the complete new one, never a mix.

The kill test runs `briefgen build` in a subprocess and SIGKILLs it at moments drawn from a
seeded random generator: half measured from the start of the process (any stage), half from
the moment the new site starts being assembled beside site/ (the write stage). The builds use
the build cache, as editors do, so the last check (a build after all the kills gives exactly
the reference site) also shows a killed build never leaves the cache wrong. Set
BRIEFGEN_KILLS to run more than the default 50.
"""

import errno
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.errors import BriefgenError
from briefgen.write import MANIFEST, _lock, write_site
from builders import many_articles, nested_folders, write_project

KILLS = int(os.environ.get("BRIEFGEN_KILLS", "50"))
SEED = 20261119


def snapshot(folder: Path):
    """Every file of a folder with its bytes; None when the folder does not exist."""
    if not folder.exists():
        return None
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if re.match(r"\.site\.(new|old)-", p.name))


def build_command(content: Path, output: Path, *extra) -> list[str]:
    return [sys.executable, "-m", "briefgen", "build", "-q", "--content", str(content), "--output", str(output), *extra]


def make_contents(tmp_path: Path) -> dict[str, Path]:
    """Two versions of one project whose sites differ in almost every page."""
    contents = {}
    for name, seed in (("a", 0), ("b", 1)):
        files, topics = many_articles(60, days=40, topics=4, seed=seed)
        contents[name] = write_project(tmp_path / name, files, topics=topics) / "content"
    return contents


def reference_sites(tmp_path: Path, contents: dict[str, Path]) -> dict[str, tuple[dict, float, float]]:
    """{name: (files, seconds for the whole build, seconds of its write stage)}, each timed
    as in the kill test: replacing the other's site, with the build cache warm."""
    references = {}
    for name in ("a", "b", "a", "b"):
        started = time.perf_counter()
        run = subprocess.run(build_command(contents[name], tmp_path / "ref", "-v"), cwd=tmp_path, capture_output=True, text=True, check=True)
        total = time.perf_counter() - started
        write = float(re.search(r"write ([\d.]+)s", run.stderr).group(1))
        references[name] = (snapshot(tmp_path / "ref"), total, write)
    return references


def kill_at(command: list[str], cwd: Path, delay: float, after_staging: bool) -> bool:
    """Start a build and SIGKILL it `delay` seconds after it starts or starts writing; True if killed."""
    earlier = set(leftovers(cwd))
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if after_staging:
        while process.poll() is None and not set(leftovers(cwd)) - earlier:
            time.sleep(0.001)
    time.sleep(delay)
    killed = process.poll() is None
    process.kill()
    process.wait()
    return killed


def test_killed_builds_leave_the_old_or_the_new_site(tmp_path):
    contents = make_contents(tmp_path)
    references = reference_sites(tmp_path, contents)
    sites = {name: ref[0] for name, ref in references.items()}
    assert sites["a"] != sites["b"]
    rng = random.Random(SEED)
    site, current = tmp_path / "site", None
    outcomes = {"old": 0, "new": 0, "none yet": 0, "mid-write": 0, "finished first": 0}
    for number in range(KILLS):
        target = "b" if current == "a" else "a"
        _, total, write = references[target]
        after_staging = number % 2 == 1
        delay = rng.uniform(0, write * 1.5) if after_staging else rng.uniform(0, total * 1.1)
        before = leftovers(tmp_path)
        killed = kill_at(build_command(contents[target], site), tmp_path, delay, after_staging)
        outcomes["finished first"] += not killed
        outcomes["mid-write"] += bool(set(leftovers(tmp_path)) - set(before))
        state = snapshot(site)
        if state is None:
            assert current is None, f"kill {number}: site/ disappeared"
            outcomes["none yet"] += 1
            continue
        assert state in (sites[target], sites.get(current)), f"kill {number} (delay {delay:.3f}s): site/ is a mix of two builds"
        outcomes["new" if state == sites[target] else "old"] += 1
        current = target if state == sites[target] else current
    print(f"\n{KILLS} kills: {outcomes}")
    assert outcomes["mid-write"] >= KILLS // 5, f"too few kills landed while the site was being written: {outcomes}"

    target = "b" if current == "a" else "a"
    subprocess.run(build_command(contents[target], site), cwd=tmp_path, check=True)
    assert snapshot(site) == sites[target]
    assert leftovers(tmp_path) == []


def test_the_next_build_finishes_an_interrupted_swap(tmp_path):
    """Killed between the two renames of the fallback swap: the old site is only at .site.old-*."""
    write_site({"index.html": b"old\n"}, tmp_path / "site")
    os.rename(tmp_path / "site", tmp_path / ".site.old-123")
    (tmp_path / ".site.new-abc").mkdir()
    (tmp_path / ".site.new-abc" / "index.html").write_bytes(b"half")
    result = write_site({"index.html": b"old\n", "new.html": b"new\n"}, tmp_path / "site")
    assert snapshot(tmp_path / "site") == {"index.html": b"old\n", "new.html": b"new\n", MANIFEST: b".briefgen-manifest\nindex.html\nnew.html\n"}
    assert (result.written, result.unchanged) == (1, 1)
    assert leftovers(tmp_path) == []


def test_a_second_build_at_the_same_time_gets_a_clear_message(tmp_path, monkeypatch):
    project = write_project(tmp_path / "project", *many_articles(3, days=1, topics=1))
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["build", "-q"]).exit_code == 0
    before = snapshot(project / "site")
    with _lock(project / "site"):  # what a running build holds while it writes
        result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: another briefgen build is writing to {project / 'site'}; wait for it to finish and run again\n"
    assert snapshot(project / "site") == before


def test_two_builds_started_at_once_leave_one_complete_site(tmp_path):
    contents = make_contents(tmp_path)
    sites = {name: reference[0] for name, reference in reference_sites(tmp_path, contents).items()}
    for _ in range(3):
        first, second = (subprocess.Popen(build_command(contents[name], tmp_path / "site"), cwd=tmp_path,
                                          stderr=subprocess.PIPE, text=True) for name in ("a", "b"))
        results = [(p.wait(), p.stderr.read()) for p in (first, second)]
        for code, stderr in results:
            assert code == 0 or (code == 1 and "another briefgen build is writing to" in stderr), stderr
        assert snapshot(tmp_path / "site") in (sites["a"], sites["b"])
        assert leftovers(tmp_path) == []


@pytest.mark.parametrize("code, message", [
    (errno.ENOSPC, "the disk is full (writing {where}); free some space and build again"),
    (errno.EACCES, "permission denied for {where}; check that you can write to {parent}"),
    (errno.EIO, "Input/output error ({where})"),
])
def test_a_failing_write_leaves_the_old_site_and_says_why(tmp_path, monkeypatch, code, message):
    out = tmp_path / "site"
    write_site({"index.html": b"old\n", "a/b.html": b"old b\n"}, out)
    before = snapshot(out)
    calls = []

    def fail_on_second_file(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(code, os.strerror(code), str(path))
        Path(path).write_bytes(data)

    monkeypatch.setattr("briefgen.write._write_file", fail_on_second_file)
    with pytest.raises(BriefgenError) as caught:
        write_site({"index.html": b"new\n", "a/b.html": b"new b\n", "c.html": b"c\n"}, out)
    expected = message.format(where=calls[1], parent=tmp_path)
    assert str(caught.value) == f"could not write the site: {expected}. site/ was left as it was"
    assert snapshot(out) == before
    assert leftovers(tmp_path) == []


def test_a_refused_swap_leaves_the_old_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    write_site({"index.html": b"old\n"}, out)
    before = snapshot(out)

    def refuse(*args):
        raise OSError(errno.EACCES, "Permission denied", str(out))

    monkeypatch.setattr("briefgen.write._exchange", refuse)
    with pytest.raises(BriefgenError, match=f"permission denied for {out}; check that you can write to {tmp_path}"):
        write_site({"index.html": b"new\n"}, out)
    assert snapshot(out) == before
    assert leftovers(tmp_path) == []


def test_the_fallback_swap_puts_the_old_site_back_if_the_second_rename_fails(tmp_path, monkeypatch):
    out = tmp_path / "site"
    write_site({"index.html": b"old\n"}, out)
    before = snapshot(out)
    monkeypatch.setattr("briefgen.write._exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(source, target):
        if ".site.new-" in str(source):
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(source))
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(BriefgenError, match="Invalid cross-device link"):
        write_site({"index.html": b"new\n"}, out)
    assert snapshot(out) == before


def _tiny_disk(folder: Path, size: str) -> bool:
    folder.mkdir()
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True).returncode == 0


def test_a_real_full_disk_leaves_the_old_site(tmp_path):
    disk = tmp_path / "disk"
    if not _tiny_disk(disk, "256k"):
        pytest.skip("needs root and permission to mount a tmpfs; the monkeypatched test above covers the logic")
    try:
        out = disk / "site"
        write_site({"index.html": b"old\n"}, out)
        with pytest.raises(BriefgenError, match=r"could not write the site: the disk is full .*site/ was left as it was"):
            write_site({f"page{n}.html": os.urandom(64 * 1024) for n in range(8)}, out)
        assert snapshot(out) == {"index.html": b"old\n", MANIFEST: b".briefgen-manifest\nindex.html\n"}
        assert leftovers(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_files_deep_in_the_site_that_briefgen_did_not_make_are_kept(tmp_path):
    out = tmp_path / "site"
    write_site({"index.html": b"1\n"}, out)
    os.mkdir(out / ".well-known")
    with nested_folders(out / ".well-known", 1500) as deepest:
        (deepest / "keep.txt").write_text("kept\n")
        assert write_site({"index.html": b"2\n"}, out).kept == 1
        assert (deepest / "keep.txt").read_text() == "kept\n"
        write_site({"index.html": b"3\n"}, out)  # the old site, deep folder and all, is deleted
        assert leftovers(tmp_path) == []


def test_output_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "site").write_text("not a folder\n")
    with pytest.raises(BriefgenError, match="site is a file, not a folder; choose another --output"):
        write_site({"index.html": b"x\n"}, tmp_path / "site")
    assert (tmp_path / "site").read_text() == "not a folder\n"


def test_output_that_is_a_link_keeps_the_link(tmp_path):
    (tmp_path / "real").mkdir()
    os.symlink("real", tmp_path / "site")
    write_site({"index.html": b"1\n"}, tmp_path / "site")
    write_site({"index.html": b"2\n"}, tmp_path / "site")
    assert os.readlink(tmp_path / "site") == "real"
    assert (tmp_path / "real" / "index.html").read_bytes() == b"2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".real.lock", "real", "site"]
