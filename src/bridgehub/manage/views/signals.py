"""The hub's market signals for its operators: sources and their errors, uploads, aliases, the feed."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bridgehub.directory.enums import ApprovalStatus
from bridgehub.directory.models import Organisation
from bridgehub.exchanges.models import Programme, Round
from bridgehub.hubs.domain.queries import hubs_operated_by
from bridgehub.manage.views.common import operator_view
from bridgehub.signals.domain import queries
from bridgehub.signals.domain.follows import (
    SignalsError,
    add_alias,
    add_feed,
    pin_item,
    remove_alias,
    request_article,
    set_source_active,
    unpin,
)
from bridgehub.signals.domain.uploads import UploadError, upload_items
from bridgehub.signals.models import Alias, LinkReport, Pin, Source
from bridgehub.signals.tasks import poll_source_task

PAGE_SIZE = 30


@operator_view
@require_safe
def signals(request, hub):
    page = Paginator(queries.items_for_hub(hub.pk).order_by("-published_at", "-pk").annotate(
        copy_count=Count("copies", distinct=True)), PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(queries.with_feed_data(page.object_list).prefetch_related("pins__round", "pins__programme"))
    reports = (LinkReport.objects.filter(link__item__hub=hub).select_related("link__organisation", "link__item")
               .order_by("-created_at")[:50])
    return render(request, "manage/signals.html", {
        "hub": hub, "operated_hubs": hubs_operated_by(request.user), "nav_section": "signals",
        "sources": Source.objects.filter(hub=hub), "page": page, "items": items, "reports": reports,
        "aliases": Alias.objects.filter(hub=hub).select_related("organisation"),
        "organisations": Organisation.objects.filter(hub_links__hub=hub, hub_links__status=ApprovalStatus.APPROVED)
        .order_by("name").only("pk", "name"),
        "pin_targets": _pin_targets(hub),
    })


def _pin_targets(hub) -> list[tuple[str, str]]:
    """Where a story can be pinned: the hub's programmes (every round page) and its latest rounds."""
    targets = [(f"programme:{programme.pk}", _("Programme: %(name)s") % {"name": programme.label_for(get_language())})
               for programme in Programme.objects.filter(hub=hub).order_by("pk")]
    targets += [(f"round:{round_.pk}", _("Round: %(name)s") % {"name": round_.label_for(get_language())})
                for round_ in Round.objects.filter(programme__hub=hub).order_by("-starts_at")[:20]]
    return targets


@operator_view
@require_POST
def signals_action(request, hub):
    """One operator action, named by `action`: add_feed, add_article, upload, poll, pause, resume, pin, unpin,
    alias, unalias."""
    action = request.POST.get("action", "")
    try:
        if action == "add_feed":
            add_feed(user=request.user, hub=hub, name=request.POST.get("name", ""), url=request.POST.get("url", ""))
            messages.success(request, _("Feed added: the worker reads it now and every half hour."))
        elif action == "add_article":
            request_article(user=request.user, hub=hub, url=request.POST.get("url", ""))
            messages.success(request, _("The worker reads the article now; it appears in the feed below."))
        elif action == "upload":
            upload = request.FILES.get("file")
            if upload is None:
                raise SignalsError(_("Choose a CSV or JSON file."))
            result = upload_items(user=request.user, hub=hub, name=upload.name, content=upload.read())
            messages.success(request, _("%(added)s items added, %(copies)s copies of known stories, %(known)s "
                                        "already there.") % {"added": result.added, "copies": result.copies,
                                                             "known": result.already_known})
        elif action in ("poll", "pause", "resume"):
            source = Source.objects.filter(hub=hub, pk=request.POST.get("source") or 0).first()
            if source is None:
                raise SignalsError(_("No such source."))
            if action == "poll":
                poll_source_task.enqueue(source.pk)
                messages.success(request, _("The worker reads this feed now."))
            else:
                set_source_active(user=request.user, source=source, active=action == "resume")
        elif action == "pin":
            item = queries.items_for_hub(hub.pk).filter(pk=request.POST.get("item") or 0).first()
            kind, _sep, pk = request.POST.get("target", "").partition(":")
            model = {"round": Round, "programme": Programme}.get(kind)
            target = model.objects.filter(pk=pk).first() if model is not None and pk.isdigit() else None
            if item is None or target is None:
                raise SignalsError(_("Choose a story and a round or programme."))
            pin_item(user=request.user, item=item, target=target)
            messages.success(request, _("Pinned: members see the story on the round's page."))
        elif action == "unpin":
            pin = Pin.objects.filter(pk=request.POST.get("pin") or 0, item__hub=hub).first()
            if pin is None:
                raise SignalsError(_("No such pin."))
            unpin(user=request.user, pin=pin)
        elif action == "alias":
            organisation = Organisation.objects.filter(pk=request.POST.get("organisation") or 0).first()
            name = request.POST.get("name", "").strip()
            if organisation is None or not name:
                raise SignalsError(_("Choose an organisation and write the other name the news uses."))
            add_alias(user=request.user, hub=hub, organisation=organisation, name=name[:200])
            messages.success(request, _("Alias added: news from now on is linked through it too, and the last "
                                          "year's stories that use it are being linked now."))
        elif action == "unalias":
            alias = Alias.objects.filter(hub=hub, pk=request.POST.get("alias") or 0).first()
            if alias is None:
                raise SignalsError(_("No such alias."))
            remove_alias(user=request.user, alias=alias)
            messages.success(request, _("Alias removed: the links made through it are being removed now."))
        else:
            raise SignalsError(_("Unknown action."))
    except UploadError as error:
        messages.error(request, _("Nothing was added: %(problems)s") % {"problems": "; ".join(error.problems[:20])})
    except SignalsError as error:
        messages.error(request, str(error))
    return redirect("manage:signals", hub=hub.slug)
