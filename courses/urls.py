from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("formations/inscriptions/<str:token>/annulation/", views.cancel_registration, name="cancel_registration"),
]
