"""Property-based run over the whole OpenAPI schema (Schemathesis), authenticated: no input it
generates may produce a server error, an undocumented status or a response that breaks the schema.
Examples are bounded (25 per operation) and derandomised so `make test` stays fast and repeatable."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from bridgehub.accounts.domain.tokens import issue_token


@pytest.fixture
def api_schema(world):
    # As Django's own test client does: a request must not close the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_server_error_and_no_schema_violation(case, world):
    # Each generated request is sent as an organisation admin and as a hub operator (the two
    # kinds of token whose answers differ most).
    for user in (world.owner, world.tokyo_operator):
        _token, raw = issue_token(user=user, name="fuzz")
        case.call_and_validate(headers={"Authorization": f"Bearer {raw}"},
                               checks=[not_a_server_error, response_schema_conformance, status_code_conformance,
                                       content_type_conformance])
