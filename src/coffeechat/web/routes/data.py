"""The user's data in and out: imports with undo, exports and restore, the trash."""

from django.urls import path

from coffeechat.web.views import exports, imports, trash

urlpatterns = [
    path("import/", imports.import_page, name="imports"),
    path("import/upload/", imports.upload, name="import_upload"),
    path("import/batches/<int:pk>/undo/", imports.undo, name="import_undo"),
    path("import/<str:token>/", imports.preview, name="import_preview"),
    path("import/<str:token>/columns/", imports.mapping, name="import_mapping"),
    path("import/<str:token>/decide/", imports.decide, name="import_decide"),
    path("import/<str:token>/confirm/", imports.confirm, name="import_confirm"),
    path("import/<str:token>/cancel/", imports.cancel, name="import_cancel"),
    path("export/", exports.export_page, name="export"),
    path("export/coffeechat.json", exports.download_json, name="export_json"),
    path("export/coffeechat-csv.zip", exports.download_csv, name="export_csv"),
    path("export/contacts.vcf", exports.download_vcard, name="export_vcard"),
    path("export/restore/", exports.restore, name="export_restore"),
    path("trash/", trash.trash_list, name="trash"),
    path("trash/<str:kind>/<int:pk>/", trash.move_to_trash, name="trash_move"),
    path("trash/<str:kind>/<int:pk>/restore/", trash.restore, name="trash_restore"),
]
