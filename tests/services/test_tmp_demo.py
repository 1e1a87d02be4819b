from coffeechat.core.models import Contact
from coffeechat.services.demo import load_demo
from coffeechat.services.today import load_snapshot


def test_x(user, now):
    load_demo(user, now, contacts=0)
    snap = load_snapshot(user, now)
    ids = {
        c.pk: c.name
        for c in Contact.objects.filter(owner=user, organization__name="Meridian Health")
    }
    for c in snap.contacts:
        if c.id in ids:
            print(c)
    for v in snap.conversations:
        if v.contact_id in ids:
            print(v.contact_id, v.stage, v.requested_at)
