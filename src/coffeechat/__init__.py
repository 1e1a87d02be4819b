"""coffeechat: informational interviews, from self-reflection to a lasting network."""

__version__ = "0.1.0"
