"""What the commands share: exit codes, error output, Django start-up, choosing the user.

Nothing here imports Django at module level; ``start_django`` does it when a
command needs the database.
"""

from __future__ import annotations

import json
import sys
from typing import Any

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A command cannot go on; ``code`` is the exit code (2: bad input, 1: it failed)."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def error(command: str | None, message: str) -> None:
    where = f"coffeechat {command}" if command else "coffeechat"
    print(f"{where}: {message}", file=sys.stderr)


def note(message: str) -> None:
    """Progress and hints go to stderr, so ``--json`` output stays parseable."""
    print(message, file=sys.stderr)


def print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def start_django(*, migrate: bool = True) -> None:
    """Settings, app registry and, unless told not to, any pending migrations."""
    from coffeechat import bootstrap

    bootstrap.setup_django()
    if migrate:
        applied = bootstrap.migrate_if_needed(verbose=False)
        if applied:
            note(f"Prepared the database ({applied} migrations applied).")


def resolve_user(name: str | None) -> Any:
    """``--user NAME``, else the only account; a personal install gets its user made.

    With several accounts and no ``--user`` it refuses rather than guess.
    """
    from coffeechat.services.accounts.queries import user_named, usernames
    from coffeechat.services.accounts.signin import ensure_personal_user, ensure_profile

    if name:
        user = user_named(name)
        if user is None:
            raise CliError(f"--user: there is no account named {name!r}")
        ensure_profile(user)
        return user
    names, total = usernames(6)
    if total <= 1:
        return ensure_personal_user()
    shown = ", ".join(names[:5]) + (", …" if total > 5 else "")
    raise CliError(f"there are {total} accounts ({shown}); choose one with --user NAME")


def symbols() -> tuple[str, str]:
    """✓ and ✗, or plain words where the terminal's encoding cannot show them."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "✓✗".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "ok  ", "FAIL"
    return "✓", "✗"
