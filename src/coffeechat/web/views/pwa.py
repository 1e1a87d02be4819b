"""The service worker at the site root, so its scope is every page (``/``).

The script is ``web/static/web/sw.js`` with two blanks filled in: ``VERSION``,
a hash of every static file and the app's version (a changed file installs a
new worker with a fresh static cache), and ``PRECACHE``, the offline page and
what it needs, as this server writes their addresses.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.views.decorators.http import require_GET

from coffeechat import __version__

_SCRIPT = "web/sw.js"
# The offline page first: the worker answers with it for a page never opened.
_PRECACHE = (
    "web/offline.html",
    "web/app.css",
    "web/icon.svg",
    "web/icon-192.png",
    "web/manifest.webmanifest",
    "web/page.js",
    "web/dates.js",
    "web/pwa.js",
    "web/interview.js",
)


def _script_path() -> Path:
    found = finders.find(_SCRIPT)
    if not found:  # pragma: no cover - the file ships with the package
        raise FileNotFoundError(_SCRIPT)
    return Path(str(found))


@lru_cache(maxsize=1)
def static_version() -> str:
    """A short hash of every static file (path and content) and ``__version__``."""
    digest = hashlib.sha256(__version__.encode())
    files: dict[str, str] = {}
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            files.setdefault(path, storage.path(path))
    for path in sorted(files):
        digest.update(path.encode() + b"\0")
        digest.update(Path(files[path]).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _script() -> str:
    text = _script_path().read_text(encoding="utf-8")
    urls = [static(name) for name in _PRECACHE]
    return text.replace('"__COFFEECHAT_VERSION__"', json.dumps(static_version())).replace(
        '["__COFFEECHAT_PRECACHE__"]', json.dumps(urls)
    )


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(_script(), content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # The browser checks for a new worker on every visit; never serve it stale.
    response["Cache-Control"] = "no-cache"
    return response
