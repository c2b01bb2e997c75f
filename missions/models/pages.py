"""The routable mission index page: list, detail, skill pages and the request form."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from home.models.base import BasePage
from outbox.services import absolute_url


class MissionIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("chapeau"), blank=True)
    request_intro = models.TextField(
        _("texte d'accueil du formulaire pour les associations"), blank=True,
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("request_intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    template = "missions/mission_index_page.html"
    per_page = 12

    class Meta:
        verbose_name = _("liste des missions")
        verbose_name_plural = _("listes des missions")

    def get_meta_description(self):
        return self.search_description or self.intro

    @classmethod
    def get_for_request(cls, request=None):
        """The live mission index of the request's site (cached on the request)."""
        if request is not None and hasattr(request, "_mission_index_page"):
            return request._mission_index_page
        queryset = cls.objects.live()
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            queryset = queryset.filter(path__startswith=site.root_page.path)
        index_page = queryset.order_by("path").first()
        if request is not None:
            request._mission_index_page = index_page
        return index_page

    def get_sitemap_urls(self, request=None):
        """The index page, then every open published mission (one query)."""
        from .missions import Mission

        root = self.get_full_url(request)
        if root is None:
            return super().get_sitemap_urls(request)
        missions = Mission.objects.open().newest_first().only("slug", "last_published_at", "updated_at")
        return super().get_sitemap_urls(request) + [
            {
                "location": root + self.reverse_subpage("mission_detail", args=[mission.slug]),
                "lastmod": mission.last_published_at or mission.updated_at,
            }
            for mission in missions
        ]

    # --- URLs ---------------------------------------------------------------------------------

    def base_url(self, request=None):
        cache = self.__dict__.setdefault("_base_urls", {})
        key = id(request)
        if key not in cache:
            cache[key] = self.get_url(request) or "/"
        return cache[key]

    def mission_url(self, mission, request=None):
        return self.base_url(request) + self.reverse_subpage("mission_detail", args=[mission.slug])

    def mission_full_url(self, mission, request=None):
        """Absolute URL of a mission (for emails): the site's root URL, never a bare path."""
        root = self.get_full_url(request) or absolute_url(self.base_url(request))
        return root + self.reverse_subpage("mission_detail", args=[mission.slug])

    def skill_url(self, skill, request=None):
        return self.base_url(request) + self.reverse_subpage("skill", args=[skill.slug])

    def request_form_url(self, request=None):
        return self.base_url(request) + self.reverse_subpage("mission_request")

    def mission_context(self, request, mission):
        """What the detail template needs for one mission (also used by the admin preview)."""
        return {
            "mission": mission,
            "skills": [
                {"name": skill.name, "url": self.skill_url(skill, request)} for skill in mission.skill_list()
            ],
            "index_page": self,
            "breadcrumb_ancestors": self.breadcrumb_ancestors(),
            "meta_title": mission.title,
            "meta_description": mission.summary,
        }

    def breadcrumb_ancestors(self):
        return [page for page in self.get_ancestors(inclusive=True) if page.depth > 1]

    def decorate(self, missions, request=None):
        """Give each listed mission its URL and skill links without extra queries."""
        for mission in missions:
            mission.url = self.mission_url(mission, request)
            mission.skill_links = [
                {"name": skill.name, "url": self.skill_url(skill, request)} for skill in mission.skill_list()
            ]
            mission.card_meta = mission.facts()
        return missions

    # --- routes -------------------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        from missions import views

        return views.mission_list(request, self)

    @path("proposer/", name="mission_request")
    def request_route(self, request):
        from missions import views

        return views.mission_request(request, self)

    @path("competences/<str:skill_slug>/", name="skill")
    def skill_route(self, request, skill_slug):
        from missions import views

        return views.skill_missions(request, self, skill_slug)

    @path("<slug:mission_slug>/", name="mission_detail")
    def mission_route(self, request, mission_slug):
        from missions import views

        return views.mission_detail(request, self, mission_slug)
