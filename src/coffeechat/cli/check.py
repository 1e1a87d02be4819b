"""``coffeechat check``: the configuration self-test, one line per check."""

from __future__ import annotations

import argparse

from coffeechat.cli.common import EXIT_FAILED, print_json, symbols
from coffeechat.cli.parsing import command, json_option
from coffeechat.config import ConfigError


def register(commands: argparse._SubParsersAction) -> None:
    json_option(command(commands, "check", check, "check the configuration and database"))


def check(args: argparse.Namespace) -> int:
    from coffeechat import bootstrap

    try:
        bootstrap.setup_django()
    except ConfigError as exc:
        results = [{"name": "configuration", "ok": False, "detail": str(exc)}]
    else:
        from coffeechat.services.system.checks import run_checks

        results = [result.as_dict() for result in run_checks()]
    ok = all(result["ok"] for result in results)
    if args.json:
        print_json({"ok": ok, "checks": results})
    else:
        passed, failed = symbols()
        for result in results:
            mark = passed if result["ok"] else failed
            print(f"{mark} {result['name']}: {result['detail']}")
        print(
            "\nAll checks passed."
            if ok
            else f"\nSome checks failed: see the {failed.strip()} lines."
        )
    return 0 if ok else EXIT_FAILED
