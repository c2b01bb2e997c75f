"""The skill vocabulary in the admin: names, synonyms, the community's curated list, how many
open missions use each skill, and merging two skills (a record action with a form)."""

from django import forms
from django.db import transaction
from django.db.models import Count, Q
from django.forms import modelform_factory
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.columns import YesNoColumn
from webassoc.admin.exports import FrenchExportMixin
from webassoc.admin.names import FEMININE, EditView, FrenchNamesMixin, IndexView

from .. import services
from ..models import Skill
from ..models.skills import split_aliases, terms_of_other_skills, unique_skill_slug


def already_used(clashes):
    """"« SEO » est déjà le nom ou un synonyme de « Référencement (SEO) »." for each clash."""
    return [
        gettext("« %(term)s » est déjà le nom ou un synonyme de « %(skill)s ».") % {"term": term, "skill": owner}
        for term, owner in clashes
    ]


class SkillAdminForm(WagtailAdminModelForm):
    """A skill's name and synonyms: each word names one skill only. The slug is derived from the
    name when left empty (editable: it is in public URLs)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Adresse publique de la compétence. Laissez vide : elle est créée depuis le nom.")

    def others(self):
        return [self.instance.pk] if self.instance.pk else []

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clashes = terms_of_other_skills([name], exclude=self.others())
        if clashes:
            raise forms.ValidationError(already_used(clashes))
        return name

    def clean_aliases(self):
        aliases = self.cleaned_data.get("aliases", "")
        clashes = terms_of_other_skills(split_aliases(aliases), exclude=self.others())
        if clashes:
            raise forms.ValidationError(
                already_used(clashes) + [gettext("Un mot ne désigne qu’une compétence : retirez ce synonyme, "
                                                 "ou fusionnez les deux compétences.")]
            )
        return aliases

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("name"):
            cleaned["slug"] = unique_skill_slug(cleaned["name"], exclude=self.instance.pk)
        return cleaned


class MergeSkillForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Fusionner dans"), queryset=Skill.objects.none(),
        help_text=_("La compétence qui reste. Celle-ci disparaît : son nom devient un synonyme de l’autre."),
    )

    def __init__(self, data=None, *, instance):
        super().__init__(data)
        self.instance = instance
        self.dropped = []
        self.fields["into"].queryset = Skill.objects.exclude(pk=instance.pk).order_by("name")

    def clean(self):
        """Refuse when this skill's name already names a third skill (it would become a synonym of
        two skills); its synonyms that name a third skill are not carried over (`dropped`)."""
        cleaned = super().clean()
        into = cleaned.get("into")
        if into is None:
            return cleaned
        others = [self.instance.pk, into.pk]
        clashes = terms_of_other_skills([self.instance.name], exclude=others)
        if clashes:  # on the field: the confirmation page shows field errors
            self.add_error("into", already_used(clashes) + [gettext(
                "Fusionnée, elle en deviendrait un synonyme de deux compétences : fusionnez-la plutôt dans celle-là.")])
            return cleaned
        self.dropped = [term for term, _owner in terms_of_other_skills(self.instance.alias_list(), exclude=others)]
        return cleaned


class MergeSkill(RecordAction):
    name = "merge"
    label = _("Fusionner dans une autre compétence")
    icon = "resubmit"
    permission = "delete"
    form_class = MergeSkillForm
    confirmation = _(
        "Les missions, formations, candidatures et demandes qui ont cette compétence prendront celle "
        "choisie ci-dessous. Son nom et ses synonymes deviennent des synonymes de l’autre, et son "
        "adresse publique redirige vers celle de l’autre."
    )

    def run(self, request, instance, form=None):
        with transaction.atomic():
            if form.dropped:  # synonyms of a third skill: they stay that skill's only
                instance.aliases = ", ".join(a for a in instance.alias_list() if a not in form.dropped)
                instance.save(update_fields=["aliases"])
            into = services.merge_skills(instance, into=form.cleaned_data["into"])
        message = gettext("« %(old)s » est fusionnée dans « %(new)s ».") % {"old": instance.name, "new": into.name}
        if form.dropped:
            message += " " + ngettext(
                "Synonyme non repris (il désigne déjà une autre compétence) : %(terms)s.",
                "Synonymes non repris (ils désignent déjà d’autres compétences) : %(terms)s.",
                len(form.dropped),
            ) % {"terms": ", ".join(form.dropped)}
        return message

    def success_url(self, request, instance, back_url):
        return reverse("competences:index")


class SkillIndexView(RecordActionButtonsMixin, FrenchExportMixin, IndexView):
    """Each skill with the number of open missions and of all missions using it (two counts, one query)."""

    def get_base_queryset(self):
        from ..models import Mission

        open_ids = Mission.objects.open().values("pk")
        return super().get_base_queryset().annotate(
            all_missions=Count("mission_items", distinct=True),
            open_missions=Count("mission_items", filter=Q(mission_items__content_object__in=open_ids), distinct=True),
        )


class SkillEditView(RecordActionButtonsMixin, EditView):
    def save_instance(self):
        """A changed slug is kept as a former one: links, bookmarks and feed URLs still reach the skill.
        The slug it had is the form's initial value, read from the skill the view loaded (no query)."""
        former = self.form.initial.get("slug")
        instance = super().save_instance()
        if former and former != instance.slug:
            services.keep_former_slug(former, instance)
        return instance


class SkillViewSet(RecordActionsMixin, FrenchNamesMixin, ModelViewSet):
    model = Skill
    gender = FEMININE
    name = "competences"
    icon = "tag"
    menu_label = _("Compétences")
    add_to_admin_menu = False
    record_actions = (MergeSkill(),)
    form_fields = ["name", "slug", "aliases", "curated", "description"]
    list_display = [
        "name",
        Column("aliases", label=_("Synonymes")),
        YesNoColumn("curated", label=_("Proposée aux associations")),
        Column("open_missions", label=_("Missions ouvertes"), sort_key="open_missions"),
        Column("all_missions", label=_("Missions (toutes)"), sort_key="all_missions"),
    ]
    list_export = ["name", "slug", "aliases", "curated", "open_missions", "all_missions"]
    export_headings = {"open_missions": _("Missions ouvertes"), "all_missions": _("Missions (toutes)")}
    export_filename = "competences"
    search_fields = ["name", "aliases"]
    search_backend_name = None
    ordering = ["name"]
    copy_view_enabled = False
    index_view_class = SkillIndexView
    edit_view_class = SkillEditView

    def get_form_class(self, for_update=False):
        return modelform_factory(Skill, form=SkillAdminForm, fields=self.form_fields)
