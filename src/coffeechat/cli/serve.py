"""``coffeechat serve``: migrate, print a one-time sign-in link, serve with waitress.

Static files are served by WhiteNoise straight from the apps' static folders
(found with Django's static-file finders, as WhiteNoise's own middleware does
with ``WHITENOISE_USE_FINDERS``), so a personal install needs no
``collectstatic`` step and no web server.
"""

from __future__ import annotations

import argparse
from typing import Any

from coffeechat import __version__
from coffeechat.cli.common import EXIT_FAILED, CliError, note, start_django
from coffeechat.cli.parsing import command

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
# The same files collectstatic leaves out.
_IGNORED = ["CVS", ".*", "*~"]


def register(commands: argparse._SubParsersAction) -> None:
    parser = command(
        commands, "serve", serve, "start the app on this computer and print a one-time sign-in link"
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: only this computer)",
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="print the sign-in link without opening it"
    )
    parser.add_argument(
        "--no-backup",
        action="store_true",
        help="skip the automatic daily backup taken at start (see backup --automatic)",
    )


def run_server(app: Any, *, host: str, port: int) -> None:
    """Serve until interrupted; tests replace this function."""
    from waitress import serve

    serve(app, host=host, port=port)


def serve(args: argparse.Namespace) -> int:
    host, port = args.host.strip(), args.port
    if not 1 <= port <= 65535:
        raise CliError(f"--port: {port} is not a port number (use 1 to 65535)")
    if not host:
        raise CliError("--host: an address is needed, such as 127.0.0.1")
    start_django(migrate=False)
    from coffeechat import bootstrap

    pending = bootstrap.migrate_if_needed(verbose=True)
    if pending:
        print("The database is ready.")

    from django.urls import reverse
    from django.utils import timezone

    from coffeechat.services.accounts.signin import create_sign_in_link, ensure_personal_user

    user = ensure_personal_user()
    if not args.no_backup:
        _automatic_backup()
    secret = create_sign_in_link(user, timezone.now())
    base = f"http://{link_host(host)}:{port}"
    link = base + reverse("web:sign_in_link", args=[secret])
    if _open_the_running_one(base, link, open_browser=not args.no_browser):
        return 0
    app = wsgi_app()
    if host not in LOOPBACK:
        note(
            f"Listening on {host}: other machines on the network can reach coffeechat. "
            "Add the names they use to COFFEECHAT_ALLOWED_HOSTS."
        )
    print(f"coffeechat {__version__} is running on {base}/ (Ctrl+C stops it).")
    print(f"Open this link to sign in (works once, for 15 minutes): {link}", flush=True)
    if not args.no_browser:
        _open_in_browser(link)
    try:
        run_server(app, host=host, port=port)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CliError(
            f"cannot listen on {host}:{port}: {reason} (try another --port)", EXIT_FAILED
        ) from exc
    except KeyboardInterrupt:
        print("\nStopped.")
    return 0


def _automatic_backup() -> None:
    """Today's automatic backup, once a day; a failure is said but does not stop the app."""
    from coffeechat.cli.backups import take_automatic_backup
    from coffeechat.services.data.backups import BackupError

    try:
        rotation = take_automatic_backup()
    except (BackupError, OSError) as exc:
        note(f"The automatic backup was not taken: {exc}. Run coffeechat backup by hand.")
        return
    if rotation.taken:
        print(f"Backed up the database to {rotation.today}.")


def _open_the_running_one(base: str, link: str, *, open_browser: bool) -> bool:
    """When coffeechat already answers on the port with the same data, sign in there.

    Starting a second server would only fail with "address in use"; what the user
    wanted was the app in their browser. Another program on the port, or a
    coffeechat with other data, is a clear failure instead.
    """
    from django.conf import settings

    from coffeechat.config import data_fingerprint

    answer = running_at(base)
    if answer is None:
        return False
    if answer.get("app") != "coffeechat" or answer.get("data") != data_fingerprint(
        settings.DATA_DIR
    ):
        raise CliError(
            f"another program is already running on {base} (try another --port)", EXIT_FAILED
        )
    print(f"coffeechat is already running on {base}/.")
    print(f"Open this link to sign in (works once, for 15 minutes): {link}", flush=True)
    if open_browser:
        _open_in_browser(link)
    return True


def _open_in_browser(link: str) -> None:
    import webbrowser  # only when serving: it pulls in subprocess and shlex

    webbrowser.open(link)


def running_at(base: str) -> dict[str, Any] | None:
    """What answers ``/running/`` at ``base``: None when nothing listens there."""
    import json
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(base + "/running/", timeout=2) as response:  # noqa: S310
            answer = json.loads(response.read(4096))
    except (OSError, ValueError):
        # Nothing listening; or something that is not coffeechat (an HTTP error, HTML).
        return _something_listening(base)
    return answer if isinstance(answer, dict) else {}


def _something_listening(base: str) -> dict[str, Any] | None:
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), 1):
            return {}
    except OSError:
        return None


def link_host(host: str) -> str:
    """The host to put in the link: a wildcard address means this machine."""
    if host in ("0.0.0.0", "::", "*"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def static_headers(headers: Any, path: str, url: str) -> None:
    """WhiteNoise answers static files before Django's SecurityMiddleware sees them:
    the browser must not guess a type other than the one sent for them either."""
    headers["X-Content-Type-Options"] = "nosniff"


def wsgi_app() -> Any:
    """Django's WSGI application behind WhiteNoise, with every static file the finders see."""
    from urllib.parse import urlparse

    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.core.wsgi import get_wsgi_application
    from whitenoise import WhiteNoise

    # WhiteNoise's own table has no .webmanifest (web/static/web/manifest.webmanifest).
    app = WhiteNoise(
        get_wsgi_application(),
        autorefresh=False,
        mimetypes={".webmanifest": "application/manifest+json"},
        add_headers_function=static_headers,
    )
    prefix = "/" + urlparse(settings.STATIC_URL or "/static/").path.strip("/") + "/"
    files: dict[str, str] = {}
    for finder in finders.get_finders():
        for path, storage in finder.list(_IGNORED):
            storage_prefix = (getattr(storage, "prefix", None) or "").strip("/")
            url = (
                prefix + (f"{storage_prefix}/" if storage_prefix else "") + path.replace("\\", "/")
            )
            # Like Django's finders, the first match wins.
            files.setdefault(url, storage.path(path))
    for url, path in files.items():
        app.add_file_to_dictionary(url, path)
    return app
