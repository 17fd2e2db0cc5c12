from django.contrib import admin, messages
from django.http import HttpRequest, JsonResponse
from django.utils import timezone

from partnerships.admin import PersonAdmin
from partnerships.models import Person
from reviews.actions.frameworks import copy_last_version
from reviews.models import (
    DRAFT_TRANSLATION,
    AgreedAction,
    AgreedActionUpdate,
    Answer,
    AuditEvent,
    Framework,
    FrameworkVersion,
    Invitation,
    MeetingCodeAttempt,
    MeetingNote,
    OpeningQuestion,
    OutgoingMessage,
    Presentation,
    ProgrammeRollup,
    Response,
    Review,
    ReviewSummary,
    Statement,
    StatementSummary,
    StatementTranslation,
    VersionTranslation,
)
from reviews.privacy import erase_person, export_person


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0

    def has_change_permission(self, request, obj=None) -> bool:
        # A version in use is frozen; editing means a new version.
        return not (obj and obj.is_frozen) and super().has_change_permission(
            request, obj
        )

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    list_display = ["framework", "number", "created"]
    list_filter = ["framework"]
    inlines = [StatementInline]
    actions = ["make_new_version"]

    @admin.action(
        description="Make a new version by copying the last one", permissions=["add"]
    )
    def make_new_version(self, request, queryset):
        """One new version per framework among those selected, copied from that
        framework's last version (whichever version was ticked): editing a
        frozen version always means starting from the newest wording."""
        frameworks = Framework.objects.filter(versions__in=queryset).distinct()
        for framework in frameworks:
            copy = copy_last_version(framework=framework)
            self.message_user(
                request,
                f"Made {copy} from v{copy.number - 1}, with "
                f"{copy.statements.count()} statements. It is not in use yet, so "
                "you can edit it.",
                messages.SUCCESS,
            )

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.is_frozen:
            return [f.name for f in self.model._meta.fields]
        return []


@admin.register(VersionTranslation)
class VersionTranslationAdmin(admin.ModelAdmin):
    """A version's words in one language. Translations stay editable once a
    version is in use: answers are stored against statements, never words, so a
    fluent speaker's correction changes no result."""

    list_display = ["version", "language", "complete", "status"]
    list_filter = ["language", "version__framework"]
    readonly_fields = ["checked_at", "checked_by"]
    actions = ["mark_checked"]

    @admin.display(boolean=True, description="Complete")
    def complete(self, obj: VersionTranslation) -> bool:
        return obj.is_complete

    @admin.display(description="Checked")
    def status(self, obj: VersionTranslation) -> str:
        if obj.is_checked:
            return f"checked by a fluent speaker on {obj.checked_at:%d %b %Y}"
        return DRAFT_TRANSLATION

    @admin.action(description="Mark as checked by a fluent speaker")
    def mark_checked(self, request, queryset):
        marked = queryset.filter(checked_at__isnull=True).update(
            checked_at=timezone.now(), checked_by=request.user
        )
        self.message_user(request, f"Marked {marked} as checked.", messages.SUCCESS)


@admin.register(StatementTranslation)
class StatementTranslationAdmin(admin.ModelAdmin):
    list_display = ["statement", "language", "short_label"]
    list_filter = ["language", "statement__version__framework"]
    search_fields = ["text", "short_label", "statement__key"]
    list_select_related = ["statement__version__framework"]


def _version_unused(obj: Statement | None) -> bool:
    return not (obj and obj.version.is_frozen)


class OpeningQuestionInline(admin.TabularInline):
    """Questions to open with, by kind of signal: one to three of each, editable
    while the statement's version is in use by no review."""

    model = OpeningQuestion
    extra = 0
    max_num = 12

    def has_change_permission(self, request, obj=None) -> bool:
        return _version_unused(obj) and super().has_change_permission(request, obj)

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["order", "short_label", "key", "capital", "version"]
    list_filter = ["version__framework", "capital"]
    search_fields = ["text", "short_label", "key"]
    list_select_related = ["version__framework"]
    inlines = [OpeningQuestionInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return _version_unused(obj) and super().has_change_permission(request, obj)


@admin.register(OpeningQuestion)
class OpeningQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "order", "statement"]
    list_filter = ["statement__version__framework", "kind"]
    search_fields = ["text", "statement__short_label"]
    list_select_related = ["statement__version__framework"]

    def has_change_permission(self, request, obj=None) -> bool:
        unused = obj is None or _version_unused(obj.statement)
        return unused and super().has_change_permission(request, obj)

    has_delete_permission = has_change_permission

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "statement":
            # A question is added only to a version no review uses yet.
            kwargs["queryset"] = Statement.objects.filter(
                version__reviews__isnull=True
            ).select_related("version__framework")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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
