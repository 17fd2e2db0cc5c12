"""The admin of what reviews hold: reviews, invitations, responses and answers,
people (with export and erasure), audit, outgoing messages, summaries, agreed
actions and the meeting's notes."""

from django.contrib import admin, messages
from django.http import HttpRequest, JsonResponse

from partnerships.admin import PersonAdmin
from partnerships.models import Person
from reviews.models import (
    AgreedAction,
    AgreedActionUpdate,
    Answer,
    AuditEvent,
    Invitation,
    MeetingCodeAttempt,
    MeetingNote,
    OutgoingMessage,
    Presentation,
    ProgrammeRollup,
    Response,
    Review,
    ReviewSummary,
    StatementSummary,
)
from reviews.privacy import erase_person, export_person


@admin.register(MeetingNote)
class MeetingNoteAdmin(admin.ModelAdmin):
    """The rep's notes from a meeting: kept with the review and statement."""

    list_display = ["review", "statement", "updated"]
    search_fields = ["review__title"]
    list_select_related = ["review", "statement"]
    raw_id_fields = ["review", "statement", "updated_by"]


@admin.register(Presentation)
class PresentationAdmin(admin.ModelAdmin):
    list_display = ["review", "screen", "moved"]
    list_select_related = ["review"]
    raw_id_fields = ["review"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "purpose", "status", "opens", "closes", "released_at"]
    list_filter = ["status", "purpose", "asks_would_like"]
    search_fields = ["title", "appointment__partnership__name"]
    list_select_related = ["appointment__partnership"]
    raw_id_fields = ["appointment", "created_by"]
    date_hierarchy = "opens"


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    # The token hash is never shown: it is useless to a person and best kept out.
    list_display = ["id", "review", "perspective", "expires", "revoked", "first_used"]
    list_filter = ["perspective", "revoked"]
    search_fields = ["review__title"]
    list_select_related = ["review"]
    raw_id_fields = ["review", "person"]
    exclude = ["token_hash"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    raw_id_fields = ["statement"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    # Listed by perspective only: scores are never shown next to a name.
    list_display = ["id", "review", "perspective", "status", "submitted_at"]
    list_filter = ["perspective", "status"]
    search_fields = ["review__title"]
    list_select_related = ["review"]
    raw_id_fields = ["review", "invitation", "entered_by"]
    inlines = [AnswerInline]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["response", "statement", "then_rating", "now_rating", "like_rating"]
    list_select_related = ["response", "statement"]
    raw_id_fields = ["response", "statement"]


# Data protection actions sit on the person admin, which lives in partnerships;
# partnerships never imports reviews, so reviews extends it here instead.
admin.site.unregister(Person)


@admin.register(Person)
class PersonWithDataAdmin(PersonAdmin):
    actions = ["export_data", "erase"]

    @admin.action(description="Export everything held about the selected person (JSON)")
    def export_data(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Choose one person to export.", messages.ERROR)
            return None
        person = queryset.get()
        response = JsonResponse(export_person(person), json_dumps_params={"indent": 2})
        response["Content-Disposition"] = (
            f'attachment; filename="person-{person.pk}.json"'
        )
        return response

    def get_deleted_objects(self, objs, request):
        """Refuse deleting anyone with a live invitation or an audit history.

        A live invitation without its person breaks the rep's pages, and deleting
        someone drops them from the audit trail: revoke, or erase, instead.
        """
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        people = list(objs)
        live = Invitation.objects.live().filter(person__in=people)
        for invitation in live.select_related("person", "review"):
            protected.append(
                f"{invitation.person} has a live invitation to "
                f"“{invitation.review}”: revoke it on the review's page first"
            )
        audited = Person.objects.filter(pk__in=[p.pk for p in people]).filter(
            audit_events__isnull=False
        )
        for person in audited.distinct():
            protected.append(
                f"{person} appears in the audit trail: use “Erase the selected "
                "people” instead, which keeps the history without their details"
            )
        return deleted, counts, perms_needed, protected

    @admin.action(description="Erase the selected people (keep answers unlinked)")
    def erase(self, request, queryset):
        for person in queryset:
            erase_person(person=person)
        self.message_user(request, f"Erased {len(queryset)} people.", messages.SUCCESS)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: a trail that can be edited
    cannot be relied on."""

    list_display = ["at", "review", "action", "actor_label", "description"]
    list_filter = ["action"]
    search_fields = ["review__title"]
    date_hierarchy = "at"

    def get_queryset(self, request):
        return super().get_queryset(request).for_display()

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MeetingCodeAttempt)
class MeetingCodeAttemptAdmin(admin.ModelAdmin):
    list_display = ["at", "address", "succeeded"]
    list_filter = ["succeeded"]
    search_fields = ["address"]


@admin.register(OutgoingMessage)
class OutgoingMessageAdmin(admin.ModelAdmin):
    """Read-only: the worker writes a message's state, and "send again" is the
    rep's button, so each change goes through the claim that sends once."""

    list_display = ["created", "kind", "status", "review", "attempts", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["review__title"]
    list_select_related = ["review"]
    date_hierarchy = "created"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ReviewSummary)
class ReviewSummaryAdmin(admin.ModelAdmin):
    # Computed when a review closes; kept editable only for data repair.
    list_display = ["review", "computed_at", "responses", "discussion_points"]
    list_filter = ["flat_review"]
    search_fields = ["review__title"]
    list_select_related = ["review"]
    raw_id_fields = ["review"]


@admin.register(StatementSummary)
class StatementSummaryAdmin(admin.ModelAdmin):
    list_display = ["review", "key", "gap_flagged", "disagreement_flagged", "now_mean"]
    list_filter = ["key", "gap_flagged", "disagreement_flagged"]
    list_select_related = ["review"]
    raw_id_fields = ["review", "statement"]


@admin.register(ProgrammeRollup)
class ProgrammeRollupAdmin(admin.ModelAdmin):
    # Rewritten whenever summaries change; `manage.py summarise_reviews` rebuilds
    # it, so it is shown, never edited.
    list_display = ["computed_at"]
    readonly_fields = ["computed_at", "figures"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class AgreedActionUpdateInline(admin.TabularInline):
    model = AgreedActionUpdate
    extra = 0
    fields = ["at", "status", "note", "by"]
    readonly_fields = ["at", "status", "note", "by"]


@admin.register(AgreedAction)
class AgreedActionAdmin(admin.ModelAdmin):
    """Read-only: actions change through the rep's pages, where each change is
    audited and dated."""

    list_display = ["what", "review", "lead", "due", "status"]
    list_filter = ["status", "lead"]
    search_fields = ["what", "review__title"]
    list_select_related = ["review"]
    inlines = [AgreedActionUpdateInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AgreedActionUpdate)
class AgreedActionUpdateAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "status", "note"]
    list_filter = ["status"]
    list_select_related = ["action"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
