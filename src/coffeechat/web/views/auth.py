from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.services.accounts import redeem_sign_in_link
from coffeechat.web.views.common import now


def sign_in_with_link(request: HttpRequest, secret: str) -> HttpResponse:
    """The link printed by ``coffeechat serve``: signs in once, then stops working."""
    user = redeem_sign_in_link(secret, now())
    if user is None:
        context = {"reason": "This sign-in link has been used or has expired."}
        return render(request, "web/link_expired.html", context, status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Signed in. Welcome to coffeechat.")
    return redirect("web:today")


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("web:login")
