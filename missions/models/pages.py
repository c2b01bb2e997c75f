"""The routable mission index page: its routes are the views of the list, the detail, the skill
pages and the request form."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from home.models.base import BasePage
from home.sharing import sharing_context
from missions import feeds, services
from missions.emails import follow_path
from missions.forms import ApplicationForm, MissionFilterForm, MissionRequestForm
from outbox.services import absolute_url
from webassoc import fragments
from webassoc.errors import DomainError
from webassoc.forms import ResendLinkForm, form_response, just_sent, pop_from_session, resend_link_route
from webassoc.pagination import page_number

from .missions import Mission
from .skills import Skill, current_slug

# The thank-you page after applying links to the follow page (its signed URL kept in the session).
FOLLOW_SESSION_KEY = "missions-follow-url"


@dataclass(frozen=True)
class MissionLinks:
    """The URLs of the index page's routes, built on its URL computed once per request."""

    page: "MissionIndexPage"
    index: str

    def mission(self, mission):
        return self.index + self.page.reverse_subpage("mission_detail", args=[mission.slug])

    def skill(self, skill):
        return self.skill_slug(skill.slug)

    def skill_slug(self, slug):
        """The page of the skill with this slug (a former slug's redirect knows only the slug)."""
        return self.index + self.page.reverse_subpage("skill", args=[slug])

    def skill_tags(self, mission):
        """A mission's skills for `components/tag_list.html`, each linking to its skill page."""
        return [{"name": skill.name, "url": self.skill(skill)} for skill in mission.skill_list()]

    @property
    def request_form(self):
        return self.index + self.page.reverse_subpage("mission_request")


