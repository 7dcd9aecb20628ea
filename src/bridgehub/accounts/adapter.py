from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from bridgehub.common.mail import deliver


class AccountAdapter(DefaultAccountAdapter):
    """allauth's mails (address confirmation, password reset) leave like every other mail: in the
    recipient's language (the account's, else the page's), and a mail server that is down is retried
    later instead of failing the sign-up that already saved the account."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        from bridgehub.accounts.models import User

        request = allauth_context.request
        full_context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        account = User.objects.filter(email=email.lower()).only("language").first()
        with translation.override(account.language if account is not None else translation.get_language()):
            message = self.render_mail(template_prefix, email, full_context)
        deliver(message)

    def save_user(self, request, user, form, commit=True):
        """A new account reads the interface in the language the browser (or the switcher) chose."""
        language = getattr(request, "LANGUAGE_CODE", "") or translation.get_language()
        user.language = translation.get_supported_language_variant(language)
        return super().save_user(request, user, form, commit=commit)
