"""Stand-ins for the one thing outside our code that e-mail depends on: a mail server."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class DownMailServer(BaseEmailBackend):
    """A mail server that cannot be reached."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
