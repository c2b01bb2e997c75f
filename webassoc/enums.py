"""Choices shared by several apps: one value for one meaning across the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Format(models.TextChoices):
    """Where something happens: a mission, a course, a training session."""

    ON_SITE = "sur_place", _("Sur place")
    REMOTE = "a_distance", _("À distance")
    HYBRID = "hybride", _("Hybride")


# Formats that take place somewhere, at least in part: a town is needed.
WITH_A_PLACE = (Format.ON_SITE, Format.HYBRID)
