"""The admin of the framework's words: versions, statements, questions to open with
and their translations. The English is frozen where a version is in use; the
translations never are."""

from django.contrib import admin, messages
from django.utils import timezone

from reviews.actions.frameworks import copy_last_version
from reviews.models import (
    DRAFT_TRANSLATION,
    Framework,
    FrameworkVersion,
    InterfaceLanguage,
    OpeningQuestion,
    OpeningQuestionTranslation,
    Statement,
    StatementTranslation,
    VersionTranslation,
)


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


class CheckedByAFluentSpeaker(admin.ModelAdmin):
    """A translation's status ("draft: not yet checked by a fluent speaker"
    until a Local Trust staff member marks it checked), and the actions that
    mark it."""

    actions = ["mark_checked", "mark_draft"]

    @admin.display(description="Checked")
    def status(self, obj: VersionTranslation | InterfaceLanguage) -> str:
        if obj.checked_at is not None:
            return f"checked by a fluent speaker on {obj.checked_at:%d %b %Y}"
        return DRAFT_TRANSLATION

    @admin.action(description="Mark as checked by a fluent speaker")
    def mark_checked(self, request, queryset):
        marked = queryset.filter(checked_at__isnull=True).update(
            checked_at=timezone.now(), checked_by=request.user
        )
        self.message_user(request, f"Marked {marked} as checked.", messages.SUCCESS)

    @admin.action(description="Mark as a draft again (it needs checking)")
    def mark_draft(self, request, queryset):
        marked = queryset.filter(checked_at__isnull=False).update(
            checked_at=None, checked_by=None
        )
        self.message_user(request, f"Marked {marked} as a draft.", messages.SUCCESS)


@admin.register(InterfaceLanguage)
class InterfaceLanguageAdmin(CheckedByAFluentSpeaker):
    """The interface's words per language: written in `locale/`, shipped with
    the code; here only whether a fluent speaker has checked them."""

    list_display = ["__str__", "language", "status"]
    fields = ["language", "checked_at", "checked_by"]
    readonly_fields = ["checked_at", "checked_by"]


@admin.register(VersionTranslation)
class VersionTranslationAdmin(CheckedByAFluentSpeaker):
    """A version's words in one language. Translations stay editable once a
    version is in use: answers are stored against statements, never words, so a
    fluent speaker's correction changes no result."""

    list_display = ["version", "language", "complete", "status"]
    list_filter = ["language", "version__framework"]
    readonly_fields = ["checked_at", "checked_by", "still_in_english"]

    @admin.display(boolean=True, description="Complete")
    def complete(self, obj: VersionTranslation) -> bool:
        return obj.is_complete

    @admin.display(description="Still in English")
    def still_in_english(self, obj: VersionTranslation) -> str:
        """What the translation lacks: its statements' words are edited under
        Statement translations, its questions' under Opening questions."""
        if obj.pk is None:
            return "-"
        return "; ".join(obj.untranslated()) or "nothing: it is complete"


@admin.register(StatementTranslation)
class StatementTranslationAdmin(admin.ModelAdmin):
    list_display = ["statement", "language", "short_label"]
    list_filter = ["language", "statement__version__framework"]
    search_fields = ["text", "short_label", "statement__key"]
    list_select_related = ["statement__version__framework"]


@admin.register(OpeningQuestionTranslation)
class OpeningQuestionTranslationAdmin(admin.ModelAdmin):
    list_display = ["text", "language", "question"]
    list_filter = ["language", "question__statement__version__framework"]
    search_fields = ["text", "question__text", "question__statement__key"]
    list_select_related = ["question"]
    autocomplete_fields = ["question"]


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


class OpeningQuestionTranslationInline(admin.TabularInline):
    """The question in other languages. Like every translation it stays
    editable once the version is in use: no answer depends on its words."""

    model = OpeningQuestionTranslation
    extra = 0
    fields = ["language", "text"]


@admin.register(OpeningQuestion)
class OpeningQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "order", "statement"]
    list_filter = ["statement__version__framework", "kind"]
    search_fields = ["text", "statement__short_label"]
    list_select_related = ["statement__version__framework"]
    inlines = [OpeningQuestionTranslationInline]

    def get_readonly_fields(self, request, obj=None):
        # The English question of a version in use is frozen; its
        # translations below are not.
        if obj is not None and not _version_unused(obj.statement):
            return ["statement", "kind", "order", "text"]
        return []

    def has_delete_permission(self, request, obj=None) -> bool:
        unused = obj is None or _version_unused(obj.statement)
        return unused and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "statement":
            # A question is added only to a version no review uses yet.
            kwargs["queryset"] = Statement.objects.filter(
                version__reviews__isnull=True
            ).select_related("version__framework")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
