from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "coffeechat.core"
    label = "core"
    verbose_name = "coffeechat data"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The due index follows every write to the facts it is derived from; the
        # receivers live with the index in services, the layer that owns it.
        from coffeechat.services.today.due_index_signals import connect

        connect()
