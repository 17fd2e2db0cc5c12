from django.urls import path

from reviews.views import landing

app_name = "reviews"

urlpatterns = [
    path("", landing.home, name="home"),
]
