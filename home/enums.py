"""Choices of the home app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HeadingLevel(models.TextChoices):
    """Level of a heading block in a page body (the page title is the h1)."""

    SECTION = "h2", _("Titre de section (h2)")
    SUBSECTION = "h3", _("Sous-titre (h3)")
