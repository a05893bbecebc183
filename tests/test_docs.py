"""The README stays true: config keys, commands and the CI test command."""

import re

from briefgen.cli import main
from briefgen.config import SCHEMA
from builders import REPO

README = (REPO / "README.md").read_text()


def test_every_config_key_is_documented():
    table = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)
    assert documented == list(SCHEMA)


def test_every_command_is_documented():
    commands = README.split("## Commands", 1)[1]
    for name in main.commands:
        assert f"briefgen {name}" in commands


def test_ci_runs_the_readme_test_command():
    command = re.search(r"# 2\. Set up and run the tests\n(.+)\n", README).group(1)
    assert command in (REPO / ".ci" / "run").read_text()
