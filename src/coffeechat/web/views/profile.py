from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from coffeechat.domain.types import RuleSettings
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.contacts import actions as crm
from coffeechat.services.errors import InvalidInput
from coffeechat.services.forms import ProfileForm
from coffeechat.services.today.due_list import rule_settings, update_rule_settings


def _rules_form(
    *,
    initial: dict[str, object] | None = None,
    data: dict[str, object] | None = None,
    errors: dict[str, list[str]] | None = None,
) -> forms.Form:
    """A form for the rule numbers, built from RuleSettings so the two cannot drift."""
    form = forms.Form(data=data, initial=initial)
    for name, help_text in RuleSettings.field_help().items():
        form.fields[name] = forms.IntegerField(
            label=name.replace("_", " ").capitalize(), help_text=help_text, min_value=0
        )
    if data is not None:
        form.is_valid()
        for field, field_errors in (errors or {}).items():
            for message in field_errors:
                form.add_error(field if field in form.fields else None, message)
    return form


@login_required
def edit_profile(request: HttpRequest) -> HttpResponse:
    profile = ensure_profile(request.user)
    form = ProfileForm(instance=profile)
    status = 200
    if request.method == "POST":
        try:
            crm.update_profile(request.user, request.POST)
        except InvalidInput as exc:
            form, status = exc.form, 422
        else:
            messages.success(request, "Profile saved.")
            return redirect("web:profile")
    rules = _rules_form(initial=vars_of(rule_settings(profile)))
    return render(
        request, "web/accounts/profile.html", {"form": form, "rules": rules}, status=status
    )


def vars_of(settings: RuleSettings) -> dict[str, object]:
    return {name: getattr(settings, name) for name in RuleSettings.field_help()}


@login_required
def edit_rules(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return redirect("web:profile")
    submitted = {key: value for key, value in request.POST.items() if key != "csrfmiddlewaretoken"}
    try:
        update_rule_settings(request.user, submitted)
    except InvalidInput as exc:
        form = ProfileForm(instance=ensure_profile(request.user))
        rules = _rules_form(data=submitted, errors=exc.errors)
        context = {"form": form, "rules": rules, "rules_failed": True}
        return render(request, "web/accounts/profile.html", context, status=422)
    messages.success(request, "Rule settings saved. Today uses them from now on.")
    return redirect("/profile/#rules")
