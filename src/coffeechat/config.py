"""Typed readers for coffeechat's environment settings.

Every reader refuses a malformed value at start-up with a message naming the
variable, instead of silently falling back to a default (healthchecks' habit).
The registry ``SETTINGS`` is the single list the docs and ``coffeechat check``
are built from; a test keeps docs/configuration.md in step with it.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path


class ConfigError(ValueError):
    """A setting from the environment has a value coffeechat cannot use."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "COFFEECHAT_DATA_DIR",
        "the platform's user data directory (platformdirs)",
        "Folder holding the SQLite database and the generated secret key.",
    ),
    Setting(
        "DATABASE_URL",
        "(unset: SQLite in the data directory)",
        "PostgreSQL for team deployments, e.g. postgres://user:pass@host/db (psycopg 3).",
    ),
    Setting("COFFEECHAT_DEBUG", "false", "Django debug pages. Never in production."),
    Setting(
        "COFFEECHAT_ALLOWED_HOSTS",
        "127.0.0.1,localhost",
        "Comma-separated host names the app answers to (behind a reverse proxy: its name).",
    ),
    Setting(
        "COFFEECHAT_SECRET_KEY",
        "(generated into the data directory on first run)",
        "Signing key; set it explicitly when several app processes share one database.",
    ),
    Setting(
        "COFFEECHAT_CSRF_TRUSTED_ORIGINS",
        "(empty)",
        "Comma-separated origins (https://coffeechat.example.edu) when served behind a proxy.",
    ),
    Setting(
        "COFFEECHAT_SMTP_URL",
        "(unset: each user's own server from Settings → Email)",
        "Mail server for daily reminders when a user set none, e.g. "
        "smtp://user:pass@host:587?from=coffeechat@example.edu (smtps:// for SSL/TLS).",
    ),
    Setting(
        "COFFEECHAT_BASE_URL",
        "http://127.0.0.1:8000/",
        "The app's address as people open it, for the link in reminder emails.",
    ),
    Setting(
        "COFFEECHAT_HTTPS",
        "false",
        "Served as https:// behind a reverse proxy: Secure cookies, HSTS, the proxy's "
        "X-Forwarded-Proto trusted, plain http redirected. Needs an https:// COFFEECHAT_BASE_URL.",
    ),
    Setting(
        "COFFEECHAT_HSTS_SECONDS",
        "31536000 (a year), with COFFEECHAT_HTTPS",
        "How long browsers remember to use only https (Strict-Transport-Security max-age); "
        "0 sends no HSTS header.",
    ),
    Setting(
        "COFFEECHAT_SIGN_IN_FAILURES_PER_USERNAME",
        "5",
        "Wrong passwords for one username within the window before sign-in answers 429.",
    ),
    Setting(
        "COFFEECHAT_SIGN_IN_FAILURES_PER_ADDRESS",
        "20",
        "Wrong passwords from one client address within the window before it answers 429.",
    ),
    Setting(
        "COFFEECHAT_TOKEN_FAILURES_PER_ADDRESS",
        "20",
        "Invalid API tokens from one client address within the window before the API answers 429.",
    ),
    Setting(
        "COFFEECHAT_SIGN_IN_WINDOW_MINUTES",
        "15",
        "The sliding window those failures are counted in, and the longest wait.",
    ),
    Setting(
        "COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS",
        "false",
        "Add includeSubDomains to HSTS: every subdomain of the app's name must serve https.",
    ),
)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _package_folder(name: str) -> Path:
    """Where an installed package's files are, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"The {name} package is not installed; run 'make init'.")
    return Path(spec.origin).parent


# The API docs page uses the Swagger UI files ninja ships (no CDN). Its folders
# are added to the template and static dirs instead of listing ninja as an app,
# because an app is imported at start-up and ninja with pydantic costs every
# CLI command about 0.15 s.
NINJA_FILES = _package_folder("ninja")


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean; ``COFFEECHAT_DEBUG=maybe`` is an error, not False."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean (use true or false)")


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated list, dropping blanks: ``"a, ,b"`` -> ``["a", "b"]``."""
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int, *, minimum: int = 0, maximum: int = 10**9) -> int:
    """Read a whole number within bounds; ``COFFEECHAT_HSTS_SECONDS=1y`` is an error."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name}={raw!r} must be between {minimum} and {maximum}")
    return value


def base_url(*, https: bool) -> str:
    """COFFEECHAT_BASE_URL, checked: an http(s) address with a host, https:// when the
    app says it is served over HTTPS (links in mail must not point at plain http)."""
    from urllib.parse import urlsplit

    raw = os.environ.get("COFFEECHAT_BASE_URL", "").strip() or "http://127.0.0.1:8000/"
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"COFFEECHAT_BASE_URL={raw!r} is not an http:// or https:// address "
            "such as https://coffeechat.example.edu/"
        )
    if https and parts.scheme != "https":
        raise ConfigError(
            f"COFFEECHAT_HTTPS is on, so COFFEECHAT_BASE_URL must be the https:// address "
            f"people open, not {raw!r}"
        )
    return raw


def origin(url: str) -> str:
    """``https://coffeechat.example.edu/path`` -> ``https://coffeechat.example.edu``."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def sign_in_limits() -> dict[str, int]:
    """The throttling numbers (services.accounts.throttle), each at least 1."""
    return {
        "per_username": env_int("COFFEECHAT_SIGN_IN_FAILURES_PER_USERNAME", 5, minimum=1),
        "per_address": env_int("COFFEECHAT_SIGN_IN_FAILURES_PER_ADDRESS", 20, minimum=1),
        "tokens_per_address": env_int("COFFEECHAT_TOKEN_FAILURES_PER_ADDRESS", 20, minimum=1),
        "window_minutes": env_int(
            "COFFEECHAT_SIGN_IN_WINDOW_MINUTES", 15, minimum=1, maximum=7 * 24 * 60
        ),
    }


