"""Themes: the README's template reference stays true, and a project overrides the theme file by file."""

import re

from jinja2 import meta

from briefgen.render import default_theme, environment
from builders import REPO
from sites import build_site

THEMES = (REPO / "README.md").read_text().split("\n## Themes\n", 1)[1].split("\n## ", 1)[0]


def readme_rows(first_column: str) -> dict[str, list[str]]:
    """The README table whose header starts with `first_column`: {name: [other cells]}."""
    table = THEMES.split(f"| {first_column} |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0].strip("`")] = cells[1:]
    return rows


def names(cell: str) -> list[str]:
    return re.findall(r"`(\w+)`", cell)


def test_every_template_is_documented_with_its_blocks_and_variables():
    env = environment()
    documented = readme_rows("template")
    theme = sorted(p.relative_to(default_theme()).as_posix() for p in default_theme().rglob("*") if p.is_file())
    assert sorted(documented) == theme
    for name, (_, blocks, variables) in documented.items():
        if name.startswith("assets/"):
            continue
        source = env.loader.get_source(env, name)[0]
        assert names(blocks) == re.findall(r"{%-?\s*block\s+(\w+)", source), name
        used = meta.find_undeclared_variables(env.parse(source)) - set(env.globals)
        assert sorted(names(variables)) == sorted(used), name


def test_every_variable_is_explained():
    explained = {name for row in readme_rows("variable") for name in re.findall(r"\w+", row)}
    used = {name for _, _, variables in readme_rows("template").values() for name in names(variables)}
    assert explained == used


def test_every_filter_and_function_is_documented():
    env = environment()
    added = set(env.filters) - set(type(env)().filters)
    for name in added | set(env.globals) - {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "generator"}:
        assert f"`{name}" in THEMES, name


def test_a_project_partial_replaces_the_default_one(tmp_path):
    templates = tmp_path / "templates"
    (templates / "partials").mkdir(parents=True)
    (templates / "partials" / "footer.html").write_text('<footer class="mine">Edited in {{ site.title }}.</footer>\n')
    (templates / "assets").mkdir()
    (templates / "assets" / "extra.css").write_text("p { margin: 0; }\n")
    site = build_site(REPO, tmp_path / "site", templates=templates)
    page = (site / "2026/11/19/index.html").read_text()
    assert '<footer class="mine">Edited in The Alder Morning Briefing.</footer>\n</body>' in page
    assert '<header class="masthead">' in page
    assert (site / "assets/extra.css").read_text() == "p { margin: 0; }\n"
    assert (site / "assets/briefgen.css").read_bytes() == (default_theme() / "assets/briefgen.css").read_bytes()


def test_a_project_template_can_extend_the_default_one(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.html").write_text(
        '{% extends "default/briefing.html" %}\n'
        "{% block briefing_header %}<h1>Morning, {{ briefing.day|longdate }}</h1>\n{% endblock %}\n"
    )
    (templates / "base.html").write_text(
        '{% extends "default/base.html" %}\n{% block head %}<meta name="theme-color" content="#000">\n{% endblock %}\n'
    )
    site = build_site(REPO, tmp_path / "site", templates=templates)
    page = (site / "2026/11/19/index.html").read_text()
    assert "<h1>Morning, Thursday 19 November 2026</h1>" in page
    assert '<meta name="theme-color" content="#000">' in page
    assert '<section class="topic" id="topic-harbour-bridge">' in page
    assert '<meta name="theme-color" content="#000">' in (site / "archive/index.html").read_text()


def test_a_broken_project_template_is_an_error_with_its_line_not_a_traceback(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from briefgen.cli import main

    project = tmp_path / "project"
    (project / "templates" / "partials").mkdir(parents=True)
    monkeypatch.chdir(project)
    runner = CliRunner()
    args = ["build", "--config", str(REPO / "briefgen.yaml"), "--content", str(REPO / "content")]
    assert runner.invoke(main, args).exit_code == 0
    before = (project / "site" / "index.html").read_bytes()
    for text, message in [
        ("<p>\n{{ nothere.x }}</p>\n", "templates/partials/footer.html:2: template error: 'nothere' is undefined"),
        ("{% if %}\n", "templates/partials/footer.html:1: template error: Expected an expression"),
        ('{% include "partials/nope.html" %}\n', "template error: no template named 'partials/nope.html'"),
    ]:
        (project / "templates" / "partials" / "footer.html").write_text(text)
        result = runner.invoke(main, args)
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert message in result.stderr
        assert (project / "site" / "index.html").read_bytes() == before
