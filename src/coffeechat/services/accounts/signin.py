"""Signing in: the personal user, one-time sign-in links and API tokens."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from coffeechat.core.models import ApiToken, Profile, SignInLink, SmtpSettings, hash_secret
from coffeechat.services.errors import InvalidInput

SIGN_IN_LINK_LIFETIME = timedelta(minutes=15)
PERSONAL_USERNAME = "me"


def ensure_personal_user() -> AbstractBaseUser:
    """The single user of a personal install: the first account, created if none."""
    user_model = get_user_model()
    user = user_model.objects.order_by("id").first()
    if user is None:
        try:
            with transaction.atomic():
                user = user_model.objects.create_user(username=PERSONAL_USERNAME)
                user.set_unusable_password()
                user.save()
        except IntegrityError:
            # Another process starting on the same new data directory made it first.
            user = user_model.objects.get(username=PERSONAL_USERNAME)
    ensure_profile(user)
    return user


def password_form(user: Any, data: Any = None) -> Any:
    """Django's own form: set a first password (the personal account has none), or
    change one, which asks for the current password first."""
    from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm

    form_class = PasswordChangeForm if user.has_usable_password() else SetPasswordForm
    return form_class(user, data, label_suffix="")  # the labels of every other form


def set_password(user: Any, data: Any) -> Any:
    """Save the password from ``data`` (``new_password1``/``2``, and ``old_password``
    when one is set), checked by Django's validators; InvalidInput changes nothing."""
    form = password_form(user, data)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    return form.save()


def ensure_profile(user: AbstractBaseUser) -> Profile:
    profile, _ = Profile.objects.get_or_create(owner=user)
    return profile


def sender_address(user: AbstractBaseUser) -> str:
    """The address messages and invites come from; empty when the user gave none.

    The profile's email first (the one the user chose to show), then the mail
    server's From, then the account's email (set by ``createuser --email``).
    """
    profile_email = ensure_profile(user).email
    if profile_email:
        return profile_email
    smtp_from = (
        SmtpSettings.objects.filter(owner=user).values_list("from_address", flat=True).first()
    )
    return smtp_from or getattr(user, "email", "") or ""


def create_user(username: str, password: str, email: str = "") -> AbstractBaseUser:
    """An account for a team deployment; the password is checked by Django's validators."""
    user_model = get_user_model()
    username = username.strip()
    if not username:
        raise InvalidInput({"username": ["A username is required."]})
    if user_model.objects.filter(username=username).exists():
        raise InvalidInput({"username": [f"The username '{username}' is taken."]})
    candidate = user_model(username=username, email=email)
    try:
        validate_password(password, candidate)
    except ValidationError as exc:
        raise InvalidInput({"password": list(exc.messages)}) from exc
    with transaction.atomic():
        user = user_model.objects.create_user(username=username, email=email, password=password)
        Profile.objects.create(owner=user, email=email)
    return user


def create_sign_in_link(user: AbstractBaseUser, now: datetime) -> str:
    """A fresh one-time secret; only its hash is stored."""
    secret = secrets.token_urlsafe(32)
    SignInLink.objects.create(
        owner=user, token_hash=hash_secret(secret), expires_at=now + SIGN_IN_LINK_LIFETIME
    )
    return secret


def redeem_sign_in_link(secret: str, now: datetime) -> AbstractBaseUser | None:
    """The link's user if it is unused and unexpired; it cannot be used twice."""
    with transaction.atomic():
        link = (
            SignInLink.objects.select_related("owner")
            .filter(token_hash=hash_secret(secret), used_at__isnull=True, expires_at__gt=now)
            .first()
        )
        if link is None:
            return None
        # The conditional update makes two simultaneous clicks redeem it once.
        claimed = SignInLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now)
    return link.owner if claimed else None


def create_api_token(user: AbstractBaseUser, name: str = "personal token") -> str:
    secret = "cc_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(owner=user, name=name[:100], token_hash=hash_secret(secret))
    return secret


def user_for_api_token(secret: str, now: datetime) -> AbstractBaseUser | None:
    token = ApiToken.objects.select_related("owner").filter(token_hash=hash_secret(secret)).first()
    if token is None or not token.owner.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.owner