class MissionIndexPage(RoutablePageMixin, BasePage):
    search_kind = _("Missions")  # in the site search
    intro = models.TextField(_("chapeau"), blank=True)
    request_intro = models.TextField(
        _("texte d’accueil du formulaire pour les associations"), blank=True,
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

    meta_description_field = "intro"  # without an SEO description (BasePage.get_meta_description)

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
        """The index page, the request form, every open published mission (one query) and the
        page of each skill that has some (one query)."""
        root = self.get_full_url(request)
        if root is None:
            return super().get_sitemap_urls(request)
        links = MissionLinks(self, root)
        missions = Mission.objects.open().newest_first().only("slug", "last_published_at", "updated_at")
        skills = Skill.objects.in_use().order_by("slug").only("slug")
        return [
            *super().get_sitemap_urls(request),
            {"location": links.request_form},
            *({"location": links.mission(mission), "lastmod": mission.last_published_at or mission.updated_at}
              for mission in missions),
            *({"location": links.skill(skill)} for skill in skills),
        ]

    def links(self, request=None):
        return MissionLinks(self, self.get_url(request) or "/")

    def full_links(self, request=None):
        """Absolute links (for emails): the site's root URL, never a bare path."""
        return MissionLinks(self, self.get_full_url(request) or absolute_url(self.get_url(request) or "/"))

    def detail_context(self, mission, links):
        """What the detail template shows of a mission (its route and the admin preview)."""
        return {
            "mission": mission,
            "accepts_applications": mission.accepts_applications,
            "mission_url": links.mission(mission),
            "skills": links.skill_tags(mission),
            "links": links,
            "breadcrumb_ancestors": self.breadcrumb_ancestors(),
            "meta_title": mission.title,
            "meta_description": mission.summary,
        }

    def facet_counts(self, filters, request):
        """Each filter option's number of missions (MissionQuerySet.facet_counts()).

        Counting reads every matching mission, so the counts are kept per content generation
        and filters (webassoc.fragments): the list costs the same with 100 or 10,000 missions.
        Not for a free-text search: too many different words to keep.
        """
        def count():
            return Mission.objects.open().facet_counts(**filters)

        if filters["q"]:
            return count()
        chosen = {**filters, "skills": sorted(skill.pk for skill in filters["skills"])}
        vary_on = [self.pk, *(f"{name}={value}" for name, value in sorted(chosen.items()) if name != "sort")]
        return fragments.cached("mission_facets", count, vary_on, request)

    # --- routes -------------------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        filter_form = MissionFilterForm(request.GET)
        filters = filter_form.filters()
        page_obj = Mission.objects.open().matching(**filters).page(page_number(request), self.per_page)
        filter_form.show_counts(self.facet_counts(filters, request))
        links = self.links(request)
        return self.render(request, context_overrides={
            "filter_form": filter_form,
            "active_filters": filter_form.active_filters(links.index),
            "page_obj": page_obj,
            "missions": page_obj.object_list,
            "result_count": page_obj.paginator.count,
            "links": links,
            "feeds": feeds.feed_links(self, request, feeds.filter_query(request)),
        })

    @path("rss/", name="rss")
    def rss_route(self, request):
        return feeds.MissionFeed(self)(request)

    @path("atom/", name="atom")
    def atom_route(self, request):
        return feeds.MissionFeed(self, "atom")(request)

    @path("json/", name="json")
    def json_feed_route(self, request):
        return feeds.MissionFeed(self, "json")(request)

    @path("competences/<str:skill_slug>/", name="skill")
    def skill_route(self, request, skill_slug):
        skill = Skill.objects.with_public_page().filter(slug=skill_slug).first()
        if skill is None:
            slug = current_slug(skill_slug)
            if slug == skill_slug:
                raise Http404
            # A slug that changed (a merge, an edit): its old links still lead here.
            return redirect(self.links(request).skill_slug(slug), permanent=True)
        page_obj = Mission.objects.open().matching(skills=[skill]).page(page_number(request), self.per_page)
        return self.render(request, template="missions/skill_page.html", context_overrides={
            "skill": skill,
            "skill_as_list": [skill],
            "breadcrumb_ancestors": self.breadcrumb_ancestors(),
            "page_obj": page_obj,
            "missions": page_obj.object_list,
            "result_count": page_obj.paginator.count,
            "links": self.links(request),
            "feeds": feeds.feed_links(self, request, urlencode({"competences": skill.slug})),
            "meta_title": gettext("Missions « %(skill)s »") % {"skill": skill.name},
            "meta_description": skill.description,
        })

    @path("proposer/", name="mission_request")
    def request_route(self, request):
        links = self.links(request)
        form = MissionRequestForm(request.POST if request.method == "POST" else None)
        notice = ""
        if request.method == "POST" and form.accept(request, scope="mission-request"):
            try:
                services.submit_request(**form.submitted(), consent=form.cleaned_data["consent"])
            except services.AlreadyReceived as received:  # information, not an error: the form is kept
                notice = received.message
            except DomainError as error:
                form.add_domain_error(error)
            else:
                messages.success(request, gettext(
                    "Merci, votre demande est bien envoyée ! Un e-mail de confirmation vient de partir ; "
                    "l’équipe l’étudie et revient vers vous sous quelques jours."
                ))
                return redirect(links.request_form)
        sent = just_sent(request)
        response = self.render(request, template="missions/mission_request.html", context_overrides={
            "form": None if sent else form,
            "sent": sent,
            "notice": notice,
            "links": links,
            "meta_title": gettext("Proposer une mission"),
            "breadcrumb_ancestors": self.breadcrumb_ancestors(),
        })
        return form_response(request, response, form.http_status)

    @path("<slug:mission_slug>/", name="mission_detail")
    def mission_route(self, request, mission_slug):
        """The mission and its application form (Post/Redirect/Get). Once applied, the follow link
        and what happens next replace the form; a duplicate is offered its follow link again."""
        mission = get_object_or_404(Mission.objects.published().for_listing(), slug=mission_slug)
        links = self.links(request)
        form = ApplicationForm(request.POST if request.method == "POST" else None, mission=mission)
        resend_form, notice = None, ""
        if request.method == "POST" and mission.accepts_applications and form.accept(request, scope="mission-application"):
            try:
                application = services.apply(mission, **form.submitted(), consent=form.cleaned_data["consent"])
            except services.AlreadyReceived as received:  # information, not an error: the form is kept
                notice = received.message
                if isinstance(received, services.DuplicateApplication):
                    resend_form = ResendLinkForm(initial={"email": form.cleaned_data["email"]})
            except DomainError as error:
                form.add_domain_error(error)
            else:
                messages.success(request, gettext(
                    "Merci, votre candidature est bien envoyée ! Un e-mail de confirmation vient de "
                    "partir vers votre adresse."
                ))
                request.session[FOLLOW_SESSION_KEY] = follow_path(application)  # for the thank-you page only
                # Straight to the "Candidater" panel: the follow link and what happens next are there.
                return redirect(links.mission(mission) + "#candidater")
        return self.mission_response(request, mission, links, form, resend_form, notice)

    def mission_response(self, request, mission, links, form, resend_form=None, notice=""):
        accepts, sent = mission.accepts_applications, just_sent(request)
        response = self.render(request, template="missions/mission_detail.html", context_overrides={
            **self.detail_context(mission, links), "form": form if accepts and not sent else None, "sent": sent,
            **sharing_context(request.build_absolute_uri(links.mission(mission)), mission.title, mission.summary),
            "follow_url": pop_from_session(request, FOLLOW_SESSION_KEY) if sent else "",
            "resend_form": resend_form,
            "notice": notice,
            "resend_url": links.index + self.reverse_subpage("resend_follow_link", args=[mission.slug]),
        })
        answered = resend_form if resend_form is not None and resend_form.is_bound else form
        # A post to a mission that takes no applications conflicts with its state.
        status = 409 if request.method == "POST" and not accepts else answered.http_status
        return form_response(request, response, status)

    @path("<slug:mission_slug>/renvoyer-suivi/", name="resend_follow_link")
    def resend_follow_link_route(self, request, mission_slug):
        """POST only (offered on a duplicate application): the same answer whoever asks, whatever the address."""
        mission = get_object_or_404(Mission.objects.published().for_listing(), slug=mission_slug)
        links = self.links(request)
        return resend_link_route(
            request, scope="mission-follow-link", back_url=links.mission(mission) + "#candidater",
            send=lambda email: services.resend_follow_link(mission, email=email),
            sent_message=gettext(
                "Si une candidature à cette mission correspond à cette adresse, le lien pour la suivre vient "
                "d’y être envoyé (au plus un envoi toutes les 10 minutes). Pensez à regarder dans les indésirables."
            ),
            limited_response=lambda form: self.mission_response(
                request, mission, links, ApplicationForm(mission=mission), form),
        )
