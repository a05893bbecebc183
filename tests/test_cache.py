"""The build cache makes builds faster, never different; it redoes only the work that changed."""

import shutil

from click.testing import CliRunner

from briefgen.build import BuildOptions, build
from briefgen.cache import CACHE_DIR, Store
from briefgen.cli import main
from builders import REPO, front_matter, write_project

TOPICS = "- id: budget\n  title: Budget\n- id: bridge\n  title: Harbour Bridge\n"


def story(day: int, topic: str, outlet: str, n: int) -> str:
    body = (
        f"Ministers in Port Alder met on day {day} to discuss the {topic} for the {n}th time this year. "
        f"The council said the {topic} plan would be published in full next week.\n\n"
        f"\"We will not cut a single school place to pay for the {topic},\" said Mara Quinlan, the finance minister.\n\n"
        "READ MORE: Seagull steals pasty from seafront bakery\n\n"
        f"Critics say the {topic} decision was rushed and want the assembly to vote on it before the summer."
    )
    return front_matter(
        body, title=f"The {topic} on day {day} from {outlet}", url=f"https://{outlet}.example/{day}/{topic}/{n}",
        outlet=outlet.title(), published=f"2024-03-0{day}T0{n}:30:00+00:00", topic=topic,
    )


def project(root):
    files = {
        f"2024-03-0{day}/{topic}-{outlet}.md": story(day, topic, outlet, n)
        for day in (4, 5) for topic in ("budget", "bridge") for n, outlet in enumerate(("herald", "courier"), 1)
    }
    return write_project(root, files, topics=TOPICS)


def run_build(root, output="site", texts=False, progress=None, **options):
    options = BuildOptions(root, root / "briefgen.yaml", root / "content", root / output, root / "templates", **options)
    return build(options, texts=texts, progress=progress)


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cold(root, output="cold"):
    run_build(root, output, cache=False)
    return tree(root / output)


def test_a_cached_build_is_byte_identical_to_a_cold_one(tmp_path):
    root = project(tmp_path)
    first = run_build(root)
    second = run_build(root, "again")
    assert first.reused == {"articles": (0, 8), "topics": (0, 4), "pages": (0, 11)}
    assert second.reused == {"articles": (8, 8), "topics": (4, 4), "pages": (11, 11)}  # the feeds whole
    assert tree(root / "again") == tree(root / "site") == cold(root)


def test_damaged_cache_files_are_misses_not_errors(tmp_path):
    root = project(tmp_path)
    run_build(root)
    cache_files = sorted(p for p in (root / CACHE_DIR).rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG")
    assert {p.relative_to(root / CACHE_DIR).parts[0] for p in cache_files} == {"read", "topics", "snapshot.pickle", "analysis", "pages", "templates"}
    for number, path in enumerate(cache_files):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if number % 2 else b"\x80\x05garbage")
    report = run_build(root, "after-damage", jobs=1)
    assert report.reused == {"articles": (0, 8), "topics": (0, 4), "pages": (0, 11)}
    assert tree(root / "after-damage") == cold(root)


def test_a_missing_analysis_is_made_again(tmp_path):
    root = project(tmp_path)
    run_build(root)
    shutil.rmtree(root / CACHE_DIR / "topics")
    shutil.rmtree(root / CACHE_DIR / "analysis")
    report = run_build(root, "again", jobs=1)
    assert report.reused["topics"] == (0, 4)
    assert tree(root / "again") == cold(root)


def test_one_edited_article_reruns_one_topic_and_rewrites_its_pages(tmp_path):
    root = project(tmp_path)
    run_build(root)
    before = tree(root / "site")
    edited = root / "content/articles/2024-03-04/budget-herald.md"
    edited.write_text(edited.read_text().replace("for the 1th time", "for the first time"))
    report = run_build(root)
    after = tree(root / "site")
    assert report.reused == {"articles": (7, 8), "topics": (3, 4), "pages": (3, 11)}  # + neighbour days, archive, sources, feeds
    assert sorted(name for name in after if after[name] != before.get(name)) == [
        "2024/03/04/briefing.json", "2024/03/04/index.html", "feed.json", "feed.xml", "topics/budget/index.html"
    ]
    assert (report.written.written, report.written.removed) == (5, 0)
    assert after == cold(root)


def test_an_edit_rewrites_only_the_cache_files_of_what_it_changed(tmp_path):
    root = project(tmp_path)
    run_build(root)
    files = lambda kind: {p.name: p.stat().st_ino for p in (root / CACHE_DIR / kind).rglob("*") if p.is_file()}  # noqa: E731
    shards, analyses = files("read"), files("analysis")
    edited = root / "content/articles/2024-03-04/budget-herald.md"
    edited.write_text(edited.read_text().replace("for the 1th time", "for the first time"))
    run_build(root)
    assert len([name for name, inode in files("read").items() if shards.get(name) != inode]) in (1, 2)  # the old key's shard, the new one's
    assert len(set(analyses) - set(files("analysis"))) == len(set(files("analysis")) - set(analyses)) == 1  # the edited article's


