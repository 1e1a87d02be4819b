"""``coffeechat fit``: how well each career path fits, or one path's fit matrix."""

from __future__ import annotations

import argparse
from typing import Any

from coffeechat.cli.common import print_json, resolve_user, start_django
from coffeechat.cli.parsing import command, json_option, user_option


def register(commands: argparse._SubParsersAction) -> None:
    parser = command(
        commands, "fit", fit, "compare your career paths by fit, or show one path's fit matrix"
    )
    parser.add_argument("path", nargs="?", type=int, metavar="PATH_ID", help="one career path's id")
    user_option(parser)
    json_option(parser)


def fit(args: argparse.Namespace) -> int:
    start_django()
    from coffeechat.services.reflection import paths as reflection

    user = resolve_user(args.user)
    if args.path is None:
        comparison = reflection.compare_paths(user)
        if args.json:
            print_json({"paths": [_column(c) for c in comparison.columns]})
        else:
            _print_comparison(comparison)
        return 0
    result = reflection.reflect_on_path(user, args.path)
    if args.json:
        print_json(reflection.fit_as_dict(result))
    else:
        _print_path(result)
    return 0


def _score(score: float | None) -> str:
    return f"{score:.1f}/5" if score is not None else "not rated"


def _column(column: Any) -> dict[str, object]:
    return {
        "career_path_id": column.path.pk,
        "title": column.path.title,
        "status": column.path.status,
        "score": column.fit.score,
        "coverage": column.fit.coverage,
        "interviews_held": column.held,
        "open_questions": column.open_questions,
        "themes": [theme.tag for theme in column.themes],
    }


def _print_comparison(comparison: Any) -> None:
    if not comparison.columns:
        print("No career paths yet. Add one on the Career paths page.")
        return
    print(f"{'path':<32} {'status':<10} {'fit':>10} {'rated':>6} {'held':>5}  themes")
    for c in comparison.columns:
        themes = ", ".join(theme.tag for theme in c.themes) or "-"
        print(
            f"{c.path.title[:32]:<32} {c.path.status:<10} {_score(c.fit.score):>10} "
            f"{round(c.fit.coverage * 100):>5}% {c.held:>5}  {themes}"
        )


def _print_path(result: Any) -> None:
    fit = result.fit
    print(f"{result.path.title} ({result.path.status}): fit {_score(fit.score)},")
    print(f"rated {round(fit.coverage * 100)}% of your profile's weight")
    for view in result.rows:
        row = view.row
        rating = f"{row.score}/5" if row.score is not None else "-"
        cited = ", ".join(
            f"note {note.pk} ({note.conversation.contact.name})" for note in view.evidence
        )
        print(
            f"  {row.criterion.kind.value:<8} {row.criterion.name[:30]:<30} x{row.criterion.weight}"
            f"  {rating:<4} {cited}"
        )
    if result.themes:
        print("Themes: " + ", ".join(f"{t.tag} ({t.conversations})" for t in result.themes))