def https_settings() -> dict[str, object]:
    """Django's settings for HTTPS terminated by a reverse proxy (COFFEECHAT_HTTPS).

    The proxy speaks https to browsers and plain http to the app on loopback, and
    says which it was in ``X-Forwarded-Proto`` (it must set that header itself,
    overwriting any a client sent). Cookies are then Secure, browsers are told to
    use only https (HSTS) and a plain-http request is redirected, except
    ``/healthz``, which a load balancer may ask over http. HSTS covers subdomains
    only when COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS says so; preloading, a promise
    made to the browser vendors for the whole domain, is never sent.
    """
    if not env_bool("COFFEECHAT_HTTPS", default=False):
        return {}
    include_subdomains = env_bool("COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS", default=False)
    # Django's deploy checks would warn about these two choices, made on purpose.
    silenced = ["security.W021"] + ([] if include_subdomains else ["security.W005"])
    return {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
        "SECURE_SSL_REDIRECT": True,
        "SECURE_REDIRECT_EXEMPT": [r"^healthz$"],
        "SECURE_HSTS_SECONDS": env_int("COFFEECHAT_HSTS_SECONDS", 31_536_000, maximum=10**9),
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": include_subdomains,
        "SECURE_HSTS_PRELOAD": False,
        "SILENCED_SYSTEM_CHECKS": silenced,
        # The proxy adds the client's address as the last X-Forwarded-For entry.
        "CLIENT_ADDRESS_FROM_PROXY": True,
    }


def data_dir() -> Path:
    """The folder for the database and the secret, created on first use."""
    raw = os.environ.get("COFFEECHAT_DATA_DIR", "").strip()
    if raw:
        path = Path(raw).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("coffeechat", appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"COFFEECHAT_DATA_DIR: cannot create {path}: {exc.strerror}") from exc
    return path


def secret_key(folder: Path) -> str:
    """The explicit key, else one generated into ``folder`` on first run (mode 600)."""
    explicit = os.environ.get("COFFEECHAT_SECRET_KEY", "").strip()
    if explicit:
        if len(explicit) < 32:
            raise ConfigError("COFFEECHAT_SECRET_KEY must be at least 32 characters")
        return explicit
    key_file = folder / "secret_key"
    if not key_file.exists():
        _write_new_key(key_file)
    key = key_file.read_text().strip()
    if len(key) < 32:
        raise ConfigError(f"{key_file} holds no usable secret key; delete it to regenerate")
    return key


def data_fingerprint(folder: Path) -> str:
    """The data directory, not readable back: ``/running/`` answers it so a second
    ``serve`` on the same data recognises the first, without saying the path.

    >>> a, b = data_fingerprint(Path("/tmp/a")), data_fingerprint(Path("/tmp/b"))
    >>> len(a), a == b, "tmp" in a
    (16, False, False)
    """
    import hashlib

    return hashlib.sha256(str(folder).encode()).hexdigest()[:16]


def _write_new_key(key_file: Path) -> None:
    """Write a fresh key, atomically: written whole to a private file, then linked
    into place. Processes starting at once on a new data directory must neither both
    write a key nor read the file between its creation and its content."""
    import contextlib
    import secrets
    import tempfile

    fd, draft = tempfile.mkstemp(dir=key_file.parent, prefix=".secret_key.")  # mode 600
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
        with contextlib.suppress(FileExistsError):  # another process linked first
            os.link(draft, key_file)
    finally:
        os.unlink(draft)


def database(folder: Path) -> dict[str, object]:
    """Django's DATABASES['default']: PostgreSQL from DATABASE_URL, else tuned SQLite."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        import dj_database_url

        if not url.startswith(("postgres://", "postgresql://")):
            raise ConfigError("DATABASE_URL must be a postgres:// or postgresql:// URL")
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        config["ENGINE"] = "django.db.backends.postgresql"
        return config
    return sqlite_database(folder / "coffeechat.sqlite3")


def sqlite_database(path: Path) -> dict[str, object]:
    """SQLite tuned as healthchecks does it.

    WAL lets the web page read while an import writes; busy_timeout waits for a
    lock instead of failing at once; IMMEDIATE takes the write lock when a
    transaction starts, so two writers queue instead of deadlocking on upgrade.
    These live under OPTIONS: at the top level Django ignores them silently.
    """
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA busy_timeout=20000;"
                "PRAGMA foreign_keys=ON;"
            ),
        },
        "TEST": {"NAME": str(path.with_name("test_" + path.name))},
    }
