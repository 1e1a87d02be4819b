"""coffeechat serve, with the server itself replaced so nothing blocks."""

from __future__ import annotations

import io
import re

import pytest
from django.utils import timezone

from coffeechat import bootstrap
from coffeechat.services.accounts.signin import redeem_sign_in_link

LINK = re.compile(r"Open this link to sign in \(works once, for 15 minutes\): (\S+)")


@pytest.fixture
def server(monkeypatch):
    """Records how the server would have been started instead of starting it."""
    calls: list[dict] = []

    def fake_run_server(app, *, host, port):
        calls.append({"app": app, "host": host, "port": port})

    monkeypatch.setattr("coffeechat.cli.serve.run_server", fake_run_server)
    # Nothing answers on the port unless a test says so.
    monkeypatch.setattr("coffeechat.cli.serve.running_at", lambda base: None)
    return calls


@pytest.fixture
def browser(monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    return opened


@pytest.fixture
def migrations(monkeypatch):
    calls: list[bool] = []
    real = bootstrap.migrate_if_needed

    def spy(verbose: bool = True) -> int:
        calls.append(verbose)
        return real(verbose=verbose)

    monkeypatch.setattr("coffeechat.bootstrap.migrate_if_needed", spy)
    return calls


def test_serve_migrates_prints_a_one_time_link_and_binds_loopback(
    run, db, server, browser, migrations
):
    result = run("serve", "--no-browser")
    assert result.code == 0, result.err
    assert migrations == [True]
    assert [(c["host"], c["port"]) for c in server] == [("127.0.0.1", 8000)]
    assert browser == []

    url = LINK.search(result.out).group(1)
    prefix = "http://127.0.0.1:8000/signin/"
    assert url.startswith(prefix) and url.endswith("/")
    secret = url[len(prefix) : -1]
    user = redeem_sign_in_link(secret, timezone.now())
    assert user is not None and user.get_username() == "me"
    assert redeem_sign_in_link(secret, timezone.now()) is None


def test_serve_signs_in_the_existing_personal_user(run, user, server, browser):
    url = LINK.search(run("serve", "--no-browser").out).group(1)
    secret = url.rstrip("/").rsplit("/", 1)[1]
    assert redeem_sign_in_link(secret, timezone.now()) == user


def test_serve_opens_the_browser_on_the_link(run, db, server, browser):
    result = run("serve", "--port", "8123")
    assert result.code == 0
    url = LINK.search(result.out).group(1)
    assert browser == [url]
    assert url.startswith("http://127.0.0.1:8123/signin/")
    assert server[0]["port"] == 8123


@pytest.mark.parametrize("port", ["0", "65536", "-1"])
def test_serve_refuses_a_port_outside_the_range(run, db, server, browser, port):
    result = run("serve", "--port", port, "--no-browser")
    assert result.code == 2
    assert f"--port: {port} is not a port number (use 1 to 65535)" in result.err
    assert server == [] and browser == []


def test_a_wildcard_host_links_to_this_machine_and_warns(run, db, server, browser):
    result = run("serve", "--host", "0.0.0.0", "--no-browser")
    assert server[0]["host"] == "0.0.0.0"
    assert LINK.search(result.out).group(1).startswith("http://127.0.0.1:8000/signin/")
    assert "other machines on the network" in result.err


def test_a_port_in_use_is_a_clear_failure(run, db, browser, monkeypatch):
    def busy(app, *, host, port):
        raise OSError(98, "Address already in use")

    monkeypatch.setattr("coffeechat.cli.serve.run_server", busy)
    result = run("serve", "--no-browser")
    assert result.code == 1
    assert "cannot listen on 127.0.0.1:8000: Address already in use" in result.err


def _call(app, path: str) -> tuple[str, dict[str, str], bytes]:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
    }
    seen: dict[str, object] = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return str(seen["status"]), seen["headers"], body  # type: ignore[return-value]


def test_the_served_app_serves_static_files_and_passes_the_rest_to_django(
    run, db, server, browser, settings, tmp_path
):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "probe.css").write_text("body { color: teal; }")
    settings.STATICFILES_DIRS = [tmp_path]
    assert run("serve", "--no-browser").code == 0
    app = server[0]["app"]

    status, headers, body = _call(app, "/static/css/probe.css")
    assert status.startswith("200")
    assert body == b"body { color: teal; }"
    assert headers["Content-Type"].startswith("text/css")

    status, _, body = _call(app, "/healthz")
    assert status.startswith("200")
    assert b'"status": "ok"' in body


