"""The skill vocabulary ("compétences") shared by missions and trainings.

A dedicated taggit tag model keeps skills apart from any other tags of the site
(news tags, for instance). Each model tagged with skills declares its own
through-model (`MissionSkill`, `CourseSkill`…) pointing at `Skill`.
"""

import re

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.models import NaturalKeyManager, TagBase

# The nine historic skills of the community, seeded by a data migration: French labels, with the
# English word people use in brackets. Slugs are French and in URLs and filters: a slug that had to
# change (a merge, an edit, "search" → "referencement") stays as a FormerSlug, so old links,
# bookmarks and feed URLs still reach the skill.
INITIAL_SKILLS = [
    ("Stratégie numérique", "strategie"),
    ("Accessibilité", "accessibilite"),
    ("Mesure d’audience (analytics)", "analytics"),
    ("Collecte en ligne", "collecte"),
    ("Campagnes e-mail (e-mailing)", "emailing"),
    ("Gestion de site (webmastering)", "webmastering"),
    ("Médias sociaux", "medias-sociaux"),
    ("Référencement (SEO)", "referencement"),
    ("Vidéo", "video"),
]


# Synonyms of the curated skills, seeded by a data migration (by slug: labels may be renamed). The
# former English labels ("Search", "Emailing", "Analytics") stay synonyms.
INITIAL_ALIASES = {
    "referencement": "Search, SEO, SEA, référencement, référencement naturel, moteur de recherche",
    "medias-sociaux": "réseaux sociaux, social media, community management, Facebook, Instagram, LinkedIn",
    "emailing": "Emailing, e-mailing, newsletter, lettre d'information, mailing",
    "collecte": "collecte de fonds, dons en ligne, fundraising, crowdfunding",
    "analytics": "Analytics, statistiques, mesure d'audience, Matomo, Google Analytics",
    "webmastering": "site web, site internet, WordPress, CMS, maintenance",
    "accessibilite": "a11y, RGAA, WCAG, handicap",
    "video": "montage, YouTube, tournage, motion design",
    "strategie": "stratégie numérique, stratégie digitale, plan de communication",
}


def current_slugs(slugs):
    """Each of `slugs` as a skill answers to it now: itself when a skill has it, else the slug of the
    skill that took it over (FormerSlug: a merge, an edit), else unchanged. One query."""
    slugs = list(slugs)
    moved = dict(
        FormerSlug.objects.filter(slug__in=slugs).exclude(slug__in=Skill.objects.values("slug"))
        .values_list("slug", "skill__slug")
    ) if slugs else {}
    return [moved.get(slug, slug) for slug in slugs]


def current_slug(slug):
    return current_slugs([slug])[0]


def split_aliases(text):
    """The synonyms typed in one field, separated by commas or new lines."""
    return [alias.strip() for alias in re.split(r"[,\n;]", text or "") if alias.strip()]


def normalise(term):
    return slugify(term or "")


def term_owners(*, exclude=()):
    """{normalised term: skill name} for the name, slug and synonyms of every skill but those of
    `exclude` (pks): who a word already belongs to. One query; the vocabulary is small."""
    owners = {}
    for name, slug, aliases in Skill.objects.exclude(pk__in=exclude).values_list("name", "slug", "aliases"):
        for term in (name, slug, *split_aliases(aliases)):
            owners.setdefault(normalise(term), name)
    owners.pop("", None)
    return owners


def terms_of_other_skills(terms, *, exclude=()):
    """[(term, name of the skill it already names)] for each of `terms` that is the name, slug or a
    synonym of another skill (case and accents ignored): one word, one skill, or the site's search
    and the admin's chooser could not tell which skill was meant."""
    owners = term_owners(exclude=exclude)
    return [(term, owners[normalise(term)]) for term in terms if normalise(term) in owners]


