from coffeechat.services.contacts import actions as crm
from coffeechat.services.today.due_list import today_for


def test_a_new_user_has_nothing_due(user, now):
    assert today_for(user, now).items == []


def test_another_users_contact_is_not_found(user, outsider):
    contact = crm.create_contact(outsider, {"first_name": "Sam", "source": "other"})
    import pytest

    from coffeechat.services.errors import NotFound

    with pytest.raises(NotFound):
        crm.update_contact(user, contact.pk, {"first_name": "X"}, partial=True)
