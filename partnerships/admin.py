from django.contrib import admin

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


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "local_authority", "phase"]
    list_filter = ["region", "phase"]
    search_fields = ["name", "local_authority"]
    prepopulated_fields = {"slug": ["name"]}


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "formed"]
    list_filter = ["area__region", "area__phase"]
    search_fields = ["name", "area__name"]
    list_select_related = ["area"]
    inlines = [AppointmentInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
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
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "partnership", "role", "started", "ended"]
    list_filter = ["role"]
    search_fields = ["person__name", "partnership__name"]
    list_select_related = ["person", "partnership"]
    autocomplete_fields = ["person", "partnership"]


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ["person", "organisation", "job_title", "started", "ended"]
    search_fields = ["person__name", "organisation__name"]
    list_select_related = ["person", "organisation"]
    autocomplete_fields = ["person", "organisation"]


@admin.register(RepAssignment)
class RepAssignmentAdmin(admin.ModelAdmin):
    list_display = ["person", "area", "started", "ended"]
    list_filter = ["area__region"]
    search_fields = ["person__name", "area__name"]
    list_select_related = ["person", "area"]
    autocomplete_fields = ["person", "area"]
