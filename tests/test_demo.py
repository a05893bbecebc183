"""The committed site/ is the build of the committed content/; builds are deterministic.

To regenerate site/ after changing content/, templates/ or briefgen: run `briefgen build`
in the repository root and commit site/.
"""

import os
import subprocess
import sys

from builders import REPO


def build_demo(output, *extra):
    subprocess.run(
        [sys.executable, "-m", "briefgen", "build", "-q", "--output", str(output), *extra],
        cwd=REPO, check=True, env={**os.environ, "PYTHONHASHSEED": "random"},
    )


def files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_committed_site_is_the_build_of_committed_content(tmp_path):
    build_demo(tmp_path / "site")
    built, committed = files(tmp_path / "site"), files(REPO / "site")
    keep = {"CNAME"}
    assert sorted(built) == sorted(set(committed) - keep), "site/ is stale: run `briefgen build` and commit site/"
    for name, data in built.items():
        assert data == committed[name], f"site/{name} is stale: run `briefgen build` and commit site/"


def test_two_builds_are_byte_identical(tmp_path):
    build_demo(tmp_path / "one")
    build_demo(tmp_path / "two")
    assert files(tmp_path / "one") == files(tmp_path / "two")


def test_no_absolute_paths_or_clock_in_output(tmp_path):
    build_demo(tmp_path / "site")
    for name, data in files(tmp_path / "site").items():
        text = data.decode("utf-8")
        assert str(REPO) not in text and str(tmp_path) not in text, name
