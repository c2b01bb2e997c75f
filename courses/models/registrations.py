"""Registrations of associations to a dated session. Seats are counted in attendees."""

import secrets

from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from webassoc import cache_versions
from webassoc.prepared_sql import Prepared
from webassoc.privacy import AnonymisableMixin, anonymous_email

from ..enums import ACTIVE, SEATED, CancelledBy, RegistrationStatus
from ..formatting import session_label


def new_token():
    return secrets.token_urlsafe(32)


def seats_taken(prefix=""):
    """The one count of seats taken: attendees of seated registrations, 0 when there are none.

    An aggregate expression; `prefix` is the path from the queried model to its registrations
    ("registrations__" from sessions, "" from registrations themselves).
    """
    return Coalesce(Sum(f"{prefix}attendees", filter=Q(**{f"{prefix}status__in": SEATED})), 0)


SEATS_VERSION_KEY = "courses:seats:version"


def seats_version():
    """Version of the seat counts public pages show, bumped after every registration change.

    Read where seats are counted for display (`with_seats()`, the `seats_taken` property): a cached
    page or fragment showing seats depends on it (webassoc.page_cache, webassoc.fragments),
    and a registration does not flush pages without seats (missions, news, manifesto).
    """
    return cache_versions.current(SEATS_VERSION_KEY)


def bump_seats_version(sender=None, **kwargs):
    transaction.on_commit(lambda: cache_versions.bump(SEATS_VERSION_KEY))


def waitlist_length(prefix=""):
    """The number of people waiting: attendees of waitlisted registrations, 0 when there are none,
    as an aggregate expression (see seats_taken). People, as seats count people: "6/6 places ·
    5 personnes en attente" (courses.viewsets.fill_label) reads one unit."""
    return Coalesce(Sum(f"{prefix}attendees", filter=Q(**{f"{prefix}status": RegistrationStatus.WAITLISTED})), 0)


def has_registrations(page):
    """Registrations hang on this page or below it (a course's sessions)."""
    return Registration.objects.filter(session__path__startswith=page.path).exists()


class RegistrationQuerySet(models.QuerySet):
    def confirmation_if_it_fits(self, registration):
        """The UPDATE that confirms `registration` if its attendees fit beside the seated ones: the
        count, the session's capacity and the confirmation in one statement, compiled now
        (`webassoc.prepared_sql`) to run under the session's lock (courses.services.register):
        the count is not safe without it. Its row count is 1 if the registration was confirmed."""
        sessions = self.model._meta.get_field("session").related_model.objects
        taken = (
            Registration.objects.filter(session_id=OuterRef("session_id")).order_by()
            .values("session_id").annotate(total=seats_taken()).values("total")
        )
        capacity = sessions.filter(pk=OuterRef("session_id")).order_by().values("capacity")
        fits = (
            self.filter(pk=registration.pk)
            .alias(taken=Coalesce(Subquery(taken), 0), capacity=Subquery(capacity))
            .filter(taken__lte=F("capacity") - registration.attendees)
        )
        return Prepared.update(fits, status=RegistrationStatus.CONFIRMED, updated_at=timezone.now())

    def active(self):
        return self.filter(status__in=ACTIVE)

    def waitlist(self):
        """The waitlist in the order people joined it."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("created_at", "pk")


class Registration(AnonymisableMixin, models.Model):
    # PROTECT: deleting a session must never delete the registrations silently.
    session = models.ForeignKey(
        "courses.TrainingSessionPage", verbose_name=_("session"), on_delete=models.PROTECT,
        related_name="registrations",
    )
    association_name = models.CharField(_("association"), max_length=200)
    contact_name = models.CharField(_("contact"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    attendees = models.PositiveSmallIntegerField(_("participants"), default=1, validators=[MinValueValidator(1)])
    message = models.TextField(_("message"), blank=True)
    consent_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True)

    status = models.CharField(_("statut"), max_length=20, choices=RegistrationStatus.choices, db_index=True)
    # The key of the cancel link sent in the e-mails: the person's own, so in their export.
    token = models.CharField(_("jeton du lien d’annulation"), max_length=64, unique=True, default=new_token,
                             editable=False)
    created_at = models.DateTimeField(_("inscrite le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    promoted_at = models.DateTimeField(_("sortie de liste d’attente le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    cancelled_by = models.CharField(_("annulée par"), max_length=20, choices=CancelledBy.choices, blank=True)
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["-created_at"]
        constraints = [
            # One active registration per email and session, whatever the case of the address.
            models.UniqueConstraint(
                Lower("email"), "session",
                # A list, as in migration 0001: a tuple would be a new migration for the same SQL.
                condition=Q(status__in=list(ACTIVE)),
                name="courses_one_active_registration_per_email",
            ),
        ]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self):
        return f"{self.association_name} – {self.session_label()}"

    def session_label(self):
        """Course – date – place (listings annotate `course_title` to spare a query per row)."""
        return session_label(self.session, getattr(self, "course_title", None))

    session_label.short_description = _("session")

    @property
    def is_active(self):
        return self.status in ACTIVE

    @property
    def cancelled_by_team(self):
        """Cancelled from the admin (the e-mail says the team did it), not by the person."""
        return self.cancelled_by == CancelledBy.TEAM

    @property
    def is_waitlisted(self):
        return self.status == RegistrationStatus.WAITLISTED

    def seats_left_in_session(self):
        """Free seats of its session. The admin annotates `fill_seats` (the session's seats taken,
        courses.viewsets.session_fill_annotations) to spare a query per row."""
        taken = getattr(self, "fill_seats", None)
        if taken is None:
            taken = self.session.count_seats_taken()
        return max(self.session.capacity - taken, 0)

    def fits_in_session(self):
        """Whether its attendees fit in the seats left (a waitlisted registration can be confirmed)."""
        return self.attendees <= self.seats_left_in_session()

    def lacking_seats(self):
        """Why it cannot leave the waitlist, in French ("Pas assez de places libres : 1 place
        libre pour 2 participants."); None when its attendees fit in the seats left."""
        left = self.seats_left_in_session()
        if self.attendees <= left:
            return None
        return gettext("Pas assez de places libres : %(seats)s pour %(attendees)s.") % {
            "seats": ngettext("%(n)s place libre", "%(n)s places libres", left) % {"n": left},
            "attendees": ngettext("%(n)s participant", "%(n)s participants", self.attendees) % {"n": self.attendees},
        }

    def get_cancel_url(self):
        return reverse("courses:cancel_registration", args=[self.token])

    def personal_identifiers(self):
        return [self.email, self.contact_name, self.phone, self.association_name]

    def forget_personal_data(self):
        """Forget who registered; the numbers (status, attendees, dates) stay for statistics."""
        self.association_name = str(_("Association anonymisée"))
        self.contact_name = str(_("Contact anonymisé"))
        self.email = anonymous_email(self.pk)
        self.phone = ""
        self.message = ""
        self.token = new_token()  # the cancel link in old emails stops working
