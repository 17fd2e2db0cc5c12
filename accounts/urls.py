from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("two-factor/", views.verify, name="verify"),
    path("two-factor/set-up/", views.enrol, name="enrol"),
    path("two-factor/backup-codes/", views.backup_codes, name="backup-codes"),
    path("email/", views.email_preferences, name="email-preferences"),
]
