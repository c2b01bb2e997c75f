"""Associations helped by the community (a snippet)."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from missions.enums import Cause
from webassoc.privacy import AnonymisableMixin, redact


class AssociationQuerySet(models.QuerySet):
    def contact_in_use(self, before):
        """Associations whose contact is still needed at `before` (the purge's cutoff): changed since,
        or with a mission that still keeps its own contact."""
        missions = apps.get_model("missions", "Mission").objects.contact_in_use(before)
        return self.filter(models.Q(updated_at__gte=before) | models.Q(pk__in=missions.values("association")))


class Association(AnonymisableMixin, index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=200, unique=True)
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices, default=Cause.SOLIDARITY)
    website = models.URLField(_("site web"), blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    description = models.TextField(_("description courte"), blank=True, max_length=1000)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(
        _("nom du contact"), max_length=200, blank=True,
        help_text=_("Jamais affiché sur le site public."),
    )
    contact_email = models.EmailField(
        _("e-mail du contact"), blank=True,
        help_text=_("Adresse proposée par défaut pour les missions de cette association. "
                    "Jamais affichée sur le site public."),
    )
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = AssociationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("cause"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("cause"),
    ]

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    # --- personal data: the contact (see webassoc/privacy.py) ---------------------------------

    @classmethod
    def holding_personal_data(cls):
        """A contact typed again after an anonymisation is personal data again."""
        return ~models.Q(contact_name="") | ~models.Q(contact_email="")

    def personal_identifiers(self):
        return [self.contact_email, self.contact_name]

    def forget_personal_data(self):
        """Forget the contact person, also where their name or address was written in the name
        (copied from a request: "Association de [effacé]"), the description, and the team's texts
        about the applications to its missions (`ApplicationQuerySet.redact_team_texts`)."""
        identifiers = self.personal_identifiers()
        apps.get_model("missions", "Application").objects.filter(mission__association=self).redact_team_texts(identifiers)
        name = redact(self.name, identifiers)
        if name != self.name:
            self.name = self._free_name(name)
        self.description = redact(self.description, identifiers)
        self.contact_name = ""
        self.contact_email = ""

    def _free_name(self, name):
        """`name`, or `name (2)`, `(3)`… when another association has it (names are unique),
        within the column's length."""
        taken = Association.objects.exclude(pk=self.pk)
        limit = self._meta.get_field("name").max_length
        candidate, n = name[:limit], 2
        while taken.filter(name__iexact=candidate).exists():
            suffix = f" ({n})"
            candidate, n = name[:limit - len(suffix)] + suffix, n + 1
        return candidate
