"""Browsing the programme: the old paths, now under the `programme` namespace."""

from django.urls import path

from programme import views

app_name = "programme"

urlpatterns = [
    path("areas/", views.area_list, name="area-list"),
    path("areas/export.csv", views.area_export, name="area-export"),
    path("areas/<slug:slug>/", views.area_detail, name="area-detail"),
    path(
        "organisations/<slug:slug>/",
        views.organisation_detail,
        name="organisation-detail",
    ),
    path("programme/", views.programme_overview, name="overview"),
    path("programme/overdue/", views.overdue_list, name="overdue"),
    path("appointments/<int:pk>/next-review/", views.review_date, name="review-date"),
    path("appointments/<int:pk>/end/", views.appointment_end, name="appointment-end"),
]
