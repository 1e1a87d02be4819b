"""Every API operation against its own OpenAPI schema, with schemathesis.

The schema comes from the app (``api.get_openapi_schema()``) and the generated
requests go through the Django WSGI application in process, signed in with a
bearer token of a user who has the demo campaign, so ids exist. A response fails
the test when it is a 5xx, has a status the operation does not document, or does
not match the documented body or content type.

The run is deterministic (``derandomize``) and small; set
``COFFEECHAT_FUZZ_EXAMPLES`` for more generated cases per operation (see
docs/development.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from coffeechat.api.app import api
from coffeechat.sample.demo import load_demo
from coffeechat.services.accounts.signin import create_api_token, create_user
from tests.conftest import NOW

# Once is enough: scripts/test's PostgreSQL pass (-m "not sqlite") would spend
# another minute sending the same requests through the same schema.
pytestmark = pytest.mark.sqlite

EXAMPLES = int(os.environ.get("COFFEECHAT_FUZZ_EXAMPLES", "5"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
application = get_wsgi_application()


@pytest.fixture
def wsgi_in_test_transaction():
    """The WSGI application without its connection cleanup around each request
    (Django's test client drops it too): closing the connection would end the
    test's transaction and lose the demo rows."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield application
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def bearer(django_db_setup, django_db_blocker) -> Iterator[dict[str, str]]:
    """A user with the demo campaign, written once for the module in a transaction
    that is rolled back at its end; each operation's test runs in a savepoint of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        user = create_user("fuzz", "correct horse battery staple")
        load_demo(user, NOW)
        yield {"Authorization": f"Bearer {create_api_token(user)}"}
        transaction.set_rollback(True)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_matches_its_schema(case, db, bearer, wsgi_in_test_transaction):
    case.call_and_validate(app=wsgi_in_test_transaction, headers=bearer, checks=CHECKS)
