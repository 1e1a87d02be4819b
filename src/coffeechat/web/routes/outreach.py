"""The outreach pages: composer, replies, message import, templates, email settings."""

from django.urls import path

from coffeechat.web.views import (
    composer,
    email_settings,
    message_import,
    outreach_routes,
    replies,
    templates_page,
)

_C = "conversations/<int:pk>/compose/"

urlpatterns = [
    path(_C, composer.composer, name="composer"),
    path(_C + "check/", composer.composer_check, name="composer_check"),
    path(_C + "save/", composer.composer_save, name="composer_save"),
    path(_C + "sent/", composer.composer_mark_sent, name="composer_mark_sent"),
    path(_C + "eml/", composer.composer_eml, name="composer_eml"),
    path(_C + "smtp/", composer.composer_smtp, name="composer_smtp"),
    path("conversations/<int:pk>/let-go/", outreach_routes.let_go, name="let_go"),
    path("organizations/<int:pk>/next/", outreach_routes.compose_next, name="compose_next"),
    path("contacts/<int:pk>/compose/", outreach_routes.compose_for_contact, name="compose_for"),
    path("conversations/<int:pk>/reply/", replies.reply, name="record_reply"),
    path("contacts/import-messages/", message_import.message_import, name="message_import"),
    path(
        "contacts/import-messages/commit/",
        message_import.message_import_commit,
        name="message_import_commit",
    ),
    path(
        "contacts/import-messages/<int:pk>/undo/",
        message_import.message_import_undo,
        name="message_import_undo",
    ),
    path("templates/", templates_page.template_list, name="templates"),
    path("templates/new/", templates_page.template_create, name="template_create"),
    path("templates/<int:pk>/", templates_page.template_edit, name="template_edit"),
    path("templates/<int:pk>/hide/", templates_page.template_hide, name="template_hide"),
    path("settings/email/", email_settings.email_settings, name="email_settings"),
    path("settings/email/test/", email_settings.email_test, name="email_test"),
    path("settings/email/digest/", email_settings.email_digest, name="email_digest"),
    path("settings/email/digest/send/", email_settings.email_digest_send, name="email_digest_send"),
]
