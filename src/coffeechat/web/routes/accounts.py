"""Signing in and out, the password, and the profile with its rules."""

from django.urls import path

from coffeechat.web.views import auth, profile

urlpatterns = [
    path("signin/<str:secret>/", auth.sign_in_with_link, name="sign_in_link"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("running/", auth.running, name="running"),
    path("settings/password/", auth.password, name="password"),
    path("logout/", auth.logout_view, name="logout"),
    path("profile/", profile.edit_profile, name="profile"),
    path("profile/rules/", profile.edit_rules, name="rules"),
]
