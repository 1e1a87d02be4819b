"""Django settings for coffeechat, read from the environment through ``config``."""

from __future__ import annotations

import os

from csp.constants import NONE, SELF

from coffeechat import config

DATA_DIR = config.data_dir()
SECRET_KEY = config.secret_key(DATA_DIR)
DEBUG = config.env_bool("COFFEECHAT_DEBUG", default=False)
ALLOWED_HOSTS = config.env_list("COFFEECHAT_ALLOWED_HOSTS", "127.0.0.1,localhost")
SMTP_URL = os.environ.get("COFFEECHAT_SMTP_URL", "")
# HTTPS behind a reverse proxy (COFFEECHAT_HTTPS): Secure cookies, HSTS, the proxy
# header, the redirect; nothing for the personal default (loopback, plain http).
HTTPS = config.env_bool("COFFEECHAT_HTTPS", default=False)
BASE_URL = config.base_url(https=HTTPS)
# The address people open is trusted for CSRF, whatever Host the proxy passes on.
CSRF_TRUSTED_ORIGINS = [
    *config.env_list("COFFEECHAT_CSRF_TRUSTED_ORIGINS", ""),
    config.origin(BASE_URL),
]
CLIENT_ADDRESS_FROM_PROXY = False
globals().update(config.https_settings())
# Wrong passwords and API tokens allowed before 429 (services.accounts.throttle).
SIGN_IN_LIMITS = config.sign_in_limits()

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "coffeechat.core",
    "coffeechat.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "coffeechat.web.middleware.PrivateResponsesNotCachedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "coffeechat.web.middleware.UserTimeZoneMiddleware",
    "coffeechat.web.middleware.NotFoundMiddleware",
]

ROOT_URLCONF = "coffeechat.urls"
WSGI_APPLICATION = "coffeechat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # ninja's Swagger UI page (see NINJA_FILES).
        "DIRS": [config.NINJA_FILES / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coffeechat.web.context.navigation",
            ],
        },
    }
]

DATABASES = {"default": config.database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:today"
LOGOUT_REDIRECT_URL = "web:login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [config.NINJA_FILES / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Every page, the API docs included, loads only what this server serves: no
# inline script, no inline style, no other origin (docs/configuration.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
