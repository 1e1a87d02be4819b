"""Test settings: the real settings with a throw-away data directory.

The data directory must be set before ``coffeechat.settings`` is imported,
because that import creates the folder and the secret key.
"""

import os
import tempfile

os.environ.setdefault("COFFEECHAT_DATA_DIR", tempfile.mkdtemp(prefix="coffeechat-test-"))

from coffeechat.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
