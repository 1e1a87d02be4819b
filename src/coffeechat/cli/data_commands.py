"""The data-keeping commands: reminders, backup and restore, merge, the trash."""

from __future__ import annotations

import argparse

from coffeechat.cli.parsing import command, json_option, user_option


def add_data_commands(commands: argparse._SubParsersAction) -> None:
    reminders = command(
        commands,
        "send-reminders",
        "coffeechat.cli.reminders:send_reminders",
        "email each user who turned it on a digest of what is due (once a day; for cron)",
    )
    reminders.add_argument(
        "--user", metavar="NAME", help="only this account (default: everyone who turned it on)"
    )
    reminders.add_argument(
        "--dry-run", action="store_true", help="say what would be sent; send nothing"
    )
    json_option(reminders)

    backup = command(
        commands,
        "backup",
        "coffeechat.cli.backups:backup",
        "copy the whole database while the app runs (SQLite online backup, or pg_dump)",
    )
    backup.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="where to write (default: backups/ in the data directory, named by date)",
    )
    backup.add_argument(
        "--automatic",
        action="store_true",
        help="take today's automatic backup unless it exists and keep 7 daily and 4 weekly "
        "(backups/automatic/; serve does this at every start); for a daily cron job",
    )
    json_option(backup)
    restore = command(
        commands,
        "restore",
        "coffeechat.cli.backups:restore",
        "replace all data with a backup, after checking it and backing up the current data",
    )
    restore.add_argument("file", metavar="FILE", help="a file written by coffeechat backup")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    json_option(restore)

    merge = command(
        commands,
        "merge",
        "coffeechat.cli.contacts:merge",
        "merge a duplicate contact into another (its conversations, messages, referrals move)",
    )
    merge.add_argument("kept", metavar="KEEP_ID", type=int, help="the contact to keep")
    merge.add_argument("other", metavar="DUPLICATE_ID", type=int, help="the one merged into it")
    user_option(merge)
    json_option(merge)
    unmerge = command(
        commands,
        "unmerge",
        "coffeechat.cli.contacts:unmerge",
        "undo a merge: the duplicate comes back with what moved",
    )
    unmerge.add_argument("merge_id", metavar="MERGE_ID", type=int, help="as merge printed it")
    user_option(unmerge)
    json_option(unmerge)

    trash = commands.add_parser(
        "trash", help="the trash of deleted rows", description="The trash of deleted rows."
    )
    trash_commands = trash.add_subparsers(dest="trash_command", metavar="ACTION", required=True)
    purge = command(
        trash_commands,
        "purge",
        "coffeechat.cli.trash:purge",
        "delete for good what has been in the trash for over 30 days (all accounts)",
    )
    purge.add_argument("--user", metavar="NAME", help="only this account (default: every account)")
    json_option(purge)
    listing = command(
        trash_commands,
        "list",
        "coffeechat.cli.trash:list_trash",
        "what is in the trash, with the kind and id to restore it by",
    )
    user_option(listing)
    json_option(listing)
    restore_row = command(
        trash_commands,
        "restore",
        "coffeechat.cli.trash:restore",
        "bring a row back from the trash (within its 30 days)",
    )
    restore_row.add_argument("kind", metavar="KIND", help="contact, conversation, note, …")
    restore_row.add_argument("id", metavar="ID", type=int, help="its id, as trash list shows")
    user_option(restore_row)
    json_option(restore_row)
