"""The training catalogue: TrainingIndexPage → TrainingPage (a course) → TrainingSessionPage.

The pages' routes are their views: the catalogue and its calendar feed, a session with its
registration form and its .ics file.
"""

import hashlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from courses import services
from courses.forms import CatalogueFilterForm, RegistrationForm, SessionPageForm
from courses.ical import build_calendar, calendar_response
from home import structured_data
from home.blocks import BaseStreamBlock
from home.models.base import BasePage
from home.sharing import sharing_context
from missions.models import Skill
from webassoc import fragments
from webassoc.enums import Format
from webassoc.errors import AlreadyReceived, DomainError
from webassoc.forms import ResendLinkForm, form_response, just_sent, resend_link_route
from webassoc.pagination import page_number, paginate

from ..enums import RegistrationStatus, SessionMode
from .registrations import Registration, seats_taken, seats_version, waitlist_length

COURSES_PER_PAGE = 10


class CourseSkill(TaggedItemBase):
    """Course topics use the missions' skill vocabulary, kept apart from other tags."""

    # The class, not a string: taggit resolves the tag model when this module loads.
    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="course_items", verbose_name=_("compétence"))
    content_object = ParentalKey("courses.TrainingPage", on_delete=models.CASCADE, related_name="skill_items")

    class Meta:
        verbose_name = _("thème de la formation")
        verbose_name_plural = _("thèmes des formations")


class TrainingIndexPage(RoutablePageMixin, BasePage):
    """The catalogue: upcoming sessions grouped by course, filterable by topic and format."""
    search_kind = _("Catalogue des formations")  # in the site search

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.TrainingPage"]
    max_count = 1

    class Meta:
        verbose_name = _("catalogue des formations")
        verbose_name_plural = _("catalogues des formations")

    meta_description_field = "intro"  # without an SEO description (BasePage.get_meta_description)

    def courses(self):
        return TrainingPage.objects.child_of(self).live().public().order_by("title").prefetch_related("skills")

    def upcoming_sessions(self):
        return TrainingSessionPage.objects.upcoming().descendant_of(self)

    def session_groups(self, form):
        """[(course, its upcoming sessions with their seats)] that the catalogue's filters ask for."""
        courses, sessions = form.filter(self.courses(), self.upcoming_sessions().with_seats().order_by("start"))
        return group_by_course(courses, sessions, drop_empty=form.filtering)

    @path("")
    def catalogue(self, request):
        """Upcoming sessions grouped by course; filters by theme (skill) and session mode."""
        form = CatalogueFilterForm(request.GET or None, skills=themes_of(self.courses()))
        filters = [form.cleaned_data["theme"], form.cleaned_data["mode"]] if form.filtering else []
        groups = fragments.cached("catalogue_groups", lambda: self.session_groups(form), [self.pk, *filters])
        return self.render(request, context_overrides={
            "filter_form": form,
            "filtering": form.filtering,
            "page_obj": paginate(groups, page_number(request), COURSES_PER_PAGE),
            "session_count": sum(len(found) for _course, found in groups),
        })

    @path("calendrier/")
    def calendar_feed(self, request):
        """Upcoming sessions (cancelled ones included, marked so, so calendars update)."""
        sessions = attach_courses(self.upcoming_sessions().order_by("start"))
        return calendar_response(build_calendar(sessions, request), "formations-webassoc.ics", inline=True)


