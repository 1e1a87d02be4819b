"""coffeechat trash purge: for cron, every account, only what is past 30 days."""

from datetime import timedelta

from django.utils import timezone

from coffeechat.core.models import Contact
from coffeechat.services.contacts import actions as crm


def test_purge_deletes_only_rows_trashed_over_30_days_ago(run, user, outsider):
    old = crm.create_contact(user, {"first_name": "Old", "source": "other"})
    recent = crm.create_contact(outsider, {"first_name": "Recent", "source": "other"})
    crm.move_to_trash(user, "contact", old.pk, timezone.now() - timedelta(days=31))
    crm.move_to_trash(outsider, "contact", recent.pk, timezone.now() - timedelta(days=29))
    result = run("trash", "purge")
    assert result.code == 0
    assert "Deleted for good (in the trash over 30 days): 1 contact." in result.out
    assert not Contact.objects.filter(pk=old.pk).exists()
    assert Contact.objects.filter(pk=recent.pk).exists()


def test_purge_with_nothing_to_do_says_so_and_json_is_machine_readable(run, user):
    assert "Nothing in the trash is older than 30 days." in run("trash", "purge").out
    assert run("trash", "purge", "--json").json() == {"removed": {}, "retention_days": 30}
