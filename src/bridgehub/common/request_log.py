"""One structured log line per request: what was asked, the answer, how long it took, by whom.

The path is logged without its query string (searches can hold names) and never with a body.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger("bridgehub.request")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not log.isEnabledFor(logging.INFO):
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        log.info("request", extra={
            "method": request.method, "path": request.path, "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "user_id": user.pk if user is not None and user.is_authenticated else None,
        })
        return response