class TrainingPage(BasePage):
    """A course: what it teaches and to whom; its dated sessions are its children."""

    summary = models.TextField(_("résumé"), max_length=400, help_text=_("Montré dans le catalogue."))
    skills = ClusterTaggableManager(
        through=CourseSkill, blank=True, verbose_name=_("thèmes"),
        help_text=_("Compétences abordées (même vocabulaire que les missions)."),
    )
    audience = models.CharField(_("public"), max_length=255, blank=True)
    objectives = RichTextField(_("objectifs"), blank=True, features=["bold", "italic", "ul", "ol", "link"])
    prerequisites = models.TextField(_("prérequis"), blank=True)
    duration = models.CharField(_("durée"), max_length=100, help_text=_("Par exemple « 3 heures » ou « 2 × 2 h »."))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.REMOTE)
    trainers = models.CharField(_("formateurs et formatrices"), max_length=255, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("skills"),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("format")]),
        FieldPanel("audience"),
        FieldPanel("trainers"),
        FieldPanel("objectives"),
        FieldPanel("prerequisites"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("audience"),
        index.SearchField("trainers"),
    ]
    parent_page_types = ["courses.TrainingIndexPage"]
    subpage_types = ["courses.TrainingSessionPage"]
    # The admin lists a course's sessions in tree order, which is kept by start (order_sessions(),
    # after every publication of a session and after an editor creates or edits one).
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("formation")
        verbose_name_plural = _("formations")

    meta_description_field = "summary"  # without an SEO description (BasePage.get_meta_description)

    def upcoming_sessions(self):
        return TrainingSessionPage.objects.upcoming().child_of(self).with_seats().order_by("start")

    def format_label(self, sessions):
        """Where the course happens, as its upcoming `sessions` say ("En ligne et sur place" when they
        differ); the course's own format when none is scheduled."""
        modes = {session.mode for session in sessions if not session.cancelled}
        if modes == {SessionMode.REMOTE}:
            return SessionMode.REMOTE.label
        if modes == {SessionMode.ON_SITE}:
            return SessionMode.ON_SITE.label
        if modes:
            return _("En ligne et sur place")
        # The course's format in the catalogue's words ("En ligne", as the sessions and the filter say).
        return {Format.REMOTE: SessionMode.REMOTE.label, Format.ON_SITE: SessionMode.ON_SITE.label}.get(
            self.format, self.get_format_display())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = sessions = list(self.upcoming_sessions())
        context["format_label"] = self.format_label(sessions)
        # Without one, people may ask to hear of the next session (alerts app).
        context["has_open_session"] = any(not session.cancelled and not session.is_full for session in sessions)
        context["skills"] = self.skills.all()
        return context


def course_title_of(path_field):
    """A subquery: the title of the parent page of the page whose tree path is `path_field`."""
    path = models.OuterRef(path_field)
    return models.Subquery(
        Page.objects.filter(path=Substr(path, 1, Length(path) - Page.steplen)).values("title")[:1]
    )


class SessionPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        return self.live().public().filter(start__gt=now or timezone.now())

    def with_course_title(self):
        """Annotate `course_title` (the parent course's title), in the same query."""
        return self.annotate(course_title=course_title_of("path"))

    def open_with_seats(self, now=None):
        """Upcoming sessions that still take registrations with a seat: not cancelled, registration
        not closed, seats left; annotated with their seats (one query)."""
        now = now or timezone.now()
        return (self.upcoming(now).filter(cancelled=False).exclude(registration_closes_at__lte=now)
                .with_seats().filter(capacity__gt=models.F("seats_taken")))

    def with_seats(self):
        """Annotate seats taken and waitlist length, in the same query."""
        seats_version()  # what shows these seats depends on it (page and fragment caches)
        return self.annotate(
            seats_taken=seats_taken("registrations__"), waitlist_length=waitlist_length("registrations__"),
        )


SessionPageManager = PageManager.from_queryset(SessionPageQuerySet)


