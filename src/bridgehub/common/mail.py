"""E-mails in all three interface languages (we keep no reading language per person yet), sent
with an English subject."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation

LANGUAGES = ("zh-hant", "ja", "en")


def _trilingual(build: Callable[[], str]) -> str:
    parts = []
    for language in LANGUAGES:
        with translation.override(language):
            parts.append(build())
    return "\n\n---\n\n".join(parts)


def send_trilingual(subject: Callable[[], str], body: Callable[[], str], to: Iterable[str],
                    attachments: Iterable[tuple[str, bytes, str]] = ()) -> None:
    recipients = sorted({address for address in to if address})
    if not recipients:
        return
    with translation.override("en"):
        english_subject = subject()
    message = EmailMessage(f"[bridgehub] {english_subject}", _trilingual(body), settings.DEFAULT_FROM_EMAIL,
                           recipients)
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()

