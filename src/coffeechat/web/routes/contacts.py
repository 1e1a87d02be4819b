"""The target list: organizations, contacts, merging two records, the network."""

from django.urls import path

from coffeechat.web.views import contact_merge, contacts, network, organizations

urlpatterns = [
    path("organizations/", organizations.organization_list, name="organizations"),
    path("organizations/new/", organizations.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", organizations.organization_detail, name="organization"),
    path("organizations/<int:pk>/edit/", organizations.organization_edit, name="organization_edit"),
    path("organizations/<int:pk>/rate/", organizations.organization_rate, name="organization_rate"),
    path("contacts/", contacts.contact_list, name="contacts"),
    path("contacts/new/", contacts.contact_create, name="contact_create"),
    path("contacts/<int:pk>/", contacts.contact_detail, name="contact"),
    path("contacts/<int:pk>/edit/", contacts.contact_edit, name="contact_edit"),
    path("contacts/<int:pk>/merge/", contact_merge.choose, name="contact_merge"),
    path(
        "contacts/<int:pk>/merge/<int:other>/",
        contact_merge.confirm,
        name="contact_merge_confirm",
    ),
    path("contacts/merges/<int:merge_id>/undo/", contact_merge.undo, name="contact_merge_undo"),
    path("network/", network.network_list, name="network"),
]