def unique_skill_slug(name, *, exclude=None):
    """An ASCII slug for a new skill named `name`, not taken by another skill (-2, -3… if needed)."""
    base = Skill().slugify(name)[:90]
    taken = set(Skill.objects.exclude(pk=exclude).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class SkillQuerySet(models.QuerySet):
    def in_use(self):
        """The skills of published missions that take applications: what public filters and forms offer
        (a skill typed in a draft, or left on closed missions only, is not offered)."""
        from .missions import Mission, MissionSkill  # missions imports this module

        # One EXISTS per skill, which stops at its first open mission (the tag index): the cost
        # follows the number of skills, not of missions (an IN over every open mission's tags did not).
        used = MissionSkill.objects.filter(tag=models.OuterRef("pk"), content_object__in=Mission.objects.open())
        return self.filter(models.Exists(used))

    def in_use_ids(self):
        """The ids of `in_use()`, kept per content change and day (webassoc.fragments): the public
        mission list asks on every request, and finding them reads the open missions (~12 ms at
        10,000 missions on SQLite)."""
        from webassoc import fragments

        return fragments.cached("skills_in_use", lambda: list(self.in_use().values_list("pk", flat=True)))

    def with_public_page(self):
        """The skills that have a public page (`/missions/competences/<slug>/`): the community's
        vocabulary and the skills of published missions, open or not (a closed mission's page links
        to its skills; their page says that no mission is open and offers the alert box). A skill
        typed only in drafts has none: its page would tell about unpublished work."""
        from .missions import Mission, MissionSkill  # missions imports this module

        used = MissionSkill.objects.filter(tag=models.OuterRef("pk"), content_object__in=Mission.objects.published())
        return self.filter(models.Q(curated=True) | models.Exists(used))

    def curated(self):
        """The community's vocabulary (what associations choose from in their requests)."""
        return self.filter(curated=True)

    def matching(self, term):
        """Skills whose name or one of whose synonyms contains `term` ("SEO" finds "Search")."""
        term = (term or "").strip()
        if not term:
            return self.none()
        return self.filter(models.Q(name__icontains=term) | models.Q(aliases__icontains=term))


class Skill(TagBase):
    description = models.TextField(_("description"), blank=True)
    aliases = models.TextField(
        _("synonymes"), blank=True,
        help_text=_(
            "Autres mots pour cette compétence, séparés par des virgules (ex. : SEO, référencement). "
            "Ils sont reconnus par la recherche du site et par le choix des compétences dans l’administration."
        ),
    )
    curated = models.BooleanField(
        _("vocabulaire de la communauté"), default=False,
        help_text=_("Proposée aux associations dans le formulaire de demande de mission."),
    )

    objects = NaturalKeyManager.from_queryset(SkillQuerySet)()

    # Editors may add new skills while tagging (free tagging is on).
    free_tagging = True

    def slugify(self, tag, i=None):
        """ASCII slugs (Référencement → referencement): they are in public URLs."""
        slug = slugify(tag) or "competence"
        return f"{slug}-{i}" if i is not None else slug

    def alias_list(self):
        return split_aliases(self.aliases)

    def answers_to(self, term):
        """Whether `term` names this skill (its name, slug or a synonym; case and accents ignored)."""
        wanted = normalise(term)
        return bool(wanted) and wanted in {normalise(self.name), self.slug, *map(normalise, self.alias_list())}

    class Meta:
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        ordering = ["name"]

    def __str__(self):
        return self.name


class FormerSlug(models.Model):
    """A public address a skill had before a merge or an edit of its slug: its page redirects, and
    its filter (`?competences=<former>` in a bookmark or a feed URL) still filters. Seeded with
    "search" → "referencement" (migration 0016); merged again, the skill hands its own over."""

    slug = models.CharField(_("ancienne adresse"), max_length=100, unique=True)
    skill = models.ForeignKey(Skill, verbose_name=_("compétence"), on_delete=models.CASCADE,
                              related_name="former_slugs")
    created_at = models.DateTimeField(_("depuis le"), default=timezone.now)

    class Meta:
        verbose_name = _("ancienne adresse de compétence")
        verbose_name_plural = _("anciennes adresses de compétences")

    def __str__(self):
        return f"{self.slug} → {self.skill.slug}"