def test_the_served_app_serves_the_manifest_and_the_service_worker(run, db, server, browser):
    assert run("serve", "--no-browser").code == 0
    app = server[0]["app"]
    status, headers, body = _call(app, "/static/web/manifest.webmanifest")
    assert status.startswith("200")
    assert headers["Content-Type"] == "application/manifest+json"
    assert b'"start_url": "/"' in body
    status, headers, _ = _call(app, "/sw.js")
    assert status.startswith("200")
    assert headers["Content-Type"].startswith("application/javascript")
    assert headers["Service-Worker-Allowed"] == "/"


def test_static_files_are_nosniff_and_keep_their_cache_for_a_signed_in_browser(
    run, db, server, browser, settings, tmp_path, user
):
    (tmp_path / "probe.js").write_text("console.log(1);")
    settings.STATICFILES_DIRS = [tmp_path]
    assert run("serve", "--no-browser").code == 0
    app = server[0]["app"]

    status, headers, _ = _call(app, "/static/probe.js")
    assert status.startswith("200")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age=" in headers["Cache-Control"]
    assert "no-store" not in headers["Cache-Control"]
    # Django's own responses get nosniff from SecurityMiddleware, through the same app.
    _, page_headers, _ = _call(app, "/healthz")
    assert page_headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.sqlite
@pytest.mark.django_db(transaction=True)
def test_serve_takes_the_days_automatic_backup_unless_told_not_to(
    run, server, browser, settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    folder = tmp_path / "backups" / "automatic"

    skipped = run("serve", "--no-browser", "--no-backup")
    assert skipped.code == 0 and not folder.exists()

    first = run("serve", "--no-browser")
    again = run("serve", "--no-browser")

    assert first.code == again.code == 0
    taken = list(folder.iterdir())
    assert len(taken) == 1 and taken[0].stat().st_size > 0
    assert f"Backed up the database to {taken[0]}" in first.out
    assert "Backed up" not in again.out


def test_a_failed_automatic_backup_is_said_and_the_app_still_starts(
    run, db, server, browser, monkeypatch
):
    from coffeechat.services.data.backups import BackupError

    def fail():
        raise BackupError("the disk is full")

    monkeypatch.setattr("coffeechat.cli.backups.take_automatic_backup", fail)
    result = run("serve", "--no-browser")

    assert result.code == 0
    assert "The automatic backup was not taken: the disk is full" in result.err
    assert len(server) == 1


def test_a_second_serve_opens_the_running_one_instead_of_failing(
    run, db, server, browser, monkeypatch, settings
):
    from coffeechat.config import data_fingerprint

    seen = []

    def same_data(base):
        seen.append(base)
        return {"app": "coffeechat", "data": data_fingerprint(settings.DATA_DIR)}

    monkeypatch.setattr("coffeechat.cli.serve.running_at", same_data)
    result = run("serve", "--port", "8123")

    assert result.code == 0
    assert seen == ["http://127.0.0.1:8123"]
    assert "coffeechat is already running on http://127.0.0.1:8123/." in result.out
    url = LINK.search(result.out).group(1)
    assert browser == [url]
    assert server == []  # no second server
    secret = url.rstrip("/").rsplit("/", 1)[1]
    assert redeem_sign_in_link(secret, timezone.now()) is not None


@pytest.mark.parametrize("answer", [{}, {"app": "coffeechat", "data": "other-data-dir"}])
def test_another_program_on_the_port_is_a_clear_failure(
    run, db, server, browser, monkeypatch, answer
):
    monkeypatch.setattr("coffeechat.cli.serve.running_at", lambda base: answer)
    result = run("serve", "--no-browser")

    assert result.code == 1
    assert "another program is already running on http://127.0.0.1:8000" in result.err
    assert server == [] and browser == []


def test_the_running_page_names_the_app_and_its_data(client, settings, tmp_path):
    from coffeechat.config import data_fingerprint

    settings.DATA_DIR = tmp_path
    answer = client.get("/running/").json()
    assert answer == {"app": "coffeechat", "data": data_fingerprint(settings.DATA_DIR)}
    assert str(tmp_path) not in str(answer)


def test_running_at_reads_a_real_server_and_tells_nothing_from_something(live_server):
    from coffeechat.cli.serve import running_at

    assert running_at(live_server.url)["app"] == "coffeechat"
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    assert running_at(f"http://127.0.0.1:{free}") is None
