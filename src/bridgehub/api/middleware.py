"""Refusing text the database cannot hold before it reaches an endpoint."""

from __future__ import annotations

import json
from typing import Any

from django.core.validators import ProhibitNullCharactersValidator
from django.http import JsonResponse


def _nul_at(value: Any, where: str) -> str | None:
    """Where in a decoded JSON body a string (or key) holds U+0000, if anywhere."""
    if isinstance(value, str):
        return where if "\x00" in value else None
    if isinstance(value, list):
        return next((found for index, item in enumerate(value) if (found := _nul_at(item, f"{where}[{index}]"))), None)
    if isinstance(value, dict):
        for key, item in value.items():
            place = f"{where}.{key}" if where else str(key)
            if "\x00" in str(key):
                return place
            if found := _nul_at(item, place):
                return found
    return None


class RefuseNulCharacters:
    """PostgreSQL can neither store nor compare text holding U+0000: such a body was a server error
    (found by the schema fuzzer). Forms refuse it with Django's own validator; API bodies are refused
    here with a 422 naming the place, and nothing is written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and request.method in ("POST", "PUT", "PATCH") and request.body:
            try:
                body = json.loads(request.body)
            except (ValueError, UnicodeDecodeError):
                body = None  # the endpoint answers unreadable bodies itself
            where = _nul_at(body, "")
            if where is not None:
                # The words of Django's own validator, so the page and the API refuse it alike.
                message = ProhibitNullCharactersValidator.message
                return JsonResponse({"detail": f"{where.replace(chr(0), '�') or 'body'}: {message}"}, status=422)
        return self.get_response(request)
