from django.urls import path

from bridgehub.web.views import directory, member, people, team

app_name = "web"
urlpatterns = [
    path("", directory.home, name="home"),
    path("directory/", directory.directory, name="directory"),
    path("o/new/", member.create_organisation, name="organisation_create"),
    path("o/<slug:slug>/", directory.organisation_detail, name="organisation"),
    path("o/<slug:slug>/edit/", member.edit_organisation, name="organisation_edit"),
    path("o/<slug:slug>/apply/", member.apply_to_hub, name="organisation_apply"),
    path("o/<slug:slug>/team/", team.team, name="organisation_team"),
    path("people/", people.people_list, name="people"),
    path("people/<int:person_id>/", people.person_detail, name="person"),
    path("dashboard/", member.dashboard, name="dashboard"),
    path("me/profile/", people.edit_own_profile, name="my_profile"),
    path("me/settings/", member.settings_view, name="settings"),
    path("me/tokens/", member.tokens, name="tokens"),
]
