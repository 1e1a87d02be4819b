from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "coffeechat.core"
    label = "core"
    verbose_name = "coffeechat data"
    default_auto_field = "django.db.models.BigAutoField"
