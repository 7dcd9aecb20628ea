"""Structured logs: one JSON line per request, without query strings, with the user's id only."""

import json
import logging

import pytest
from pythonjsonlogger.json import JsonFormatter

from tests.conftest import client_for


@pytest.mark.django_db
def test_each_request_is_one_json_line_without_the_query_string(world, caplog):
    caplog.set_level(logging.INFO, logger="bridgehub.request")
    client_for(world.owner).get("/directory/?q=Secret+Chips")
    record = next(r for r in caplog.records if r.name == "bridgehub.request")
    line = json.loads(JsonFormatter("%(levelname)s %(name)s %(message)s", timestamp=True).format(record))
    assert {key: line[key] for key in ("method", "path", "status", "user_id", "message")} == {
        "method": "GET", "path": "/directory/", "status": 200, "user_id": world.owner.pk, "message": "request"}
    assert line["ms"] >= 0 and "timestamp" in line
    assert "Secret" not in json.dumps(line) and "owner@example.com" not in json.dumps(line)


def test_an_unknown_log_format_is_refused(monkeypatch, tmp_path):
    from bridgehub.config import UnsafeConfiguration, load

    monkeypatch.setenv("BRIDGEHUB_LOG_FORMAT", "xml")
    with pytest.raises(UnsafeConfiguration, match="BRIDGEHUB_LOG_FORMAT"):
        load(tmp_path)
