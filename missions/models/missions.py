"""Missions ("appels à compétences"): a snippet with drafts, revisions, preview and workflow."""

import re
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from missions.enums import COMMITMENT_HOURS, Commitment, MissionSort, MissionState, MissionStatus, Side
from missions.places import place_pattern
from webassoc.enums import Format
from webassoc.forms import search_words
from webassoc.pagination import SortIndex, page_of_ids
from webassoc.privacy import ANONYMOUS_DOMAIN, AnonymisableMixin, anonymous_email, redact
from webassoc.typography import french_date, french_datetime

from .followup import Feedback, FollowUpCase, written_after_introduction
from .skills import Skill

# Sub-paths of the mission index page that a mission slug must not take.
RESERVED_SLUGS = {"proposer", "competences", "merci", "rss", "atom", "json"}
MAX_SEARCH_WORDS = 10
ABANDONED_DRAFT_DAYS = 30
DUE_SOON_DAYS = 7  # "Missions dont l’échéance tombe dans les 7 jours" (dashboard, admin filter)


class MissionSkill(TaggedItemBase):
    """Through-model: missions are tagged with skills only, never with other tags."""

    tag = models.ForeignKey(
        Skill, on_delete=models.CASCADE, related_name="mission_items", verbose_name=_("compétence")
    )
    content_object = ParentalKey("missions.Mission", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("compétence de la mission")
        verbose_name_plural = _("compétences des missions")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_mission_skill"),
        ]


MAX_INDEX_MATCHES = 500


def indexed_matches(query):
    """Ids of the published missions the search index finds for `query` (all its words)."""
    words = search_words(query)
    if not words:
        return []
    found = Mission.objects.filter(live=True).search(words, operator="and")[:MAX_INDEX_MATCHES]
    return [mission.pk for mission in found]


def commitment_q(commitment):
    """The missions whose estimated effort falls in the range of `commitment`."""
    low, high = COMMITMENT_HOURS[commitment]
    condition = models.Q(effort_hours__isnull=False)
    if low is not None:
        condition &= models.Q(effort_hours__gte=low)
    if high is not None:
        condition &= models.Q(effort_hours__lte=high)
    return condition


class MissionQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def open(self, today=None):
        """Published, open, and still taking applications (deadline not passed)."""
        today = today or timezone.localdate()
        return (
            self.published()
            .filter(status=MissionStatus.OPEN)
            .filter(models.Q(apply_before__isnull=True) | models.Q(apply_before__gte=today))
        )

    def due_soon(self, days=DUE_SOON_DAYS, today=None):
        """Missions whose deadline falls within `days` days (the dashboard panel, the admin filter)."""
        today = today or timezone.localdate()
        return self.filter(apply_before__lte=today + timedelta(days=days))

    def in_state(self, state, now=None):
        """The missions in one MissionState (the admin filter), the same rule as Mission.state."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        past_deadline = models.Q(apply_before__lt=today)
        live_with = {
            MissionState.LIVE: models.Q(status=MissionStatus.OPEN) & ~past_deadline,
            MissionState.PAST_DEADLINE: models.Q(status=MissionStatus.OPEN) & past_deadline,
            MissionState.FILLED: models.Q(status=MissionStatus.FILLED),
            MissionState.CLOSED: models.Q(status=MissionStatus.CLOSED),
        }
        if state in live_with:
            return self.filter(models.Q(live=True) & live_with[state])
        not_live = self.filter(live=False)
        if state == MissionState.EXPIRED:
            return not_live.filter(expired=True)
        scheduled = models.Q(go_live_at__gt=now)
        if state == MissionState.SCHEDULED:
            return not_live.filter(expired=False).filter(scheduled)
        if state == MissionState.DRAFT:
            return not_live.filter(expired=False).exclude(scheduled)
        return self.none()

    def abandoned_drafts(self, days=ABANDONED_DRAFT_DAYS, now=None):
        """Drafts never published and untouched for `days` days (autosaves, tries): to delete."""
        cutoff = (now or timezone.now()) - timedelta(days=days)
        return self.filter(self.model.never_published_q(), updated_at__lt=cutoff).filter(
            models.Q(latest_revision__isnull=True) | models.Q(latest_revision__created_at__lt=cutoff)
        )

    def contact_in_use(self, before):
        """Missions whose association contact is still needed at `before` (the purge's cutoff):
        taking applications, open with a deadline not yet past the cutoff, or changed since (a
        new draft counts)."""
        return self.filter(
            models.Q(pk__in=self.model.objects.open().values("pk"))
            | models.Q(status=MissionStatus.OPEN, apply_before__gte=timezone.localdate(before))
            | models.Q(updated_at__gte=before)
            | models.Q(latest_revision__created_at__gte=before)
        )

    def with_skills(self, skills):
        """Missions having ALL the given skills (AND)."""
        qs = self
        for skill in skills:
            qs = qs.filter(tagged_items__tag=skill)
        return qs

    def with_commitment(self, commitment):
        """Missions whose estimated effort falls in the commitment's range (COMMITMENT_HOURS)."""
        return self.filter(commitment_q(commitment))

    def at_place(self, place):
        """Missions on site (or hybrid) whose place is `place`, and every remote mission (they can
        be done from anywhere). A town finds itself, accents ignored; a department number or
        name ("69", "2A", "Gironde") also finds its name and its préfecture ("Lyon (69)",
        "69003 Lyon", "Lyon", "Bordeaux"): `missions.places`. One condition of the same query."""
        pattern = place_pattern(place)
        here = models.Q(location__iregex=pattern) if pattern else models.Q(location__icontains=place.strip())
        return self.filter(models.Q(format=Format.REMOTE) | (~models.Q(format=Format.REMOTE) & here))

    def filtered(self, *, q="", skills=(), format="", cause="", commitment="", place=""):
        """The missions matching the public list's filters, unsorted (see matching())."""
        qs = self.with_skills(skills)
        if format:
            qs = qs.filter(format=format)
        if cause:
            qs = qs.filter(association__cause=cause)
        if commitment:
            qs = qs.with_commitment(commitment)
        if place:
            qs = qs.at_place(place)
        words = q.split()[:MAX_SEARCH_WORDS]
        if words:
            # Every word as typed (part of a word too: "vid" finds "vidéo"), or the search index
            # (in production PostgreSQL's French full text without accents: "benevole" finds
            # "bénévoles").
            typed = models.Q()
            for word in words:
                typed &= (
                    models.Q(title__icontains=word) | models.Q(summary__icontains=word)
                    | models.Q(description__icontains=word) | models.Q(association__name__icontains=word)
                    | models.Q(location__icontains=word)
                    # a skill's name or synonym: "SEO" finds the missions tagged "Search" (a subquery)
                    | models.Q(pk__in=MissionSkill.objects.filter(tag__in=Skill.objects.matching(word))
                               .values("content_object_id"))
                )
            qs = qs.filter(typed | models.Q(pk__in=indexed_matches(" ".join(words))))
        return qs

    def matching(self, *, sort=MissionSort.NEWEST, **filters):
        """The missions matching the public list's filters (MissionFilterForm.filters()), sorted."""
        qs = self.filtered(**filters)
        return qs.by_deadline() if sort == MissionSort.DEADLINE else qs.newest_first()

    def facet_counts(self, *, sort=None, **filters):
        """How many missions each filter option would list, given the other filters.

        {"skills": {skill_pk: n}, "format": {value: n}, "cause": {value: n}, "commitment": {value: n}}.
        Two grouped queries whatever the number of options. A skill counts the missions that have
        it on top of the chosen ones (skills combine with AND). A single-choice filter (format,
        cause, commitment) counts with its own choice left out, since choosing it replaces it:
        the missions matching the other filters are grouped by (format, cause, commitment) once,
        and each option sums the groups that the two other choices keep.
        """
        skills = (
            MissionSkill.objects.filter(content_object__in=self.filtered(**filters).order_by().values("pk"))
            .order_by().values("tag").annotate(n=models.Count("pk")).values_list("tag", "n")
        )
        single = {"format": "format", "cause": "association__cause", "commitment": "commitment_value"}
        groups = (
            self.filtered(**{**filters, "format": "", "cause": "", "commitment": ""})
            .order_by()
            .annotate(commitment_value=models.Case(
                *(models.When(commitment_q(value), then=models.Value(value)) for value in Commitment.values),
                default=models.Value(""),
            ))
            .values_list(*single.values())
            .annotate(n=models.Count("pk"))
        )
        counts = {name: {} for name in single}
        for *values, n in groups:
            chosen = dict(zip(single, values, strict=True))
            for name in single:
                others_kept = all(not filters.get(other) or chosen[other] == filters[other]
                                  for other in single if other != name)
                if others_kept:
                    counts[name][chosen[name]] = counts[name].get(chosen[name], 0) + n
        return {"skills": dict(skills), **counts}

    def for_listing(self):
        return self.select_related("association").prefetch_related(
            models.Prefetch("tagged_items", queryset=MissionSkill.objects.select_related("tag"))
        )

    def newest_first(self):
        return self.order_by(models.F("first_published_at").desc(nulls_last=True), "-pk")

    def by_deadline(self):
        return self.order_by(models.F("apply_before").asc(nulls_last=True), "-pk")

    def page(self, number, per_page):
        """One page of these missions, ready for cards; a page past the end shows the last one.

        One query returns the page's ids and the count of matching missions, capped at
        COUNT_CAP ("plus de 1 000"), walking the sort order's index (Meta.indexes) only as far
        as the page (`webassoc.pagination.page_of_ids`); the page's missions are then loaded
        with their association and skills. Neither the query count nor the time grows with
        the number of missions.
        """
        ids, page = page_of_ids(self, number, per_page)
        missions = self.model.objects.filter(pk__in=ids).for_listing().in_bulk() if ids else {}
        page.object_list = [missions[pk] for pk in ids if pk in missions]
        return page


class Mission(
    AnonymisableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(
        _("adresse (slug)"), max_length=200, unique=True, blank=True, null=True,
        help_text=_(
            "Adresse de la mission : /missions/<slug>/. Laissez vide : elle sera créée depuis le titre "
            "à la première publication (un brouillon ne réserve pas d’adresse)."
        ),
    )
    association = models.ForeignKey(
        "missions.Association", verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="missions",
    )
    summary = models.TextField(
        _("résumé"), max_length=400, help_text=_("Deux ou trois phrases, montrées dans les listes.")
    )
    description = RichTextField(_("description"), blank=True)
    skills = ClusterTaggableManager(
        through=MissionSkill, blank=True, verbose_name=_("compétences"),
        help_text=_("Les compétences recherchées. Vous pouvez en ajouter de nouvelles."),
    )
    effort_hours = models.PositiveSmallIntegerField(
        _("effort estimé (heures)"), null=True, blank=True,
    )
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.REMOTE
    )
    location = models.CharField(_("lieu"), max_length=200, blank=True)
    volunteers_wanted = models.PositiveSmallIntegerField(_("bénévoles recherchés"), default=1)
    apply_before = models.DateField(_("candidater avant le"), null=True, blank=True)
    needed_by = models.DateField(
        _("échéance souhaitée par l’association"), null=True, blank=True,
        help_text=_(
            "Quand l’association aimerait que le besoin soit couvert (repris de sa demande). "
            "Ce n’est pas la date limite de candidature."
        ),
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=MissionStatus.choices, default=MissionStatus.OPEN,
        db_index=True,
    )
    contact_name = models.CharField(_("nom du contact à l’association"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("e-mail du contact à l’association"),
        help_text=_("Reçoit l’e-mail de mise en relation. Jamais affiché sur le site public."),
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("coordinateur ou coordinatrice"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="coordinated_missions",
        help_text=_("Reçoit les rappels des candidatures sans réponse (sinon, l’adresse de l’équipe)."),
    )
    filled_at = models.DateTimeField(_("pourvue le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="mission",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="mission",
        for_concrete_model=False,
    )

    objects = MissionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("association"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("skills"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("location")]),
        FieldRowPanel([FieldPanel("effort_hours"), FieldPanel("volunteers_wanted")]),
        FieldRowPanel([FieldPanel("apply_before"), FieldPanel("needed_by")]),
        FieldPanel("status"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
        FieldPanel("coordinator"),
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("location"),
        index.RelatedFields("association", [index.SearchField("name")]),
        index.FilterField("live"),
        index.FilterField("status"),
        index.FilterField("format"),
    ]

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["-created_at", "-pk"]
        # The public list's two sort orders (MissionQuerySet.newest_first, by_deadline), so that
        # the database walks a page's rows in order and stops there, whatever the number of
        # missions (webassoc.pagination.page_of_ids).
        indexes = [
            SortIndex(models.F("first_published_at").desc(nulls_last=True), models.F("id").desc(),
                      name="mission_newest_first"),
            SortIndex(models.F("apply_before").asc(nulls_last=True), models.F("id").desc(),
                      name="mission_by_deadline"),
        ]

    def __str__(self):
        return self.title

    # --- personal data: the association's contact (see webassoc/privacy.py) -----------------

    @classmethod
    def holding_personal_data(cls):
        """A contact typed again after an anonymisation is personal data again."""
        return ~models.Q(contact_name="") | ~models.Q(contact_email__iendswith=f"@{ANONYMOUS_DOMAIN}")

    def personal_identifiers(self):
        return [self.contact_email, self.contact_name]

    @classmethod
    def written_by_the_person(cls, rows):
        """After an introduction, what the mission's contact wrote for the association (the side its
        check-in and feedback e-mails go to): its help requests and feedback (the volunteer's are
        the volunteer's)."""
        return written_after_introduction(Side.ASSOCIATION, whose=" de l’association", application__mission__in=rows)

    def forget_personal_data(self):
        """Forget the contact person, also where their name or address was written in the mission's
        texts (a converted request copies its description). What they wrote for the association
        after an introduction (`written_by_the_person`) is forgotten; the volunteer's words about
        it and the team's texts about its applications (notes, decline details, outcome reasons,
        steps, follow-up notes: `redact_team_texts`) lose the contact's name, address and phone."""
        identifiers = self.personal_identifiers()
        for name in ("title", "summary", "description", "location"):
            setattr(self, name, redact(getattr(self, name), identifiers))
        for case in FollowUpCase.objects.filter(application__mission=self, side=Side.ASSOCIATION):
            case.forget_text()
        self.applications.all().redact_team_texts(identifiers)
        for feedback in Feedback.objects.filter(application__mission=self).exclude(comment=""):
            comment = "" if feedback.side == Side.ASSOCIATION else redact(feedback.comment, identifiers)
            if comment != feedback.comment:
                feedback.comment = comment
                feedback.save(update_fields=["comment"])
        if self.slug and self._slug_names(identifiers):
            # Its address was made from a title naming the contact ("site-pour-jeanne-martin"): a
            # new one from the redacted title; the old address answers 404 (a redirect would keep it).
            self.slug = self._unique_slug()
        self.contact_name = ""
        self.contact_email = anonymous_email(self.pk)

    def _slug_names(self, identifiers):
        words = {slugify(identifier or "") for identifier in identifiers} - {""}
        return any(re.search(rf"(?:^|-){re.escape(word)}(?:-|$)", self.slug) for word in words if len(word) >= 2)

    # --- slug ---------------------------------------------------------------------------------

    def _unique_slug(self):
        """A slug from the title, free among the missions that were ever published (a never-published
        draft holding it gives it up when this mission is published: see save())."""
        base = slugify(self.title)[:190] or "mission"
        if base in RESERVED_SLUGS:
            base = f"mission-{base}"
        taken = Mission.objects.exclude(pk=self.pk).exclude(Mission.never_published_q())
        slug, n = base, 2
        while taken.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @staticmethod
    def never_published_q():
        return models.Q(live=False, first_published_at__isnull=True, last_published_at__isnull=True)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Ce slug est réservé, choisissez-en un autre.")})

    def full_clean(self, *args, **kwargs):
        if not self.slug:
            self.slug = None  # a draft keeps no address until it is published (see save())
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        """The slug is fixed at the first publication (or when an editor types one): an abandoned,
        never-published draft never makes a real mission's address end in "-2"."""
        if not self.slug:
            self.slug = self._unique_slug() if self.live else None
        if self.live and self.slug:
            Mission.objects.filter(Mission.never_published_q(), slug=self.slug).exclude(pk=self.pk).update(slug=None)
        if self.status == MissionStatus.FILLED and self.filled_at is None:
            self.filled_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "filled_at"}
        elif self.status != MissionStatus.FILLED and self.filled_at is not None:
            self.filled_at = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "filled_at"}
        return super().save(*args, **kwargs)

    # --- state --------------------------------------------------------------------------------

    @property
    def is_past_deadline(self):
        return self.apply_before is not None and self.apply_before < timezone.localdate()

    @property
    def is_filled(self):
        return self.status == MissionStatus.FILLED

    @property
    def accepts_applications(self):
        return self.live and self.accepts_applications_once_published

    @property
    def accepts_applications_once_published(self):
        """What a preview shows: an open draft will take applications once it is published."""
        return self.status == MissionStatus.OPEN and not self.is_past_deadline

    def similar_open_missions(self, limit=3):
        """Up to `limit` open missions sharing a skill with this one, newest first, ready for cards:
        shown by a mission that takes no more applications. Lazy (a cached fragment reads it)."""
        shared = MissionSkill.objects.filter(
            tag_id__in=MissionSkill.objects.filter(content_object_id=self.pk).values("tag_id")
        ).values("content_object_id")
        return Mission.objects.open().filter(pk__in=shared).exclude(pk=self.pk).newest_first().for_listing()[:limit]

    def state(self, now=None):
        """The MissionState of this mission (publication and status together)."""
        now = now or timezone.now()
        if not self.live:
            if self.expired:
                return MissionState.EXPIRED
            if self.go_live_at and self.go_live_at > now:
                return MissionState.SCHEDULED
            return MissionState.DRAFT
        if self.status == MissionStatus.FILLED:
            return MissionState.FILLED
        if self.status == MissionStatus.CLOSED:
            return MissionState.CLOSED
        if self.is_past_deadline:
            return MissionState.PAST_DEADLINE
        return MissionState.LIVE

    def state_label(self):
        """The state as the list shows it: the date of a scheduled publication, unpublished changes."""
        state = self.state()
        label = state.label
        if state == MissionState.SCHEDULED:
            label = gettext("Planifiée le %(date)s") % {
                "date": french_datetime(self.go_live_at, "j F Y")
            }
        elif self.live and self.has_unpublished_changes:
            label = gettext("%(state)s (modifications en brouillon)") % {"state": label}
        return label

    state_label.short_description = _("état")

    def status_label(self):
        """The status as the team needs it: an open mission past its deadline says so."""
        if self.status == MissionStatus.OPEN and self.is_past_deadline:
            return gettext("Échéance passée")
        return self.get_status_display()

    status_label.short_description = _("statut")

    def deadline_label(self):
        """The deadline as a French date (26/12/2026), or a dash."""
        return date_format(self.apply_before, "d/m/Y") if self.apply_before else "–"

    deadline_label.short_description = _("date limite")

    def facts(self):
        """Short lines for cards: format, effort, deadline."""
        lines = [self.get_format_display() + (f" – {self.location}" if self.location else "")]
        if self.effort_hours:
            lines.append(
                ngettext("Environ %(hours)s heure", "Environ %(hours)s heures", self.effort_hours)
                % {"hours": self.effort_hours}
            )
        if self.apply_before:
            lines.append(
                gettext("Candidater avant le %(date)s") % {"date": french_date(self.apply_before)}
            )
        return lines

    def skill_names(self):
        return ", ".join(skill.name for skill in self.skill_list())

    skill_names.short_description = _("compétences")

    def skill_list(self):
        """Skills in name order, using the prefetch of `for_listing()` when present."""
        return sorted((item.tag for item in self.tagged_items.all()), key=lambda skill: skill.name)

    # --- URLs (missions are served by the mission index page) ------------------------------

    def get_url(self, request=None):
        index_page = mission_index(request)
        return index_page.links(request).mission(self) if index_page else None

    get_absolute_url = get_url

    def get_full_url(self, request=None):
        """Absolute URL (scheme and host), as emails need."""
        index_page = mission_index(request)
        return index_page.full_links(request).mission(self) if index_page else None

    # --- preview: the public detail template ----------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "missions/mission_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        if not self.slug:  # a draft has no address yet: show the one it would get (never saved)
            self.slug = self._unique_slug()
        index_page = mission_index(request)
        if index_page is not None:
            context.update(index_page.detail_context(self, index_page.links(request)))
        else:
            context["mission"] = self
        # The mission as it will look once published (a draft is not "closed").
        context["accepts_applications"] = self.accepts_applications_once_published
        context["is_preview"] = True
        return context


def mission_index(request=None):
    """The live MissionIndexPage of the request's site (looked up by name: its module imports this one)."""
    return apps.get_model("missions", "MissionIndexPage").get_for_request(request)
