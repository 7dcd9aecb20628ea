from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bridgehub.directory.enums import ImportKind, ImportStatus


class ImportBatch(models.Model):
    """One upload by a hub operator: its preview report and, once committed, what was written."""

    hub = models.ForeignKey("hubs.Hub", on_delete=models.CASCADE, related_name="import_batches")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("what"), max_length=16, choices=ImportKind.choices)
    filename = models.CharField(_("file"), max_length=255)
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices,
                              default=ImportStatus.PREVIEWED)
    total_rows = models.PositiveIntegerField(default=0)
    bad_rows = models.PositiveIntegerField(default=0)
    written_rows = models.PositiveIntegerField(default=0)
    # The raw rows (list of {column: text}) kept between preview and commit, and the per-cell report.
    rows = models.JSONField(default=list)
    errors = models.JSONField(default=list)
    # What the operator should know that is not an error: {"code": "encoding", "encoding": "cp932"} when
    # the CSV was not UTF-8, {"code": "ignored_columns", "columns": [...]} for columns we do not import.
    notices = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    # The operator's "import" is written by the background worker: who asked, when, for which rows, and
    # why the last attempt wrote nothing (the batch is back to "previewed" then).
    commit_requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                            on_delete=models.SET_NULL, related_name="+")
    commit_requested_at = models.DateTimeField(null=True, blank=True)
    commit_only_good = models.BooleanField(default=False)
    commit_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def good_rows(self) -> int:
        return self.total_rows - self.bad_rows
