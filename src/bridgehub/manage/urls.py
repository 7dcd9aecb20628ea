from django.urls import path

from bridgehub.manage.views import backoffice, exchanges, imports, matching, pipeline, signals, trust

app_name = "manage"
urlpatterns = [
    path("", backoffice.index, name="index"),
    path("<slug:hub>/", backoffice.hub_home, name="hub"),
    path("<slug:hub>/applications/<int:link_id>/", backoffice.decide, name="decide"),
    path("<slug:hub>/members/", backoffice.members, name="members"),
    path("<slug:hub>/notes/<slug:slug>/", backoffice.add_note, name="add_note"),
    path("<slug:hub>/imports/", imports.import_list, name="imports"),
    path("<slug:hub>/rounds/", exchanges.round_list, name="rounds"),
    path("<slug:hub>/rounds/<int:round_id>/", exchanges.round_detail, name="round"),
    path("<slug:hub>/rounds/<int:round_id>/action/", exchanges.round_action, name="round_action"),
    path("<slug:hub>/rounds/<int:round_id>/optimiser/", exchanges.round_job, name="round_job"),
    path("<slug:hub>/matching/", matching.matching, name="matching"),
    path("<slug:hub>/pipeline/", pipeline.pipeline, name="pipeline"),
    path("<slug:hub>/pipeline/settings/", pipeline.pipeline_settings, name="pipeline_settings"),
    path("<slug:hub>/pipeline/export.<str:fmt>", pipeline.pipeline_export, name="pipeline_export"),
    path("<slug:hub>/matching/rebuild/", matching.rebuild, name="matching_rebuild"),
    path("<slug:hub>/signals/", signals.signals, name="signals"),
    path("<slug:hub>/signals/action/", signals.signals_action, name="signals_action"),
    path("<slug:hub>/trust/", trust.queue, name="trust"),
    path("<slug:hub>/trust/settings/", trust.trust_settings, name="trust_settings"),
    path("<slug:hub>/trust/<int:case_id>/", trust.case_detail, name="trust_case"),
    path("<slug:hub>/vet/<slug:slug>/", trust.vet, name="vet"),
    path("<slug:hub>/imports/<int:batch_id>/", imports.import_detail, name="import_detail"),
    path("<slug:hub>/imports/<int:batch_id>/progress/", imports.import_progress, name="import_progress"),
    path("<slug:hub>/export/<str:kind>.<str:fmt>", imports.export, name="export"),
]
