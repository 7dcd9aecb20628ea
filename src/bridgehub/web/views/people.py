"""People pages: the list, a person's profile, and editing one's own entry."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bridgehub.common.languages import CONTENT_LANGUAGE_CHOICES
from bridgehub.directory.domain import queries
from bridgehub.directory.domain.people import person_for_user, save_own_person
from bridgehub.directory.forms import PersonForm
from bridgehub.directory.models import Person

PAGE_SIZE = 30


def _person_card(user, person: Person) -> dict:
    language = translation.get_language()
    profile = queries.person_group_visible(user, person, person.profile_visibility)
    contact = queries.person_group_visible(user, person, person.contact_visibility)
    bio_language, bio = person.bio_for(language) if profile else ("", "")
    return {"person": person, "profile": profile, "contact": contact, "bio_language": bio_language, "bio": bio,
            "affiliations": list(person.affiliations.all()) if profile else []}


@require_safe
def people_list(request):
    queryset = queries.people_for_viewer(request.user)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        queryset = queries.people_named(queryset, query)
    page = Paginator(queryset.order_by("name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    people = queries.with_person_data(Person.objects.filter(pk__in=[p.pk for p in page.object_list]))
    cards = [_person_card(request.user, person) for person in people.order_by("name", "pk")]
    return render(request, "web/people.html", {"cards": cards, "page": page, "query": query})


@require_safe
def person_detail(request, person_id: int):
    person = queries.access_person_for_user(request.user, person_id)
    if person is None:
        raise Http404
    return render(request, "web/person.html", {"card": _person_card(request.user, person)})


@login_required
def edit_own_profile(request):
    person = person_for_user(request.user) or Person(name=request.user.display_name or "")
    form = PersonForm(request.POST or None, instance=person)
    bios = {language: request.POST.get(f"bio-{language}", person.bio.get(language, ""))
            for language, _name in CONTENT_LANGUAGE_CHOICES}
    if request.method == "POST" and form.is_valid():
        save_own_person(user=request.user, person=form.save(commit=False), bio=bios)
        messages.success(request, _("Your profile was saved."))
        return redirect("web:person", person_id=person.pk)
    bio_fields = [(language, name, bios[language]) for language, name in CONTENT_LANGUAGE_CHOICES]
    return render(request, "web/person_form.html", {"form": form, "bio_fields": bio_fields})
