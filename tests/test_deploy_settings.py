"""HTTPS behind a reverse proxy: `check --deploy` passes, and the personal default is
still plain http on loopback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.urls import reverse

from coffeechat import config

SECRET = "k3Jq9vX2pL7mN4rT8wZ1cF6hB0yD5sG-aE_uI3oP9qR2tV7xW4zA1"  # 53 characters, varied
PROXY = {
    "COFFEECHAT_HTTPS": "true",
    "COFFEECHAT_BASE_URL": "https://coffeechat.example.edu/",
    "COFFEECHAT_ALLOWED_HOSTS": "coffeechat.example.edu",
    "COFFEECHAT_SECRET_KEY": SECRET,
}


def check_deploy(tmp_path, extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for the live
        # server; a deployment never has it, and check --deploy refuses it.
        if not key.startswith("COFFEECHAT_")
        and key not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        COFFEECHAT_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="coffeechat.settings", **extra
    )
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_the_documented_proxy_settings(tmp_path):
    result = check_deploy(tmp_path, PROXY)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_check_deploy_names_what_the_personal_default_lacks(tmp_path):
    result = check_deploy(tmp_path, {})

    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr, check


def test_including_subdomains_is_the_operators_choice_and_then_sent(tmp_path, monkeypatch):
    monkeypatch.setenv("COFFEECHAT_HTTPS", "1")
    assert config.https_settings()["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    monkeypatch.setenv("COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS", "yes")
    assert config.https_settings()["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    everything = {**PROXY, "COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS": "yes"}
    assert check_deploy(tmp_path, everything).returncode == 0


def test_the_base_urls_origin_is_trusted_for_csrf():
    assert config.origin("https://coffeechat.example.edu/app/") == "https://coffeechat.example.edu"


def test_https_needs_an_https_base_url(monkeypatch):
    monkeypatch.setenv("COFFEECHAT_BASE_URL", "http://coffeechat.example.edu/")
    with pytest.raises(config.ConfigError, match="COFFEECHAT_BASE_URL must be the https://"):
        config.base_url(https=True)
    assert config.base_url(https=False) == "http://coffeechat.example.edu/"


@pytest.mark.parametrize("value", ["coffeechat.example.edu", "ftp://x.example/", "https://"])
def test_a_base_url_that_is_no_web_address_is_refused(monkeypatch, value):
    monkeypatch.setenv("COFFEECHAT_BASE_URL", value)
    with pytest.raises(config.ConfigError, match="COFFEECHAT_BASE_URL"):
        config.base_url(https=False)


@pytest.mark.parametrize("value", ["a year", "-1", "1.5"])
def test_a_malformed_hsts_duration_is_refused(monkeypatch, value):
    monkeypatch.setenv("COFFEECHAT_HTTPS", "true")
    monkeypatch.setenv("COFFEECHAT_HSTS_SECONDS", value)
    with pytest.raises(config.ConfigError, match="COFFEECHAT_HSTS_SECONDS"):
        config.https_settings()


def test_the_personal_default_is_plain_http_with_nothing_forced(client, user, settings):
    assert not settings.SESSION_COOKIE_SECURE and not settings.SECURE_SSL_REDIRECT
    assert settings.SECURE_PROXY_SSL_HEADER is None and not settings.SECURE_HSTS_SECONDS
    assert not settings.CLIENT_ADDRESS_FROM_PROXY
    assert config.origin(settings.BASE_URL) in settings.CSRF_TRUSTED_ORIGINS

    response = client.post(
        reverse("web:login"), {"username": "ada", "password": "correct horse battery staple"}
    )

    assert response.status_code == 302 and "Strict-Transport-Security" not in response
    assert not response.cookies["sessionid"]["secure"]


@pytest.fixture
def behind_proxy(settings, monkeypatch):
    monkeypatch.setenv("COFFEECHAT_HTTPS", "true")
    for name, value in config.https_settings().items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["coffeechat.example.edu"]
    return {"HTTP_HOST": "coffeechat.example.edu"}


def test_behind_the_proxy_plain_http_is_redirected_except_healthz(client, db, behind_proxy):
    response = client.get("/login/", **behind_proxy)

    assert response.status_code == 301
    assert response["Location"] == "https://coffeechat.example.edu/login/"
    assert client.get("/healthz", **behind_proxy).status_code == 200


def test_behind_the_proxy_https_gets_hsts_and_secure_cookies(client, user, behind_proxy):
    forwarded = {**behind_proxy, "HTTP_X_FORWARDED_PROTO": "https"}
    password = "correct horse battery staple"

    response = client.post(
        reverse("web:login"), {"username": "ada", "password": password}, **forwarded
    )

    assert response.status_code == 302
    assert response["Strict-Transport-Security"] == "max-age=31536000"
    assert response.cookies["sessionid"]["secure"] and response.cookies["csrftoken"]["secure"]
