from django.urls import path

from . import views

app_name = "missions"

urlpatterns = [
    path("candidatures/suivi/", views.follow, name="follow"),
    path("candidatures/retrait/", views.withdraw, name="withdraw"),
    path("mises-en-relation/tout-va-bien/", views.checkin_fine, name="checkin_fine"),
    path("mises-en-relation/besoin-d-aide/", views.checkin_help, name="checkin_help"),
    path("mises-en-relation/avis/", views.feedback, name="feedback"),
]
