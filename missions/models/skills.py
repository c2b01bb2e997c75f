"""The skill vocabulary ("compétences") shared by missions and trainings.

A dedicated taggit tag model keeps skills apart from any other tags of the site
(news tags, for instance). Each model tagged with skills declares its own
through-model (`MissionSkill`, `CourseSkill`…) pointing at `Skill`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase

# The nine historic skills of the community, seeded by a data migration: French labels, with the
# English word people use in brackets. Slugs never change (they are in URLs and filters).
INITIAL_SKILLS = [
    ("Stratégie numérique", "strategie"),
    ("Accessibilité", "accessibilite"),
    ("Mesure d’audience (analytics)", "analytics"),
    ("Collecte en ligne", "collecte"),
    ("Campagnes e-mail (e-mailing)", "emailing"),
    ("Gestion de site (webmastering)", "webmastering"),
    ("Médias sociaux", "medias-sociaux"),
    ("Référencement (SEO)", "search"),
    ("Vidéo", "video"),
]


class Skill(TagBase):
    description = models.TextField(_("description"), blank=True)

    # Editors may add new skills while tagging (free tagging is on).
    free_tagging = True

    class Meta:
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        ordering = ["name"]

    def __str__(self):
        return self.name
