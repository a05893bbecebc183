import json
import subprocess
import sys

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
    assert result.stdout.startswith("Built 1 articles, 1 topics, 1 days: 6 pages in site/ (")


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
    assert [q["text"] for q in data["quotes"]] == ["We will balance the books this year"]


WEB_COPY = """Bridge shut as engineers find rusted cables

Dr. Helena Voss (left) and Mayor Daniel Okonkwo (right).
  • Port Alder closed its bridge after finding corroded wire.

The bridge closed on Wednesday. "We opened it expecting rust. We found worse," Voss said.

READ MORE: Seagull gang steals pasties

Source: Read Full Article"""


def test_inspect_shows_dropped_lines_numbered_sentences_and_quotes(tmp_path, run):
    write_project(tmp_path / "project", {"a.txt": front_matter(WEB_COPY, title="Bridge shut as engineers find rusted cables", author="Mara Quinlan")})
    result = run("inspect", "content/articles/a.txt")
    assert result.exit_code == 0
    assert result.stdout == (
        "content/articles/a.txt: Bridge shut as engineers find rusted cables (The Example, en)\n"
        "\n"
        "Dropped lines (4): to keep one, add a keep_lines pattern to briefgen.yaml\n"
        "  line 9    repeated-title       Bridge shut as engineers find rusted cables\n"
        "  line 11   caption-positions    Dr. Helena Voss (left) and Mayor Daniel Okonkwo (right).\n"
        "  line 16   teaser               READ MORE: Seagull gang steals pasties\n"
        "  line 18   source-footer        Source: Read Full Article\n"
        "\n"
        "Sentences (3; - marks a list item, which summaries leave out)\n"
        "    1. - line 12   Port Alder closed its bridge after finding corroded wire.\n"
        "    2.   line 14   The bridge closed on Wednesday.\n"
        '    3.   line 14   "We opened it expecting rust. We found worse," Voss said.\n'
        "\n"
        "Quotes (1)\n"
        "    1. “We opened it expecting rust. We found worse” — Voss\n"
    )


def test_inspect_json_keeps_its_keys(tmp_path, run):
    write_project(tmp_path / "project", {"a.txt": front_matter(WEB_COPY)})
    data = json.loads(run("inspect", "--json", "content/articles/a.txt").stdout)
    assert {"dropped", "sentences", "quotes"} <= set(data)
    assert [d["rule"] for d in data["dropped"]] == ["headline", "caption-positions", "teaser", "source-footer"]
    assert data["sentences"][1:] == ["The bridge closed on Wednesday.", '"We opened it expecting rust. We found worse," Voss said.']
    assert [(q["text"], q["speaker"]) for q in data["quotes"]] == [("We opened it expecting rust. We found worse", "Voss")]


def test_inspect_of_a_missing_file_is_a_clear_error(tmp_path, run):
    write_project(tmp_path / "project", {"a.txt": front_matter()})
    result = run("inspect", "content/articles/nope.txt")
    assert result.exit_code == 1
    assert "content/articles/nope.txt" in result.stderr and "Traceback" not in result.output


def test_build_verbose_lists_dropped_lines_with_their_rule(tmp_path, run):
    write_project(tmp_path / "project", {"a.txt": front_matter(WEB_COPY)}, config="drop_lines: ['^The bridge closed']\n")
    result = run("build", "-v")
    assert result.exit_code == 0
    dropped = [line for line in result.stderr.splitlines() if "dropped" in line]
    assert dropped == [
        "content/articles/a.txt:8: dropped by headline: Bridge shut as engineers find rusted cables",
        "content/articles/a.txt:10: dropped by caption-positions: Dr. Helena Voss (left) and Mayor Daniel Okonkwo (right).",
        'content/articles/a.txt:13: dropped by drop_lines[0]: The bridge closed on Wednesday. "We opened it expecting rust. We found worse," Voss said.',
        "content/articles/a.txt:15: dropped by teaser: READ MORE: Seagull gang steals pasties",
        "content/articles/a.txt:17: dropped by source-footer: Source: Read Full Article",
        "dropped 5 lines: caption-positions 1, drop_lines[0] 1, headline 1, source-footer 1, teaser 1 (keep_lines in briefgen.yaml keeps a line)",
    ]


def test_demo_project_builds_from_the_repository(tmp_path):
    result = CliRunner().invoke(main, ["build", "-q", "--config", str(REPO / "briefgen.yaml"),
                                       "--content", str(REPO / "content"), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_the_program_exits_with_the_commands_status_and_all_its_output(tmp_path):
    """`python -m briefgen` ends without Python's teardown: its output and exit status must
    still be whole."""
    project = write_project(tmp_path / "project", {"a.md": front_matter("One sentence here about the budget. And another one follows.")})
    built = subprocess.run([sys.executable, "-m", "briefgen", "build"], cwd=project, capture_output=True, text=True)
    assert (built.returncode, built.stdout.startswith("Built 1 articles"), built.stdout.endswith("s\n")) == (0, True, True)
    assert (project / "site" / "index.html").is_file()
    (project / "briefgen.yaml").write_text("summary_sentences: 0\n")
    failed = subprocess.run([sys.executable, "-m", "briefgen", "build"], cwd=project, capture_output=True, text=True)
    assert (failed.returncode, failed.stdout) == (1, "")
    assert failed.stderr.splitlines()[0] == "briefgen.yaml:1: summary_sentences: must be a whole number from 1 to 50"
    assert subprocess.run([sys.executable, "-m", "briefgen", "nonsense"], capture_output=True).returncode == 2
