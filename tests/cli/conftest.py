"""Run the command line in-process and collect what it printed."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from coffeechat.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def run(capsys):
    def run(*argv: str) -> Result:
        capsys.readouterr()  # drop anything printed before
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
