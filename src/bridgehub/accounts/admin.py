from django.contrib import admin

from bridgehub.accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("email", "display_name", "time_zone", "is_active", "is_staff")
    search_fields = ("email", "display_name")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
