"""The JSON API under /api/v1/: one router per resource, thin endpoints over services.

Docs at /api/v1/docs, the schema at /api/v1/openapi.json.
"""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI, Swagger

from coffeechat.api import (
    career_paths,
    contacts,
    conversations,
    organizations,
    plans,  # prep area
    profile,
    today,
)
from coffeechat.api import exports as export_api  # targets area (issue 3)
from coffeechat.api import network as network_api
from coffeechat.api.action_items import router as action_items_router  # reflection (issue 6)
from coffeechat.api.auth import BearerToken, SessionWithCsrf, install_error_handlers
from coffeechat.api.common import ObjectBodyParser
from coffeechat.api.reflection import router as reflection_router  # reflection (issue 6)


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


api = NinjaAPI(
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

api.add_router("/profile", profile.router)
api.add_router("/today", today.router)
api.add_router("/network", network_api.router)
api.add_router("/contacts", contacts.router)
api.add_router("/organizations", organizations.router)
api.add_router("/career-paths", career_paths.router)
api.add_router("/conversations", conversations.router)
# Scheduling: slots and the invite, beside the conversations router (distinct paths).
from coffeechat.api import scheduling  # noqa: E402

api.add_router("/conversations", scheduling.router)
# reflection (issue 6)
api.add_router("/career-paths", reflection_router)
api.add_router("/action-items", action_items_router)

# -- prep area: question plans and interview notes per conversation, the question bank
api.add_router("/conversations", plans.router)
api.add_router("/questions", plans.bank_router)

# outreach
from coffeechat.api import outreach  # noqa: E402

api.add_router("/outreach", outreach.router)

# imports: POST /imports/{kind}, GET /imports/batches, POST /imports/batches/{id}/undo
from coffeechat.api import imports as import_api  # noqa: E402

api.add_router("/imports", import_api.router)
# -- targets area (issue 3) --
api.add_router("/export", export_api.router)

# Insights (note search) and statistics
from coffeechat.api import insights as insights_api  # noqa: E402
from coffeechat.api import stats as stats_api  # noqa: E402

api.add_router("/insights", insights_api.router)
api.add_router("/stats", stats_api.router)

from coffeechat.api import trash as trash_api  # noqa: E402

api.add_router("/trash", trash_api.router)
