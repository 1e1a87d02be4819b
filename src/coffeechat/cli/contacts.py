"""``coffeechat merge KEEP_ID DUPLICATE_ID`` and ``coffeechat unmerge MERGE_ID``."""

from __future__ import annotations

import argparse
from typing import Any

from coffeechat.cli.common import print_json, resolve_user, start_django
from coffeechat.cli.parsing import command, json_option, user_option

_WORDS = {
    "conversations": ("conversation", "conversations"),
    "messages": ("message", "messages"),
    "referrals_made": ("referral they made", "referrals they made"),
    "referrals_received": ("referral to them", "referrals to them"),
    "introduced": ("person they introduced", "people they introduced"),
    "career_paths": ("career path", "career paths"),
}


def register(commands: argparse._SubParsersAction) -> None:
    merge_ = command(
        commands,
        "merge",
        merge,
        "merge a duplicate contact into another (its conversations, messages, referrals move)",
    )
    merge_.add_argument("kept", metavar="KEEP_ID", type=int, help="the contact to keep")
    merge_.add_argument("other", metavar="DUPLICATE_ID", type=int, help="the one merged into it")
    user_option(merge_)
    json_option(merge_)
    unmerge_ = command(
        commands, "unmerge", unmerge, "undo a merge: the duplicate comes back with what moved"
    )
    unmerge_.add_argument("merge_id", metavar="MERGE_ID", type=int, help="as merge printed it")
    user_option(unmerge_)
    json_option(unmerge_)


def merge(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.contacts.merge import merge_contacts

    user = resolve_user(args.user)
    done = merge_contacts(user, args.kept, args.other, timezone.now())
    if args.json:
        print_json(_as_dict(done))
        return 0
    moved = ", ".join(
        f"{len(ids)} {_WORDS[name][len(ids) != 1]}" for name, ids in done.moved.items() if ids
    )
    print(
        f"Merged {done.merged.name} into {done.kept.name} (merge {done.pk}): "
        f"{'moved ' + moved if moved else 'nothing to move'}."
    )
    if done.filled:
        print("Filled: " + ", ".join(sorted(done.filled)) + ".")
    print(f"The duplicate is in the trash. Undo with: coffeechat unmerge {done.pk}")
    return 0


def unmerge(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.contacts.merge import undo_merge

    user = resolve_user(args.user)
    done = undo_merge(user, args.merge_id, timezone.now())
    if args.json:
        print_json(_as_dict(done))
    else:
        print(f"Merge {done.pk} undone: {done.merged.name} is back, with what moved.")
    return 0


def _as_dict(merge: Any) -> dict[str, object]:
    return {
        "id": merge.pk,
        "kept_id": merge.kept_id,
        "merged_id": merge.merged_id,
        "moved": merge.moved,
        "filled": merge.filled,
    }
