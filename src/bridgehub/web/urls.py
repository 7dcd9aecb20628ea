from django.urls import path

from bridgehub.web.views import directory, exchanges, invitations, matches, member, people, privacy, team

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
    path("me/data/", privacy.my_data, name="my_data"),
    path("me/data/export.json", privacy.my_data_export, name="my_data_export"),
    path("rounds/", exchanges.rounds, name="rounds"),
    path("rounds/<int:round_id>/", exchanges.round_detail, name="round"),
    path("rounds/<int:round_id>/request/<int:registration_id>/", exchanges.send_request, name="send_request"),
    path("rounds/<int:round_id>/requests/<int:request_id>/", exchanges.answer_request, name="answer_request"),
    path("rounds/<int:round_id>/meetings/<int:meeting_id>/", exchanges.meeting_action, name="meeting_action"),
    path("rounds/<int:round_id>/meetings/<int:meeting_id>.ics", exchanges.meeting_ics, name="meeting_ics"),
    path("rounds/<int:round_id>/agenda.ics", exchanges.agenda_ics, name="round_agenda_ics"),
    path("rounds/<int:round_id>/check-in/", exchanges.check_in, name="round_check_in"),
    path("rounds/<int:round_id>/calendar-link/", exchanges.rotate_calendar, name="round_calendar_rotate"),
    path("matches/", matches.matches, name="matches"),
    path("matches/<int:profile_id>/feedback/", matches.feedback, name="match_feedback"),
    path("matches/<int:profile_id>/introduce/", matches.introduce, name="match_introduce"),
    path("matches/<int:profile_id>/capacity/", matches.capacity, name="match_capacity"),
    path("matches/<int:profile_id>/tag/", matches.confirm_tag, name="match_tag"),
    path("matches/introductions/<int:introduction_id>/", matches.answer, name="introduction_answer"),
    path("invitations/<str:token>/", invitations.invitation, name="invitation"),
    path("calendar/<str:token>.ics", exchanges.calendar_feed, name="calendar_feed"),
]
