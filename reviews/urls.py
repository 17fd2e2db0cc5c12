from django.urls import path
from django.views.i18n import JavaScriptCatalog

from reviews.responding.languages import respondent_side
from reviews.views import agreed as agreed_views
from reviews.views import audit as audit_views
from reviews.views import autosave as autosave_views
from reviews.views import invitations as invitation_views
from reviews.views import landing
from reviews.views import languages as language_views
from reviews.views import lifecycle as lifecycle_views
from reviews.views import meeting as meeting_views
from reviews.views import offline as offline_views
from reviews.views import outbox as outbox_views
from reviews.views import own_results as own_results_views
from reviews.views import pages as page_views
from reviews.views import paper as paper_views
from reviews.views import presenting as presenting_views
from reviews.views import rep as rep_views
from reviews.views import respond as respond_views
from reviews.views import results as results_views

app_name = "reviews"

# Views wrapped in `respondent_side` speak the respondent's chosen language
# (reviews.responding.languages); every other page is in English for now.
urlpatterns = [
    path("", respondent_side(landing.home), name="home"),
    path("language/", language_views.choose_language, name="choose-language"),
    # The questionnaire script's words in the respondent's language.
    path(
        "jsi18n/",
        respondent_side(JavaScriptCatalog.as_view()),
        name="javascript-catalog",
    ),
    path("glossary/", respondent_side(page_views.glossary), name="glossary"),
    path("privacy/", respondent_side(page_views.privacy), name="privacy"),
    path(
        "accessibility/",
        respondent_side(page_views.accessibility),
        name="accessibility",
    ),
    # Respondents (issue 3).
    path(
        "r/<str:token>/",
        respondent_side(respond_views.respond_link),
        name="respond-link",
    ),
    path("respond/sw.js", offline_views.service_worker, name="respond-worker"),
    path("respond/<int:pk>/", respondent_side(respond_views.respond), name="respond"),
    path(
        "respond/<int:pk>/check/",
        respondent_side(respond_views.check),
        name="respond-check",
    ),
    path(
        "respond/<int:pk>/submit/",
        respondent_side(respond_views.submit),
        name="respond-submit",
    ),
    path(
        "respond/<int:pk>/thanks/",
        respondent_side(own_results_views.thanks),
        name="respond-thanks",
    ),
    path(
        "respond/<int:pk>/autosave/",
        respondent_side(autosave_views.autosave),
        name="respond-autosave",
    ),
    path(
        "respond/<int:pk>/results/",
        respondent_side(results_views.released_results),
        {"way_in": "link"},
        name="respond-results",
    ),
    path(
        "respond/<int:pk>/results-link/",
        respondent_side(own_results_views.new_results_link),
        name="respond-new-results-link",
    ),
    path(
        "results/<str:secret>/",
        respondent_side(meeting_views.results_link),
        name="results-link",
    ),
    path("meet/", respondent_side(meeting_views.meet), name="meet"),
    path(
        "meet/<str:code>/", respondent_side(meeting_views.meet_start), name="meet-start"
    ),
    path("reviews/<int:pk>/paper/", paper_views.paper_form, name="paper-form"),
    path("reviews/<int:pk>/paper/enter/", paper_views.paper_entry, name="paper-entry"),
    # The rep's workflow (issue 5).
    path("my/", rep_views.my_areas, name="my-areas"),
    path("reviews/<int:pk>/", rep_views.review_detail, name="review-detail"),
    path(
        "appointments/<int:pk>/reviews/new/",
        rep_views.review_open,
        name="review-open",
    ),
    path("reviews/<int:pk>/edit/", rep_views.review_edit, name="review-edit"),
    path("reviews/<int:pk>/audit/", rep_views.review_audit, name="review-audit"),
    path(
        "reviews/<int:pk>/resend-failed/",
        rep_views.review_resend_failed,
        name="review-resend-failed",
    ),
    path(
        "reviews/<int:pk>/meeting-code/",
        meeting_views.review_meeting_code,
        name="review-meeting-code",
    ),
    path(
        "responses/<int:pk>/set-aside/",
        meeting_views.response_set_aside,
        name="response-set-aside",
    ),
    path(
        "responses/<int:pk>/count-again/",
        meeting_views.response_count_again,
        name="response-count-again",
    ),
    path("audit/", audit_views.audit_log, name="audit-log"),
    path("messages/failed/", outbox_views.failed_messages, name="failed-messages"),
    path(
        "reviews/<int:pk>/invite/",
        invitation_views.review_invite,
        name="review-invite",
    ),
    path(
        "reviews/<int:pk>/invitations/print/",
        invitation_views.review_invitation_sheet,
        name="review-invitation-sheet",
    ),
    path(
        "invitations/<int:pk>/revoke/",
        invitation_views.invitation_revoke,
        name="invitation-revoke",
    ),
    path(
        "invitations/<int:pk>/resend/",
        invitation_views.invitation_resend,
        name="invitation-resend",
    ),
    path(
        "reviews/<int:pk>/remind/", invitation_views.review_remind, name="review-remind"
    ),
    path("reviews/<int:pk>/close/", lifecycle_views.review_close, name="review-close"),
    path(
        "reviews/<int:pk>/reopen/",
        lifecycle_views.review_reopen,
        name="review-reopen",
    ),
    path(
        "reviews/<int:pk>/release/",
        lifecycle_views.review_release,
        name="review-release",
    ),
    path(
        "reviews/<int:pk>/withdraw/",
        lifecycle_views.review_withdraw,
        name="review-withdraw",
    ),
    path(
        "reviews/<int:pk>/results/",
        results_views.review_results,
        name="review-results",
    ),
    path(
        "reviews/<int:pk>/results/dots.json",
        results_views.review_dots,
        name="review-dots",
    ),
    path(
        "reviews/<int:pk>/individuals/",
        results_views.review_individuals,
        name="review-individuals",
    ),
    path("reviews/<int:pk>/pack/", results_views.review_pack, name="review-pack"),
    path(
        "reviews/<int:pk>/compare/",
        results_views.review_compare,
        name="review-compare",
    ),
    path(
        "reviews/<int:pk>/export.csv",
        results_views.review_export,
        name="review-export",
    ),
    # At the meeting (issue 23).
    path(
        "reviews/<int:pk>/present/<int:screen>/",
        presenting_views.present_screen,
        name="present-screen",
    ),
    path(
        "reviews/<int:pk>/present/now.json",
        presenting_views.present_state,
        name="present-state",
    ),
    path(
        "reviews/<int:pk>/presenter/<int:screen>/",
        presenting_views.presenter,
        name="presenter",
    ),
    path(
        "reviews/<int:pk>/presenter/<int:screen>/notes/",
        presenting_views.presenter_note,
        name="presenter-note",
    ),
    # Agreed actions (issue 12).
    path(
        "reviews/<int:pk>/actions/",
        agreed_views.review_actions,
        name="review-actions",
    ),
    path("actions/<int:pk>/edit/", agreed_views.action_edit, name="action-edit"),
    path("actions/<int:pk>/status/", agreed_views.action_status, name="action-status"),
    path(
        "reviews/<int:pk>/released/",
        respondent_side(results_views.released_results),
        {"way_in": "account"},
        name="review-released",
    ),
]
