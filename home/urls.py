from django.urls import path

from . import views

urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("plan-du-site/", views.sitemap_page, name="sitemap_page"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
