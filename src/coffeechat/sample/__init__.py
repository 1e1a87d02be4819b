"""The sample campaign (``coffeechat demo`` and the welcome page): data, not rules."""
