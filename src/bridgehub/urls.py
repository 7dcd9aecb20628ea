from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from bridgehub.api.urls import api
from bridgehub.web.views import mail_settings

# The admin has no login form of its own: it sends people through the site's login, so the same
# throttling (checked before the password hash) and the TOTP step apply to staff as to everyone.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", include("bridgehub.web.urls")),
    path("manage/", include("bridgehub.manage.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", mail_settings.set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
