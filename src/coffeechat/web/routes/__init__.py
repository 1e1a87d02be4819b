"""The web app's routes, one module per area; ``web/urls.py`` includes each.

Every name lives in the ``web`` namespace (no module sets ``app_name``), so
``{% url 'web:contact' pk %}`` does not say which module declares it.
"""
