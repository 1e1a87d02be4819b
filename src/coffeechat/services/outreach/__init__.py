"""Writing to people: the composer and its checks, templates, sending, message import."""
