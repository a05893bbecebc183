"""Work spread over processes gives exactly what one process gives; progress and timing output."""

import pytest
from click.testing import CliRunner

from bench.corpus import make_corpus
from briefgen.cli import main
from briefgen.errors import BriefgenError, InputError
from test_cache import cold, project, run_build, tree


def test_jobs_do_not_change_the_output(tmp_path):
    root = project(tmp_path)
    one = run_build(root, "one", jobs=1, cache=False)
    two = run_build(root, "two", jobs=2, cache=False)
    assert tree(root / "one") == tree(root / "two")
    assert (one.articles, one.topics, one.days, one.pages) == (two.articles, two.topics, two.days, two.pages) == (8, 2, 2, 8)


def test_new_articles_read_by_workers_give_what_one_process_gives(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.setattr("briefgen.build.IN_PROCESS", 1)  # workers read even a few new articles
    report = run_build(root, "two", jobs=2)
    assert report.reused == {"articles": (0, 8), "topics": (0, 4), "pages": (0, 11)}
    assert tree(root / "two") == cold(root)
    broken = root / "content/articles/2024-03-05/budget-herald.md"
    broken.write_text(broken.read_text().split("\n---\n")[0] + "\n---\n")
    problems = []
    for jobs in (2, 1):
        with pytest.raises(InputError) as raised:
            run_build(root, "three", jobs=jobs, cache=False)
        problems.append([str(p) for p in raised.value.problems])
    assert problems[0] == problems[1] == [
        "content/articles/2024-03-05/budget-herald.md: the article has no text; paste the article body below its metadata",
    ]


def test_parallel_workers_fill_the_cache_the_serial_build_reuses(tmp_path):
    root = project(tmp_path)
    run_build(root, "two", jobs=2)
    report = run_build(root, "one", jobs=1)
    assert report.reused == {"articles": (8, 8), "topics": (4, 4), "pages": (11, 11)}
    assert tree(root / "one") == cold(root)


def test_texts_for_verbose_output_come_in_article_order(tmp_path):
    root = project(tmp_path)
    run_build(root)
    report = run_build(root, texts=True, jobs=2)
    assert [t.article.path for t in report.texts] == sorted(str(p.relative_to(root)) for p in (root / "content/articles").rglob("*.md"))
    assert {d.rule for t in report.texts for d in t.dropped} == {"teaser"}


def test_progress_is_told_each_finished_unit(tmp_path):
    root = project(tmp_path)
    seen = []

    def progress(total):
        seen.append(("total", total))
        return seen.append

    run_build(root, jobs=2, progress=progress)
    assert seen == [("total", 4), 1, 2, 3, 4]


def test_the_command_line_is_quiet_without_a_terminal_and_times_stages_with_v(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    quiet = CliRunner().invoke(main, ["build", "-q", "--jobs", "2"])
    assert (quiet.exit_code, quiet.output) == (0, "")
    verbose = CliRunner().invoke(main, ["build", "-v"])
    lines = verbose.stderr.splitlines()
    assert lines[-2].startswith("time per stage: read ")
    assert [part.split()[0] for part in lines[-2].removeprefix("time per stage: ").split(", ")] == ["read", "analyse", "group", "summarise", "render", "write"]
    assert lines[-1] == "reused from .briefgen-cache/: 8 of 8 articles, 4 of 4 topics, 11 of 11 pages"
    assert "Summarising" not in verbose.output


def test_the_benchmark_corpus_is_the_same_every_run(tmp_path):
    make_corpus(tmp_path / "a", articles=30, days=3)
    make_corpus(tmp_path / "b", articles=30, days=3)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    articles = [p for p in (tmp_path / "a/content/articles").rglob("*") if p.suffix in (".md", ".txt")]
    assert len(articles) == 30
    assert all(400 <= len(p.read_text().split("---\n")[-1].split()) <= 1300 for p in articles)


def test_the_summariser_started_early_gives_what_one_process_gives(tmp_path, monkeypatch):
    import briefgen.build

    root = project(tmp_path)
    run_build(root, jobs=2)
    edited = root / "content/articles/2024-03-05/budget-herald.md"
    edited.write_text(edited.read_text() + "\nThe council said the vote would now be held on Friday.\n")
    used = []
    monkeypatch.setattr(briefgen.build.Summariser, "submit", lambda self, work: used.append(work[0].id) or self.pool.apply_async(briefgen.build._summarised, work))
    report = run_build(root, jobs=2)
    assert used == ["budget"] and report.reused["topics"] == (3, 4)
    assert tree(root / "site") == cold(root)
    monkeypatch.setattr(briefgen.build, "FEW_UNITS", 0)
    edited.write_text(edited.read_text() + "\nThe mayor said she would vote against it.\n")
    run_build(root, jobs=2)
    assert used == ["budget"] and tree(root / "site") == cold(root)


def test_pages_rendered_by_workers_give_what_one_process_gives_and_fill_the_cache(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.setattr("briefgen.build.FEW_PAGES", 1)  # workers render even a few pages
    first = run_build(root, "two", jobs=2)
    assert tree(root / "two") == cold(root)
    assert first.reused["pages"] == (0, 11)
    again = run_build(root, "again", jobs=2)  # the workers' pages were kept, not swept
    assert again.reused["pages"] == (11, 11) and tree(root / "again") == tree(root / "two")


def test_a_template_error_in_a_worker_is_reported_with_its_line(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    monkeypatch.setattr("briefgen.build.FEW_PAGES", 1)
    (root / "templates/partials").mkdir(parents=True)
    (root / "templates/partials/footer.html").write_text("<p>\n{{ nothere.x }}</p>\n")
    with pytest.raises(BriefgenError) as raised:
        run_build(root, jobs=2, cache=False)
    assert str(raised.value) == "templates/partials/footer.html:2: template error: 'nothere' is undefined; fix the template, or delete your copy to use the default theme"