class TrainingSessionPage(RoutablePageMixin, BasePage):
    """A dated session of a course, with seats, a registration window and a waitlist."""

    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    mode = models.CharField(_("modalité"), max_length=20, choices=SessionMode.choices, default=SessionMode.REMOTE)
    venue = models.CharField(_("lieu"), max_length=255, blank=True, help_text=_("Nom du lieu (sur place)."))
    address = models.TextField(_("adresse"), blank=True, help_text=_("Adresse complète (sur place)."))
    meeting_url = models.URLField(
        _("lien de visioconférence"), blank=True,
        help_text=_("En ligne : envoyé seulement aux inscrits confirmés, par e-mail. Jamais affiché sur le site."),
    )
    capacity = models.PositiveIntegerField(_("nombre de places"), default=12, validators=[MinValueValidator(1)])
    max_attendees_per_registration = models.PositiveSmallIntegerField(
        _("participants maximum par inscription"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    registration_opens_at = models.DateTimeField(
        _("ouverture des inscriptions"), null=True, blank=True, help_text=_("Vide : dès la publication.")
    )
    registration_closes_at = models.DateTimeField(
        _("clôture des inscriptions"), null=True, blank=True, help_text=_("Vide : jusqu’au début de la session.")
    )
    cancelled = models.BooleanField(_("session annulée"), default=False)
    cancellation_reason = models.TextField(_("motif de l’annulation"), blank=True)
    notes = models.TextField(_("informations pratiques"), blank=True)

    # Bookkeeping, not edited by hand.
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)
    ical_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    cancellation_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SessionPageManager()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Dates")),
        MultiFieldPanel(
            [FieldPanel("mode"), FieldPanel("venue"), FieldPanel("address"), FieldPanel("meeting_url")],
            heading=_("Lieu"),
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_attendees_per_registration")], heading=_("Places")),
        FieldRowPanel(
            [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")],
            heading=_("Inscriptions"),
        ),
        FieldPanel("notes"),
        MultiFieldPanel([FieldPanel("cancelled"), FieldPanel("cancellation_reason")], heading=_("Annulation")),
    ]
    parent_page_types = ["courses.TrainingPage"]
    subpage_types = []
    base_form_class = SessionPageForm

    class Meta:
        verbose_name = _("session de formation")
        verbose_name_plural = _("sessions de formation")

    BOOKKEEPING_FIELDS = ("ical_sequence", "ical_fingerprint", "cancellation_notified_at")

    def with_content_json(self, content):
        """Publishing a revision must not roll bookkeeping back to the values it was saved with."""
        page = super().with_content_json(content)
        if self.pk:
            current = type(self).objects.filter(pk=self.pk).values(*self.BOOKKEEPING_FIELDS).first() or {}
            for name, value in current.items():
                setattr(page, name, value)
        return page

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La fin doit être après le début.")
        if self.mode == SessionMode.ON_SITE and not self.address:
            errors["address"] = _("Indiquez l’adresse d’une session sur place.")
        if self.cancelled and not self.cancellation_reason:
            errors["cancellation_reason"] = _("Indiquez le motif de l’annulation : il est envoyé aux inscrits.")
        if self.registration_opens_at and self.registration_closes_at and (
            self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("La clôture doit être après l’ouverture.")
        if errors:
            raise ValidationError(errors)

    # --- derived state -------------------------------------------------------------------------

    @cached_property
    def course(self):
        """The course (parent page); listings set it for many sessions at once with attach_courses()."""
        return self.get_parent().specific

    @property
    def parent_path(self):
        return self.path[: -self.steplen]

    @property
    def is_over(self):
        return self.end <= timezone.now()

    @property
    def is_online(self):
        return self.mode == SessionMode.REMOTE

    def count_seats_taken(self):
        return Registration.objects.filter(session=self).aggregate(total=seats_taken())["total"]

    @cached_property
    def seats_taken(self):
        """Counted once per instance; listings annotate it instead (with_seats())."""
        # What shows these seats depends on their version (page and fragment caches); read here,
        # for display, not in count_seats_taken(), which registering calls under the session lock.
        seats_version()
        return self.count_seats_taken()

    @property
    def seats_left(self):
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self):
        return self.seats_left == 0

    def other_dates(self, limit=3):
        """The course's other upcoming sessions with seats left, soonest first: where to send
        someone this session cannot seat (one query, whatever the number of sessions)."""
        return list(TrainingSessionPage.objects.open_with_seats().sibling_of(self, inclusive=False)
                    .order_by("start")[:limit])

    def closed_reason(self, now=None):
        """Why nobody can register now, in French; None when registration is open."""
        now = now or timezone.now()
        if self.cancelled:
            return _("Cette session est annulée.")
        if self.end <= now:
            return _("Cette session est terminée.")
        if self.start <= now:
            return _("Cette session a déjà commencé : les inscriptions sont closes.")
        if self.registration_opens_at and now < self.registration_opens_at:
            return _("Les inscriptions ne sont pas encore ouvertes.")
        if self.registration_closes_at and now >= self.registration_closes_at:
            return _("Les inscriptions sont closes.")
        return None

    def schedule_fingerprint(self):
        """What attendees' calendars depend on; a change raises the iCal SEQUENCE."""
        parts = [self.title, self.start.isoformat(), self.end.isoformat(), self.mode, self.venue, self.address,
                 str(self.cancelled)]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()

    def get_meta_description(self):
        return self.search_description or self.course.summary

    def get_meta_title(self):
        """Shared pages name the course, not only the date ("Emailing – 04/12/2026 – en ligne")."""
        return f"{self.course.title} – {self.title}"

    def structured_data(self, request):
        """JSON-LD Event (never the meeting link: home/structured_data.py)."""
        return structured_data.event(self, request, course=self.course, seats_left=self.seats_left)

    # --- routes ---------------------------------------------------------------------------------

    @path("")
    def detail(self, request):
        """The session, its seats and the registration form (Post/Redirect/Get). Once registered, the
        confirmation and next steps replace the form; a duplicate is offered the e-mail again."""
        form = RegistrationForm(request.POST or None, session=self)
        resend_form, notice = None, ""
        if request.method == "POST" and not self.closed_reason() and form.accept(request, scope="course-registration"):
            try:
                registration = services.register(self, **form.submitted())
            except AlreadyReceived as received:  # information, not an error: the form is kept
                notice = received.message
                resend_form = ResendLinkForm(initial={"email": form.cleaned_data["email"]})
            except DomainError as error:
                form.add_domain_error(error)
            else:
                tell_registrant(request, registration)
                return redirect(self.url)
        return self.detail_response(request, form, resend_form, notice=notice)

    def detail_response(self, request, form, resend_form=None, *, notice=""):
        status = resend_form.http_status if resend_form is not None and resend_form.is_bound else form.http_status
        closed_reason = self.closed_reason()
        no_seat_here = bool(closed_reason or self.is_full) and not self.is_over
        other_dates = self.other_dates() if no_seat_here else []
        response = self.render(request, context_overrides={
            "course": self.course, "form": form, "closed_reason": closed_reason,
            # No seat here: the course's other dates that have some, or the next-session alert.
            "other_dates": other_dates, "offer_next_session": no_seat_here and not other_dates,
            "registered": just_sent(request, tag=REGISTERED), "resend_form": resend_form, "notice": notice,
            # On the waitlist: no calendar invitation for a seat not given (yet).
            "waitlisted": just_sent(request, tag=WAITLISTED),
            **sharing_context(self.get_full_url(request), self.get_meta_title(), self.course.summary),
        })
        return form_response(request, response, status)

    @path("renvoyer-confirmation/", name="resend")
    def resend_route(self, request):
        """POST only (from the duplicate's error): the same answer whoever asks, whatever the address."""
        return resend_link_route(
            request, scope="course-resend", back_url=self.url,
            send=lambda email: services.resend_confirmation(self, email=email),
            sent_message=gettext(
                "Si une inscription à cette session correspond à cette adresse, son e-mail de confirmation "
                "vient d’y être renvoyé (au plus un envoi toutes les 10 minutes). Pensez à regarder dans les "
                "indésirables."
            ),
            limited_response=lambda form: self.detail_response(request, RegistrationForm(session=self), form),
        )

    @path("calendrier/")
    def ics(self, request):
        if not self.live:
            raise Http404
        return calendar_response(build_calendar([self], request), f"formation-{self.slug}.ics")


REGISTERED = "registered"  # the tag of the message shown after registering (confirmed or waitlisted)
WAITLISTED = "waitlisted"  # and its second tag when the registration is on the waitlist


def tell_registrant(request, registration):
    """The line shown after registering: confirmed, or on the waitlist."""
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, gettext("Votre inscription est confirmée. Un e-mail de confirmation vient de "
                                          "partir vers %(email)s.") % {"email": registration.email},
                         extra_tags=REGISTERED)
    else:
        messages.warning(request, gettext("Il ne reste pas assez de places : vous êtes sur la liste d’attente. Nous "
                                          "vous écrirons à %(email)s dès que les places libérées suffiront pour "
                                          "votre groupe (par ordre d’arrivée).") % {"email": registration.email},
                         extra_tags=f"{REGISTERED} {WAITLISTED}")


def themes_of(courses):
    """The skills taught in these courses: the choices of the catalogue's theme filter."""
    return Skill.objects.filter(course_items__content_object__in=courses).distinct().order_by("name")


def group_by_course(courses, sessions, *, drop_empty=False):
    """[(course, its sessions)] in the order of `courses`; `drop_empty` leaves out courses without one."""
    by_course = {}
    for session in sessions:
        by_course.setdefault(session.parent_path, []).append(session)
    groups = [(course, by_course.get(course.path, [])) for course in courses]
    return [(course, found) for course, found in groups if found or not drop_empty]


def attach_courses(sessions):
    """Set `session.course` on every session with one query, instead of one per session."""
    sessions = list(sessions)
    courses = {course.path: course for course in TrainingPage.objects.filter(
        path__in={session.parent_path for session in sessions})}
    for session in sessions:
        session.course = courses[session.parent_path]
    return sessions
