"""Import (preview → commit) and export of organisations and people."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_safe

from bridgehub.common.uploads import UploadTooLarge
from bridgehub.directory.domain import exports
from bridgehub.directory.domain.imports import (
    ORGANISATION_COLUMNS,
    PEOPLE_COLUMNS,
    ImportRejected,
    cancel_import,
    preview_import,
    request_commit,
)
from bridgehub.directory.domain.tabular import UnreadableFile
from bridgehub.directory.enums import ApprovalStatus, ImportKind, ImportStatus
from bridgehub.directory.models import ImportBatch, Organisation, Person
from bridgehub.hubs.domain.queries import hubs_operated_by
from bridgehub.manage.views.common import operator_view


class UploadForm(forms.Form):
    kind = forms.ChoiceField(choices=ImportKind.choices, label=gettext_lazy("what the file holds"))
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))


@csrf_exempt  # only so the size cap is installed before the body is read; csrf_protect runs below
def import_list(request, hub: str):
    request.upload_handlers.insert(0, UploadTooLarge(request, max_bytes=settings.IMPORT_MAX_BYTES))
    return _import_list(request, hub)


@operator_view
@csrf_protect
def _import_list(request, hub):
    form = UploadForm(request.POST or None, request.FILES or None)
    upload_error = ""
    if getattr(request, "upload_too_large", False):
        form = UploadForm(None)
        upload_error = _("The file is larger than %(max)s; split it into smaller files.") % {
            "max": filesizeformat(settings.IMPORT_MAX_BYTES)}
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = preview_import(user=request.user, hub=hub, kind=form.cleaned_data["kind"],
                                   filename=upload.name, content=upload.read())
        except UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("manage:import_detail", hub=hub.slug, batch_id=batch.pk)
    return render(request, "manage/imports.html", {
        "hub": hub, "form": form, "operated_hubs": hubs_operated_by(request.user), "upload_error": upload_error,
        "batches": ImportBatch.objects.filter(hub=hub).select_related("created_by")[:50],
        "organisation_columns": ORGANISATION_COLUMNS, "people_columns": PEOPLE_COLUMNS,
    })


ERRORS_PER_PAGE = 100


@operator_view
def import_detail(request, hub, batch_id: int):
    batch = ImportBatch.objects.filter(hub=hub, pk=batch_id).first()
    if batch is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                cancel_import(user=request.user, batch=batch)
                messages.success(request, _("Import cancelled; nothing was written."))
            elif request_commit(user=request.user, batch=batch, only_good_rows=action == "commit_good"):
                messages.info(request, _("The rows are being written in the background; this page shows the "
                                         "result when it is done."))
            else:
                messages.info(request, _("This import is already being written."))
        except (ImportRejected, PermissionDenied) as exc:
            messages.error(request, _("Nothing was written: %(reason)s") % {"reason": exc})
        return redirect("manage:import_detail", hub=hub.slug, batch_id=batch.pk)
    errors = Paginator(batch.errors, ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "manage/import_detail.html", {
        "hub": hub, "batch": batch, "operated_hubs": hubs_operated_by(request.user), "page": errors,
    })


@operator_view
@require_safe
def import_progress(request, hub, batch_id: int):
    """Polled by the import page (htmx) while the worker writes the rows; the page reloads when it ends."""
    batch = ImportBatch.objects.filter(hub=hub, pk=batch_id).first()
    if batch is None:
        raise Http404
    response = render(request, "manage/_import_progress.html", {"hub": hub, "batch": batch})
    if batch.status != ImportStatus.COMMITTING:
        response["HX-Refresh"] = "true"
    return response


@operator_view
@require_safe
def export(request, hub, kind: str, fmt: str):
    if kind not in ImportKind.values or fmt not in ("csv", "xlsx"):
        raise Http404
    if kind == ImportKind.ORGANISATIONS:
        queryset = Organisation.objects.filter(hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED)
        columns, rows = ORGANISATION_COLUMNS, exports.organisation_rows(queryset.order_by("name"))
    else:
        queryset = Person.objects.filter(affiliations__organisation__hub_links__hub=hub,
                                         affiliations__organisation__hub_links__status=ApprovalStatus.APPROVED)
        columns, rows = PEOPLE_COLUMNS, exports.people_rows(queryset.distinct().order_by("name"), request.user)
    if fmt == "csv":
        body, content_type = exports.to_csv(columns, rows), "text/csv; charset=utf-8"
    else:
        body = exports.to_xlsx(columns, rows)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{hub.slug}-{kind}.{fmt}"'
    return response
