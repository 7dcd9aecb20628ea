from django.contrib import admin

from bridgehub.directory.models import (
    Affiliation,
    AskOffer,
    ImportBatch,
    Organisation,
    OrganisationHub,
    Person,
    ProfileText,
    Sector,
)


class ProfileTextInline(admin.StackedInline):
    model = ProfileText
    extra = 0


class AskOfferInline(admin.TabularInline):
    model = AskOffer
    extra = 0


class OrganisationHubInline(admin.TabularInline):
    model = OrganisationHub
    extra = 0
    raw_id_fields = ("decided_by",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "stage", "original_language")
    list_filter = ("kind", "country", "stage")
    search_fields = ("name", "name_reading", "registry_number")
    inlines = [ProfileTextInline, AskOfferInline, OrganisationHubInline]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "parent", "label_zh_hant", "label_ja", "label_en")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "name_reading", "title", "profile_visibility")
    search_fields = ("name", "name_reading")


admin.site.register(Affiliation)


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ("filename", "hub", "kind", "status", "total_rows", "bad_rows", "written_rows", "created_at")
