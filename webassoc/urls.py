from django.conf import settings
from django.urls import include, path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from missions.views import skill_autocomplete

urlpatterns = [
    # Before Wagtail's tag autocomplete: skills are also found by their synonyms.
    path("admin/tag-autocomplete/missions/skill/", skill_autocomplete, name="missions_skill_autocomplete"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("home.urls")),
    path("", include("courses.urls")),
    path("", include("missions.urls")),
    path("", include("alerts.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]
