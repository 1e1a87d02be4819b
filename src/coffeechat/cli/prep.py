"""``coffeechat brief``: a conversation's prep brief on the terminal, or its plan as JSON."""

from __future__ import annotations

import argparse

from coffeechat.cli.common import CliError, print_json, resolve_user, start_django
from coffeechat.cli.parsing import command, json_option, user_option


def register(commands: argparse._SubParsersAction) -> None:
    parser = command(
        commands,
        "brief",
        brief,
        "print a conversation's prep brief as Markdown (--json: the plan and what is missing)",
    )
    parser.add_argument("conversation", metavar="CONVERSATION_ID")
    user_option(parser)
    json_option(parser)


def brief(args: argparse.Namespace) -> int:
    try:
        conversation_id = int(args.conversation)
    except ValueError:
        raise CliError(f"{args.conversation!r} is not a conversation id (a number)") from None
    start_django()
    from coffeechat.services.prep.brief import brief_for, brief_markdown

    user = resolve_user(args.user)
    data = brief_for(user, conversation_id)
    if args.json:
        print_json(
            {
                "conversation_id": conversation_id,
                "contact": data.contact.name,
                "missing": [gap.text for gap in data.gaps],
                "times": [
                    {"label": t.label, "zone": t.zone, "at": t.at.isoformat()} for t in data.times
                ],
                "plan": data.plan.as_dict(),
            }
        )
        return 0
    print(brief_markdown(data), end="")
    return 0
