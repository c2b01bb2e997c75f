from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("alertes/", views.subscribe, name="subscribe"),
    path("alertes/confirmer/", views.confirm, name="confirm"),
    path("alertes/preferences/", views.manage, name="manage"),
    path("alertes/desinscription/", views.unsubscribe, name="unsubscribe"),
    path("alertes/prochaine-session/<int:course_id>/", views.wait_for_session, name="wait_for_session"),
    path("alertes/prochaine-session/confirmer/", views.confirm_waiter, name="confirm_waiter"),
]
