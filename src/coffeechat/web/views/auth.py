from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.config import data_fingerprint
from coffeechat.services.accounts import throttle
from coffeechat.services.accounts.signin import password_form, redeem_sign_in_link, set_password
from coffeechat.services.errors import InvalidInput
from coffeechat.web.client import client_address
from coffeechat.web.views.common import now


def sign_in_with_link(request: HttpRequest, secret: str) -> HttpResponse:
    """The link printed by ``coffeechat serve``: signs in once, then stops working."""
    user = redeem_sign_in_link(secret, now())
    if user is None:
        context = {"reason": "This sign-in link has been used or has expired."}
        return render(request, "web/accounts/link_expired.html", context, status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Signed in. Welcome to coffeechat.")
    return redirect("web:today")


class LoginView(auth_views.LoginView):
    """Username and password, throttled: after too many wrong passwords for the
    username or from the address, 429 with Retry-After, even for the right one."""

    template_name = "web/accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            throttle.check_password_attempt(
                request.POST.get("username", ""), client_address(request), now()
            )
        except throttle.TooManyAttempts as refused:
            context = self.get_context_data(form=self.get_form_class()(request), refused=refused)
            response = self.render_to_response(context, status=429)
            response["Retry-After"] = str(refused.retry_after)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: auth_views.AuthenticationForm) -> HttpResponse:
        throttle.forget_password_failures(form.cleaned_data["username"])
        return super().form_valid(form)

    def form_invalid(self, form: auth_views.AuthenticationForm) -> HttpResponse:
        username, password = form.data.get("username", ""), form.data.get("password", "")
        if username and password:  # a guess; an empty field is not one
            throttle.record_password_failure(username, client_address(self.request), now())
        return super().form_invalid(form)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("web:login")


def running(request: HttpRequest) -> JsonResponse:
    """Who is answering on this port: ``coffeechat serve`` asks before it starts a
    second server, and opens the browser here instead when the data is the same."""
    return JsonResponse({"app": "coffeechat", "data": data_fingerprint(settings.DATA_DIR)})


@login_required
def password(request: HttpRequest) -> HttpResponse:
    """Settings → Password: sign in again without the terminal's one-time link."""
    had_one = request.user.has_usable_password()
    form = password_form(request.user)
    status = 200
    if request.method == "POST":
        try:
            user = set_password(request.user, request.POST)
        except InvalidInput as exc:
            form, status = exc.form, 422
        else:
            update_session_auth_hash(request, user)  # stay signed in here
            messages.success(
                request,
                f"Password {'changed' if had_one else 'set'}. Sign in with "
                f"{user.get_username()} and this password after signing out.",
            )
            return redirect("web:password")
    context = {"form": form, "had_one": had_one, "section": "web:profile"}
    return render(request, "web/accounts/password.html", context, status=status)
