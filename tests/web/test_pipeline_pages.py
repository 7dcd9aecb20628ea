"""The pipeline pages: a member records and confirms stages; the operator reads the funnel as of a date."""

import datetime as dt

import pytest
from django.utils import timezone

from bridgehub.pipeline.domain.history import history_changed
from bridgehub.pipeline.domain.relationships import open_relationship
from bridgehub.pipeline.models import RelationshipNote, StageEvent
from tests.conftest import client_for


@pytest.fixture
def pair(world):
    neighbour = world.tokyo_member.org_memberships.get().organisation
    return open_relationship(user=world.owner, hub=world.tokyo, organisation=world.organisation,
                             counterpart=neighbour)[0]


def act(user, pair, **data):
    return client_for(user).post(f"/relationships/{pair.pk}/act/", data, follow=True).content.decode()


@pytest.mark.django_db
def test_one_side_records_a_poc_the_other_confirms_it_and_the_funnel_counts_it(world, pair):
    today = timezone.localdate().isoformat()
    page = act(world.owner, pair, action="stage", stage="poc", effective_on=today, currency="", amount="",
               lost_reason="", evidence_url="")
    assert "Stage recorded" in page and 'id="current-stage">PoC<' in page
    listing = client_for(world.tokyo_member).get("/relationships/").content.decode()
    assert "Secret Chips" in listing and "1 stage to confirm" in listing
    event = StageEvent.objects.get()
    page = act(world.tokyo_member, pair, action="confirm", event=event.pk)
    assert "Confirmed by the other side" in page and "Confirmed." in page

    operator = client_for(world.tokyo_operator)
    funnel = operator.get("/manage/tokyo/pipeline/").content.decode()
    assert '<td><a href="?as_of=' in funnel and "<svg" in funnel and 'role="img"' in funnel
    start = funnel.index('id="funnel-table"')
    rows = funnel[start:funnel.index("</table>", start)]
    assert rows.count("<td>1</td>") == 2 * 5  # introduced … PoC reached and confirmed; agreement and outcome 0
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    StageEvent.objects.update(recorded_at=timezone.now())
    history_changed(world.tokyo.pk)
    earlier = operator.get(f"/manage/tokyo/pipeline/?as_of={yesterday}").content.decode()
    assert "Secret Chips" not in earlier  # the relationship was opened today
    assert operator.get("/manage/tokyo/pipeline/?as_of=2026-13-01&page=x&step=-1").status_code == 200
    chosen = operator.get("/manage/tokyo/pipeline/?step=6").content.decode()
    assert "Secret Chips" not in chosen[chosen.index('id="relationships"'):]


@pytest.mark.django_db
def test_bad_input_is_refused_with_its_reason_and_writes_nothing(world, pair):
    page = act(world.owner, pair, action="stage", stage="order", effective_on=timezone.localdate().isoformat(),
               amount="12,000", currency="", lost_reason="", evidence_url="")
    assert "currency" in page and not StageEvent.objects.exists()
    page = act(world.owner, pair, action="stage", stage="poc", effective_on="not a date")
    assert "date" in page and not StageEvent.objects.exists()


@pytest.mark.django_db
def test_private_notes_stay_on_their_side(world, pair):
    act(world.owner, pair, action="note", text="Our price floor is 40", shared="")
    act(world.owner, pair, action="note", text="Sent the NDA draft", shared="on")
    assert RelationshipNote.objects.count() == 2
    theirs = client_for(world.tokyo_member).get(f"/relationships/{pair.pk}/").content.decode()
    assert "Sent the NDA draft" in theirs and "price floor" not in theirs
    ours = client_for(world.owner).get(f"/relationships/{pair.pk}/").content.decode()
    assert "price floor" in ours and "private to your organisation" in ours


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "word"), [("zh-hant", "已會面"), ("ja", "面談済み"), ("en", "Met")])
def test_the_funnel_reads_in_the_operators_language(world, pair, language, word):
    world.tokyo_operator.language = language
    world.tokyo_operator.save(update_fields=["language"])
    page = client_for(world.tokyo_operator).get("/manage/tokyo/pipeline/").content.decode()
    assert f'class="label">{word}</text>' in page


@pytest.mark.django_db
def test_the_operator_downloads_the_relationships_for_excel(world, pair):
    from bridgehub.directory.models import Organisation

    Organisation.objects.filter(pk=world.organisation.pk).update(name="=HYPERLINK(1) 半導體")
    world.tokyo_operator.language = "ja"
    world.tokyo_operator.save(update_fields=["language"])
    response = client_for(world.tokyo_operator).get("/manage/tokyo/pipeline/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="tokyo-relationships-')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff") and "紹介済み" in text  # Excel reads the BOM; stage in Japanese
    assert "'=HYPERLINK(1) 半導體" in text  # a formula-like name is escaped, the Chinese kept
    assert len(text.strip().splitlines()) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "stage_word"), [("zh-hant", "已會面"), ("ja", "面談済み"), ("en", "Met")])