def test_an_edit_that_changes_no_summary_renders_no_page_again(tmp_path):
    root = project(tmp_path)
    run_build(root)
    edited = root / "content/articles/2024-03-04/budget-herald.md"
    edited.write_text(edited.read_text() + "\nREAD MORE: Ferry timetable changes for the winter\n")
    report = run_build(root)
    assert report.reused == {"articles": (7, 8), "topics": (3, 4), "pages": (11, 11)}
    assert (report.written.written, report.written.unchanged) == (0, 15)
    assert tree(root / "site") == cold(root)


def test_removed_articles_remove_their_pages(tmp_path):
    root = project(tmp_path)
    run_build(root)
    for path in (root / "content/articles").rglob("bridge-*.md"):
        path.unlink()
    report = run_build(root)
    assert not (root / "site/topics/bridge").exists()
    assert report.written.removed == 1
    assert tree(root / "site") == cold(root)


def test_config_and_template_changes_are_seen(tmp_path):
    root = project(tmp_path)
    run_build(root)
    (root / "briefgen.yaml").write_text("summary_sentences: 1\n")
    assert run_build(root).reused["topics"] == (0, 4)
    assert tree(root / "site") == cold(root)
    (root / "templates/partials").mkdir(parents=True)
    (root / "templates/partials/footer.html").write_text("<footer>Made in Port Alder</footer>\n")
    report = run_build(root)
    assert report.reused == {"articles": (8, 8), "topics": (4, 4), "pages": (0, 11)}
    assert b"Made in Port Alder" in (root / "site/index.html").read_bytes()
    assert tree(root / "site") == cold(root)


def test_keys_do_not_depend_on_where_the_project_is(tmp_path):
    run_build(project(tmp_path / "here"))
    shutil.copytree(tmp_path / "here", tmp_path / "there")
    report = run_build(tmp_path / "there", "moved")
    assert report.reused == {"articles": (8, 8), "topics": (4, 4), "pages": (11, 11)}


def test_no_cache_neither_reads_nor_writes_it_and_clean_deletes_it(tmp_path, monkeypatch):
    root = project(tmp_path)
    run_build(root, cache=False)
    assert not (root / CACHE_DIR).exists()
    run_build(root)
    assert (root / CACHE_DIR / "CACHEDIR.TAG").is_file()
    monkeypatch.chdir(root)
    assert CliRunner().invoke(main, ["clean"]).output == f"Deleted {CACHE_DIR}/\n"
    assert not (root / CACHE_DIR).exists()
    assert CliRunner().invoke(main, ["clean"]).output == f"No {CACHE_DIR}/ here; nothing to delete\n"


def test_the_cache_folder_is_ignored_by_git():
    assert f"{CACHE_DIR}/" in (REPO / ".gitignore").read_text().splitlines()


def test_a_build_that_changes_nothing_leaves_the_site_folder_alone(tmp_path):
    root = project(tmp_path)
    run_build(root)
    (root / "site/CNAME").write_text("briefing.example.org\n")
    before = (root / "site").stat().st_ino
    report = run_build(root)
    assert (root / "site").stat().st_ino == before  # not swapped for a copy
    assert (report.written.written, report.written.unchanged, report.written.kept) == (0, 15, 1)


def test_a_cached_topic_that_cannot_be_read_back_is_summarised_again(tmp_path):
    root = project(tmp_path)
    run_build(root)
    store = Store(root / CACHE_DIR)
    store.save_pack("topics", {key: b"not a pickle" for key in store.load_pack("topics", {})}, references=False)
    report = run_build(root, "again", jobs=1)
    assert report.reused["topics"] == (0, 4)
    assert tree(root / "again") == cold(root)
    assert run_build(root, "third", jobs=1).reused["topics"] == (4, 4)  # the damaged entries were replaced


def test_renaming_a_topic_summarises_nothing_again(tmp_path):
    root = project(tmp_path)
    run_build(root)
    (root / "content/topics.yaml").write_text(TOPICS.replace("title: Budget", "title: The city budget"))
    report = run_build(root)
    assert report.reused["topics"] == (4, 4)
    assert b"The city budget" in (root / "site/topics/budget/index.html").read_bytes()
    assert tree(root / "site") == cold(root)


def test_a_topic_page_is_put_together_from_the_cached_days_that_did_not_change(tmp_path, monkeypatch):
    import briefgen.render

    root = project(tmp_path)
    run_build(root, jobs=1)
    edited = root / "content/articles/2024-03-05/budget-herald.md"
    edited.write_text(edited.read_text().replace("\n---\n", "\n---\nA new opening paragraph about the budget vote.\n\n", 1))
    rendered = []
    real = briefgen.render.Environment.get_template
    monkeypatch.setattr(briefgen.render.Environment, "get_template",
                        lambda self, name, *a, **k: rendered.append(name) or real(self, name, *a, **k))
    run_build(root, jobs=1)
    assert rendered.count("partials/topic_day.html") == 1  # the budget topic's 5 March, not its 4 March
    assert tree(root / "site") == cold(root)
