from django.contrib import admin
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm

from partnerships import imports
from partnerships.models import (
    Appointment,
    Area,
    Membership,
    Organisation,
    Partnership,
    Person,
    RepAssignment,
    StaffRole,
)


class ProgrammeImportForm(ImportForm):
    """The admin's upload, refused with one plain sentence (never a traceback or
    a path) when it is too big, too long, not what its name says, or has the
    wrong columns, before import-export reads it."""

    def __init__(self, formats: list, resources: list, **kwargs) -> None:
        super().__init__(formats, resources, **kwargs)
        self.format_names = [f().get_title().lower() for f in formats]
        [self.kind] = [k for k, r in imports.RESOURCES.items() if r is resources[0]]

    def clean(self) -> dict:
        data = super().clean()
        upload, chosen = data.get("import_file"), data.get("format")
        if upload is None or chosen in (None, ""):
            return data
        try:
            imports.check_size(upload.size)
            content = b"".join(upload.chunks())
            dataset = imports.load(content, self.format_names[int(chosen)])
            imports.check_columns(self.kind, dataset)
        except imports.ImportRefused as refused:
            self.add_error("import_file", str(refused))
        upload.seek(0)
        return data


class ProgrammeImportMixin(ImportExportMixin):
    """Import and export (CSV, XLSX) through `partnerships.imports`, for those
    who may add and change the rows, with a template to download."""

    import_kind = ""
    import_template_name = "admin/partnerships/import.html"
    import_form_class = ProgrammeImportForm
    formats = [CSV, XLSX]

    def get_resource_classes(self, request: HttpRequest) -> list:
        return [imports.RESOURCES[self.import_kind]]

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def get_urls(self) -> list:
        name = f"{self.opts.app_label}_{self.opts.model_name}_import_template"
        view = self.admin_site.admin_view(self.import_template_view)
        return [path("import-template.<str:fmt>", view, name=name)] + super().get_urls()

    def import_template_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if fmt not in imports.FORMATS or not self.has_import_permission(request):
            raise Http404
        content = imports.dump(imports.template(self.import_kind), fmt)
        response = HttpResponse(content, content_type=imports.CONTENT_TYPES[fmt])
        filename = f"{self.import_kind}-template.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def get_import_context_data(self, **kwargs) -> dict:
        context = super().get_import_context_data(**kwargs)
        context["template_url_name"] = (
            f"admin:{self.opts.app_label}_{self.opts.model_name}_import_template"
        )
        return context


@admin.register(Area)
class AreaAdmin(ProgrammeImportMixin, admin.ModelAdmin):
    import_kind = "areas"
    list_display = ["name", "region", "local_authority", "phase"]
    list_filter = ["region", "phase"]
    search_fields = ["name", "local_authority"]
    prepopulated_fields = {"slug": ["name"]}


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Partnership)
class PartnershipAdmin(ProgrammeImportMixin, admin.ModelAdmin):
    import_kind = "partnerships"
    list_display = ["name", "area", "formed"]
    list_filter = ["area__region", "area__phase"]
    search_fields = ["name", "area__name"]
    list_select_related = ["area"]
    inlines = [AppointmentInline]


@admin.register(Organisation)
class OrganisationAdmin(ProgrammeImportMixin, admin.ModelAdmin):
    import_kind = "organisations"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Appointment)
class AppointmentAdmin(ProgrammeImportMixin, admin.ModelAdmin):
    import_kind = "appointments"
    list_display = ["partnership", "organisation", "started", "ended", "end_reason"]
    list_filter = ["end_reason", "organisation__kind"]
    search_fields = ["partnership__name", "organisation__name"]
    list_select_related = ["partnership", "organisation"]
    autocomplete_fields = ["partnership", "organisation"]
    date_hierarchy = "started"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["partnership"]


class StaffRoleInline(admin.TabularInline):
    model = StaffRole
    extra = 0
    autocomplete_fields = ["organisation"]


class RepAssignmentInline(admin.TabularInline):
    model = RepAssignment
    extra = 0
    autocomplete_fields = ["area"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "phone", "user"]
    search_fields = ["name", "email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    inlines = [MembershipInline, StaffRoleInline, RepAssignmentInline]


@admin.register(Membership)
class MembershipAdmin(ProgrammeImportMixin, admin.ModelAdmin):
    import_kind = "memberships"
    list_display = ["person", "partnership", "role", "started", "ended"]
    list_filter = ["role"]
    search_fields = ["person__name", "partnership__name"]
    list_select_related = ["person", "partnership"]
    autocomplete_fields = ["person", "partnership"]


@admin.register(StaffRole)
class StaffRoleAdmin(ProgrammeImportMixin, admin.ModelAdmin):
    import_kind = "staff"
    list_display = ["person", "organisation", "job_title", "started", "ended"]
    search_fields = ["person__name", "organisation__name"]
    list_select_related = ["person", "organisation"]
    autocomplete_fields = ["person", "organisation"]


@admin.register(RepAssignment)
class RepAssignmentAdmin(ProgrammeImportMixin, admin.ModelAdmin):
    import_kind = "reps"
    list_display = ["person", "area", "started", "ended"]
    list_filter = ["area__region"]
    search_fields = ["person__name", "area__name"]
    list_select_related = ["person", "area"]
    autocomplete_fields = ["person", "area"]
