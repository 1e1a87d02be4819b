"""The JSON API under /api/v1/: routers per area, thin endpoints over services.

Docs at /api/v1/docs, the schema at /api/v1/openapi.json.
"""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI, Router, Swagger

from coffeechat.api import (
    action_items,
    career_paths,
    contacts,
    conversations,
    exports,
    imports,
    insights,
    network,
    organizations,
    outreach,
    plans,
    profile,
    reflection,
    scheduling,
    stats,
    today,
    trash,
)
from coffeechat.api.auth import BearerToken, SessionWithCsrf, install_error_handlers
from coffeechat.api.common import ObjectBodyParser, document_answers_before_the_endpoint

# Every prefix once, with its routers: where areas share a prefix (a conversation's
# slots, invite and question plan live under /conversations/{id}/), each keeps its
# own router, so its endpoints keep their own tag in the docs.
ROUTERS: dict[str, tuple[Router, ...]] = {
    "/profile": (profile.router,),
    "/today": (today.router,),
    "/network": (network.router,),
    "/contacts": (contacts.router,),
    "/organizations": (organizations.router,),
    "/career-paths": (career_paths.router, reflection.router),
    "/conversations": (conversations.router, scheduling.router, plans.router),
    "/questions": (plans.bank_router,),
    "/action-items": (action_items.router,),
    "/outreach": (outreach.router,),
    "/imports": (imports.router,),
    "/export": (exports.router,),
    "/insights": (insights.router,),
    "/stats": (stats.router,),
    "/trash": (trash.router,),
}


class OfflineSwagger(Swagger):
    """Swagger UI from the files ninja ships, never its CDN page.

    ninja renders its CDN page unless it is listed as an app; coffeechat adds
    its template and static folders instead (see ``config.NINJA_FILES``).
    """

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {
            "swagger_settings": json.dumps(self.settings, indent=1),
            "api": api,
            # As ninja decides it: the page sends the CSRF token when an auth checks it.
            "add_csrf": any(getattr(auth, "csrf", False) for auth in api.auth),
        }
        return render(request, self.template, context)


class CoffeechatAPI(NinjaAPI):
    """The schema also lists what ninja answers before an endpoint runs."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        return document_answers_before_the_endpoint(super().get_openapi_schema(*args, **kwargs))


api = CoffeechatAPI(
    title="coffeechat API",
    version="1",
    docs_url="/docs",
    # No online validator badge: the page must work with no network.
    docs=OfflineSwagger(settings={"validatorUrl": None}),
    description=(
        "Run the informational-interview process: profile, contacts, organizations, "
        "career paths, conversations and the Today list. Authenticate with "
        "`Authorization: Bearer <token>` or the web app's session (then send the CSRF "
        'token on writes). Errors are JSON: `{"message": ...}`, and refused input adds '
        '`"errors": {field: [messages]}` with status 422.'
    ),
    auth=[BearerToken(), SessionWithCsrf()],
    parser=ObjectBodyParser(),
)
install_error_handlers(api)


for _prefix, _routers in ROUTERS.items():
    for _router in _routers:
        api.add_router(_prefix, _router)
