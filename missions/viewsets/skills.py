"""The skill vocabulary in the admin: names, synonyms, the community's curated list, how many
open missions use each skill, and merging two skills (a record action with a form)."""

from django import forms
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.columns import YesNoColumn
from webassoc.admin.exports import FrenchExportMixin
from webassoc.admin.names import FEMININE, EditView, FrenchNamesMixin, IndexView

from .. import services
from ..models import Skill


class MergeSkillForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Fusionner dans"), queryset=Skill.objects.none(),
        help_text=_("La compétence qui reste. Celle-ci disparaît : son nom devient un synonyme de l’autre."),
    )

    def __init__(self, data=None, *, instance):
        super().__init__(data)
        self.fields["into"].queryset = Skill.objects.exclude(pk=instance.pk).order_by("name")


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
        into = services.merge_skills(instance, into=form.cleaned_data["into"])
        return gettext("« %(old)s » est fusionnée dans « %(new)s ».") % {"old": instance.name, "new": into.name}

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
    pass


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
