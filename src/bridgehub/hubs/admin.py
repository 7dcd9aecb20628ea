from django.contrib import admin

from bridgehub.hubs.models import Hub, HubMembership


@admin.register(Hub)
class HubAdmin(admin.ModelAdmin):
    list_display = ("slug", "name_en", "time_zone", "currency")


@admin.register(HubMembership)
class HubMembershipAdmin(admin.ModelAdmin):
    list_display = ("hub", "user", "role")
    list_filter = ("hub", "role")
