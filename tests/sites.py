"""Sites built by briefgen for the site tests: the demo and a busy 10-topic day, each built once."""

from pathlib import Path

import pytest

from briefgen.build import BuildOptions, build
from builders import REPO
from busy_day import write_busy_day


def build_site(project: Path, output: Path, extra_config: str = "", templates: Path | None = None) -> Path:
    """Build `project` (a folder with briefgen.yaml and content/) into `output`; `extra_config`
    is appended to its briefgen.yaml (in a copy beside `output`)."""
    config = output.parent / f"{output.name}.yaml"
    config.write_text((project / "briefgen.yaml").read_text("utf-8") + extra_config, "utf-8")
    build(BuildOptions(project, config, project / "content", output, templates or project / "templates"))
    return output


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    return build_site(REPO, tmp_path_factory.mktemp("demo") / "site")


@pytest.fixture(scope="session")
def busy_site(tmp_path_factory) -> Path:
    project = write_busy_day(tmp_path_factory.mktemp("busy"))
    return build_site(project, project / "site")
