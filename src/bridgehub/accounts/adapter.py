from allauth.account.adapter import DefaultAccountAdapter

from bridgehub.common.mail import deliver


class AccountAdapter(DefaultAccountAdapter):
    """allauth's mails (address confirmation, password reset) leave like every other mail: a mail
    server that is down is retried later instead of failing the sign-up that already saved the account."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        full_context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        deliver(self.render_mail(template_prefix, email, full_context))