def test_the_operator_downloads_the_workbook_and_the_pdf_in_their_language(world, pair, language, stage_word):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from bridgehub.directory.models import Organisation
    from bridgehub.pipeline.domain.relationships import record_stage

    Organisation.objects.filter(pk=world.organisation.pk).update(name="台灣半導體 株式会社")
    record_stage(user=world.owner, relationship=pair, stage="poc", effective_on=timezone.localdate())
    world.tokyo_operator.language = language
    world.tokyo_operator.save(update_fields=["language"])
    operator = client_for(world.tokyo_operator)
    workbook = operator.get("/manage/tokyo/pipeline/export.xlsx")
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")
    sheets = load_workbook(io.BytesIO(workbook.content)).worksheets
    cells = [str(cell) for sheet in sheets for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "台灣半導體 株式会社" in cells and stage_word in cells
    pdf = operator.get("/manage/tokyo/pipeline/export.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert stage_word in text
    assert operator.get("/manage/tokyo/pipeline/export.doc").status_code == 404


@pytest.mark.django_db
def test_the_funnel_filters_by_country_pair_and_sector(world, pair):
    from bridgehub.directory.models import Organisation, Sector
    from tests.factories.core import OrganisationFactory, OrganisationHubFactory

    Organisation.objects.filter(pk=pair.counterpart_id).update(country="JP")
    taiwanese = OrganisationFactory(slug="tw-chips", name="Formosa Chips", country="TW")
    OrganisationHubFactory(organisation=taiwanese, hub=world.tokyo)
    taiwanese.sectors.set([Sector.objects.get(code="semiconductors_equipment")])
    open_relationship(user=world.tokyo_operator, hub=world.tokyo, organisation=taiwanese,
                      counterpart=world.organisation)
    operator = client_for(world.tokyo_operator)

    def listed(query):
        page = operator.get(f"/manage/tokyo/pipeline/?{query}").content.decode()
        return page[page.index('id="relationships"'):]

    assert "Formosa Chips" in listed("") and "Neighbour KK" in listed("")
    assert "Formosa Chips" in listed("countries=TW-JP") and "Neighbour KK" not in listed("countries=TW-JP")
    assert "Neighbour KK" in listed("countries=JP-JP") and "Formosa Chips" not in listed("countries=JP-JP")
    by_parent = listed("sector=semiconductors")  # the parent sector includes its sub-sectors
    assert "Formosa Chips" in by_parent and "Neighbour KK" not in by_parent
    csv_text = operator.get("/manage/tokyo/pipeline/export.csv?countries=TW-JP").content.decode()
    assert "Formosa Chips" in csv_text and "Neighbour KK" not in csv_text


@pytest.mark.django_db
def test_the_dashboard_says_what_waits_in_the_pipeline(world, pair):
    from bridgehub.pipeline.domain.relationships import record_stage, set_next_step

    record_stage(user=world.owner, relationship=pair, stage="nda", effective_on=timezone.localdate())
    set_next_step(user=world.owner, relationship=pair, text="Sign the PoC plan",
                  due_on=timezone.localdate() - dt.timedelta(days=1))
    theirs = client_for(world.tokyo_member).get("/dashboard/").content.decode()
    assert "stage of a relationship to confirm" in theirs and "next step due" in theirs
    ours = client_for(world.owner).get("/dashboard/").content.decode()
    assert "to confirm" not in ours and "next step due" in ours  # one's own stage is not one's to confirm


@pytest.mark.django_db
def test_the_next_step_date_shows_in_the_date_field_in_every_language(world, pair):
    from bridgehub.pipeline.domain.relationships import set_next_step

    set_next_step(user=world.owner, relationship=pair, text="Call", due_on=dt.date(2026, 12, 10))
    world.owner.language = "zh-hant"
    world.owner.save(update_fields=["language"])
    page = client_for(world.owner).get(f"/relationships/{pair.pk}/").content.decode()
    assert 'type="date" name="next_step_on" value="2026-12-10"' in page  # what a date input accepts


@pytest.mark.django_db
def test_a_member_opens_a_relationship_by_hand_from_a_profile(world):
    from bridgehub.pipeline.models import Relationship

    member = client_for(world.tokyo_member)
    profile = member.get(f"/o/{world.organisation.slug}/").content.decode()
    assert 'action="/relationships/open/"' in profile and "Track a relationship" in profile
    via = profile.split('name="via"', 1)[1].split('<option value="', 1)[1].split('"', 1)[0]
    # Another organisation's people cannot open it in the member's name, nor can a stranger pick a made-up hub.
    refused = client_for(world.taipei_member).post("/relationships/open/", {"slug": world.organisation.slug,
                                                                            "via": via}, follow=True)
    assert "Choose the hub" in refused.content.decode() and not Relationship.objects.exists()
    opened = member.post("/relationships/open/", {"slug": world.organisation.slug, "via": via}, follow=True)
    relationship = Relationship.objects.get()
    assert opened.redirect_chain[-1][0] == f"/relationships/{relationship.pk}/"
    assert relationship.origin == "manual" and relationship.opened_by == world.tokyo_member
    again = member.get(f"/o/{world.organisation.slug}/").content.decode()
    assert f'href="/relationships/{relationship.pk}/"' in again and 'action="/relationships/open/"' not in again
    # The other side sees it too, and may not open a second one.
    assert "Neighbour KK" in client_for(world.owner).get("/relationships/").content.decode()


@pytest.mark.django_db
def test_one_click_moves_a_relationship_to_its_next_stage(world, pair):
    page = client_for(world.owner).get(f"/relationships/{pair.pk}/").content.decode()
    assert 'id="advance"' in page and "“Met” today" in page
    moved = act(world.owner, pair, action="stage", stage="met", effective_on=timezone.localdate().isoformat())
    assert 'id="current-stage">Met<' in moved and "“Follow-up” today" in moved
    act(world.owner, pair, action="stage", stage="closed_lost", effective_on=timezone.localdate().isoformat(),
        lost_reason="timing")
    closed = client_for(world.owner).get(f"/relationships/{pair.pk}/").content.decode()
    assert 'id="advance"' not in closed  # nothing follows a closing
