import json
import pytest
from click.testing import CliRunner

from briefgen import __version__
from briefgen.cli import main
from builders import REPO, front_matter, write_project


@pytest.fixture
def run(tmp_path, monkeypatch):
    def invoke(*args):
        monkeypatch.chdir(tmp_path / "project")
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.output == f"briefgen, version {__version__}\n"


def test_help_shows_examples():
    result = CliRunner().invoke(main, ["build", "--help"])
    assert result.exit_code == 0
    assert "briefgen build --output /tmp/preview -v" in result.output


def test_build_prints_one_summary_line(tmp_path, run):
    write_project(tmp_path / "project", {"a.md": front_matter("One sentence here about the budget. And another one follows.")})
    result = run("build")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Built 1 articles, 1 topics, 1 days: 4 pages in site/ (")


def test_bad_input_exit_status_and_exact_messages(tmp_path, run):
    project = write_project(tmp_path / "project", {"a.md": front_matter(url="ftp://x.org/a", topic="nope")})
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old site\n")
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == (
        "content/articles/a.md:3: url: 'ftp://x.org/a' is not a web address; use the article's full http:// or https:// URL\n"
        "content/articles/a.md:6: topic: unknown topic 'nope'; known: budget Topics are defined in content/topics.yaml\n"
        "Error: 2 problems found; nothing was written\n"
    )
    assert "Traceback" not in result.output
    assert (project / "site" / "index.html").read_text() == "old site\n"


def test_check_writes_nothing(tmp_path, run):
    write_project(tmp_path / "project", {"a.md": front_matter()})
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout == "OK: 1 articles, 1 topics, 1 days; 0 warnings\n"
    assert sorted(p.name for p in (tmp_path / "project").iterdir()) == ["content"]


def test_inspect_json_shape(tmp_path, run):
    body = "READ MORE: Something else entirely\n\nThe minister spoke. \"We will balance the books this year,\" she said."
    write_project(tmp_path / "project", {"a.md": front_matter(body)})
    result = run("inspect", "--json", "content/articles/a.md")
    data = json.loads(result.stdout)
    assert data["dropped"] == [{"text": "READ MORE: Something else entirely", "rule": "teaser", "line": 8}]
    assert data["sentences"] == ["The minister spoke.", "\"We will balance the books this year,\" she said."]
    assert [q["text"] for q in data["quotes"]] == ["We will balance the books this year,"]


def test_demo_project_builds_from_the_repository(tmp_path):
    result = CliRunner().invoke(main, ["build", "-q", "--config", str(REPO / "briefgen.yaml"),
                                       "--content", str(REPO / "content"), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output == ""
