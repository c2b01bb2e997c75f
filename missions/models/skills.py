"""The skill vocabulary ("compétences") shared by missions and trainings.

A dedicated taggit tag model keeps skills apart from any other tags of the site
(news tags, for instance). Each model tagged with skills declares its own
through-model (`MissionSkill`, `CourseSkill`…) pointing at `Skill`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase

# The nine historic skills of the community, seeded by a data migration.
INITIAL_SKILLS = [
    ("Stratégie", "strategie"),
    ("Accessibilité", "accessibilite"),
    ("Analytics", "analytics"),
    ("Collecte", "collecte"),
    ("Emailing", "emailing"),
    ("Webmastering", "webmastering"),
    ("Médias sociaux", "medias-sociaux"),
    ("Search", "search"),
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
