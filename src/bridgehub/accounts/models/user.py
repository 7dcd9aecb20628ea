import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bridgehub.accounts.enums import DEFAULT_MODES


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(zone)s is not a known time zone."), params={"zone": value})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        if not email:
            raise ValueError("an e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in. Identity is the e-mail address; the public face is a Person."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Tokyo",
                                 validators=[validate_time_zone])
    # The interface language after login and the only language of every e-mail to this person.
    # Taken from the browser at sign-up; the language switcher and the settings page change it.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    # {topic: mode} for the topics a person changed (accounts.enums.MailTopic / MailMode); absent = at once.
    mail_preferences = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Set when the person deleted their account: the row stays (meetings and introductions others
    # keep point at it) but holds no personal field any more.
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return str(self.public_name)

    def mail_mode(self, topic: str) -> str:
        return str(self.mail_preferences.get(topic, DEFAULT_MODES.get(topic, "instant")))

    @property
    def public_name(self) -> str:
        """What other people see: the display name. The login e-mail is never shown to anyone else."""
        if self.deleted_at is not None:
            return str(_("deleted member"))
        return self.display_name or str(_("member %(number)s") % {"number": self.pk})
