"""The README documents every command and every option (sqlite-utils' habit): a new option
without a word in its command's section fails here."""
import re
from pathlib import Path

import pytest

from zhibiao.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def section(name: str) -> str:
    """The README's text under ``#### `zhibiao NAME` ``, up to the next heading."""
    found = re.search(rf"^#### `zhibiao {re.escape(name)}`\n(.*?)(?=^#)", README, re.S | re.M)
    assert found, f"README has no section for zhibiao {name}"
    return found.group(1)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_option_of_every_command_is_in_its_readme_section(name):
    text = section(name)
    for param in main.commands[name].params:
        for flag in param.opts + param.secondary_opts:
            if flag.startswith("--"):
                assert re.search(rf"`{re.escape(flag)}(?=[`/ ])", text), f"{name}: {flag} is not in the README"
    assert re.search(rf"^(?:.*\| )?zhibiao {re.escape(name)}\b", README, re.M), f"no example of zhibiao {name}"


def test_the_group_options_are_in_the_readme():
    for param in main.params:
        for flag in param.opts:
            if flag.startswith("--") and flag != "--help":
                assert f"`zhibiao {flag}`" in README
