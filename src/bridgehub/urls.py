from django.contrib import admin
from django.urls import include, path

from bridgehub.api.urls import api

urlpatterns = [
    path("", include("bridgehub.web.urls")),
    path("manage/", include("bridgehub.manage.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
