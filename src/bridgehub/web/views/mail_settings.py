"""The language switcher (which remembers a signed-in person's choice) and one-click unsubscribe."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from bridgehub.accounts.domain.mailing import read_unsubscribe_token, set_mail_mode
from bridgehub.accounts.enums import MailMode, MailTopic
from bridgehub.accounts.models import User


@require_POST
def set_language(request):
    """Django's switcher (cookie, redirect back), and the account's language so that it follows the
    person to their other devices and into their e-mails."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


# The signed link is the credential (it names one account and one topic and cannot be forged); mail
# programs send RFC 8058 one-click POSTs without a session or a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    found = read_unsubscribe_token(token)
    user = User.objects.filter(pk=found[0], deleted_at=None).first() if found else None
    if found is None or user is None:
        raise Http404
    topic = MailTopic(found[1])
    done = request.method == "POST"
    if done:
        set_mail_mode(user, topic, MailMode.OFF)
    return render(request, "web/unsubscribe.html", {"topic": topic, "done": done})
