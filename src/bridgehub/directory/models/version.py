from django.db import models
from django.db.models import F


class DirectoryVersion(models.Model):
    """One row whose counter moves on every change of listing facts.

    Each web process compares it with the version its in-memory listing index was built
    from (a primary-key read per request); see directory.domain.listing_index.
    """

    counter = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"directory version {self.counter}"

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(counter=F("counter") + 1):
            cls.objects.get_or_create(pk=1)

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("counter", flat=True).first() or 0
