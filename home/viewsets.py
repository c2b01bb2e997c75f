"""Admin of the manifesto signatures (a Wagtail ModelViewSet), in French."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.columns import FrenchDateTimeColumn
from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.admin.names import FEMININE, EditView, FrenchNamesMixin, IndexView

from . import services
from .models import Signature

YES_NO = [("True", _("Oui")), ("False", _("Non"))]


class SignatureFilterSet(WagtailFilterSet):
    confirmed = django_filters.ChoiceFilter(
        label=_("Confirmée"), choices=YES_NO, empty_label=_("Toutes"), method="filter_confirmed"
    )
    show_publicly = django_filters.ChoiceFilter(
        label=_("Nom affiché publiquement"), choices=YES_NO, empty_label=_("Toutes"),
        method="filter_show_publicly",
    )
    hidden = django_filters.ChoiceFilter(
        label=_("Masquée (modération)"), choices=YES_NO, empty_label=_("Toutes"), method="filter_hidden"
    )

    class Meta:
        model = Signature
        fields = []

    def filter_confirmed(self, queryset, name, value):
        return queryset.filter(confirmed_at__isnull=value != "True")

    def filter_show_publicly(self, queryset, name, value):
        return queryset.filter(show_publicly=value == "True")

    def filter_hidden(self, queryset, name, value):
        return queryset.filter(hidden_at__isnull=value != "True")


class SignatureAdminForm(WagtailAdminModelForm):
    hidden = forms.BooleanField(
        label=_("Masquer cette signature"), required=False,
        help_text=_("Une signature masquée n’est plus comptée ni affichée, mais elle est conservée."),
    )

    class Meta:
        model = Signature
        fields = ["first_name", "last_name", "profession", "organisation", "city", "show_publicly"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hidden"].initial = bool(self.instance.hidden_at)


class SignatureIndexView(FrenchExportMixin, IndexView):
    """Exports with Oui/Non and Paris times (see webassoc.admin.exports.py)."""


class SignatureEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        if self.form.cleaned_data.get("hidden"):
            services.hide(instance)
        else:
            services.unhide(instance)
        return instance


class SignatureViewSet(FrenchNamesMixin, ModelViewSet):
    model = Signature
    gender = FEMININE
    icon = "pick"
    menu_label = _("Signataires")  # "Signatures du manifeste" is cut in the sidebar
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = SignatureIndexView
    edit_view_class = SignatureEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = FrenchInspectView
    list_display = [
        # The first column links to the edit form (where a moderator hides a signature).
        "full_name",
        "email",
        "profession",
        "city",
        Column("status", label=_("Statut"), accessor="status_label"),
        Column("show_publicly", label=_("Nom affiché publiquement"), accessor="show_publicly_label",
               sort_key="show_publicly"),
        FrenchDateTimeColumn("created_at", label=_("Signée le"), sort_key="created_at"),
    ]
    filterset_class = SignatureFilterSet
    search_fields = ["first_name", "last_name", "email", "profession", "organisation", "city"]
    search_backend_name = None
    list_export = [
        "first_name", "last_name", "email", "profession", "organisation", "city", "show_publicly",
        "created_at", "confirmed_at", "hidden_at",
    ]
    export_headings = {
        "first_name": _("Prénom"), "last_name": _("Nom"), "email": _("E-mail"),
        "profession": _("Métier"), "organisation": _("Organisation"), "city": _("Ville"),
        "show_publicly": _("Affichage public"), "created_at": _("Signée le"),
        "confirmed_at": _("Confirmée le"), "hidden_at": _("Masquée le"),
    }
    export_filename = "signatures-manifeste"
    inspect_view_fields = [
        "first_name", "last_name", "email", "profession", "organisation", "city", "show_publicly",
        "consent", "created_at", "confirmation_sent_at", "confirmed_at", "hidden_at", "anonymised_at",
    ]

    def get_form_class(self, for_update=False):
        return SignatureAdminForm
