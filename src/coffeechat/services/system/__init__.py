"""The configuration self-test behind ``coffeechat check``."""
