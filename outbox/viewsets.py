"""Admin of the emails sent (a log: read only, except "Renvoyer")."""

import django_filters
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.admin.names import MASCULINE, FrenchNamesMixin, IndexView
from webassoc.admin.policies import ReadOnlyPolicy
from webassoc.errors import DomainError

from . import services
from .enums import RESENDABLE, EmailStatus
from .kinds import EMAIL_KINDS
from .models import Email


class EmailPolicy(ReadOnlyPolicy):
    """Nobody adds, edits or deletes an email here; "Renvoyer" needs `outbox.resend_email`."""

    read_only_actions = {"view", "resend"}


class ResendEmail(RecordAction):
    name = "resend"
    label = gettext_lazy("Renvoyer")
    icon = "mail"
    permission = "resend"
    primary = True
    summary_template = "outbox/admin/email_summary.html"
    confirmation = gettext_lazy(
        "Renvoyer cet e-mail ? S’il est marqué « envoi incertain », son destinataire l’a peut-être déjà "
        "reçu et le recevra alors une seconde fois (avec le même identifiant, que certaines messageries "
        "reconnaissent)."
    )

    def applies(self, email):
        return email.status in RESENDABLE

    def run(self, request, email):
        if not services.resend(email):
            raise DomainError(_("Cet e-mail n’est plus à renvoyer (son statut vient de changer)."))
        return _("L’e-mail à %(to)s est remis en file : il part dans un instant.") % {"to": ", ".join(email.to)}


def kind_choices():
    return sorted(EMAIL_KINDS.items(), key=lambda item: str(item[1]))


class EmailFilterSet(WagtailFilterSet):
    # Several statuses at once: the dashboard links to the ones not delivered (RESENDABLE).
    status = django_filters.MultipleChoiceFilter(label=gettext_lazy("Statut"), choices=EmailStatus.choices,
                                                 widget=forms.CheckboxSelectMultiple)
    template = django_filters.ChoiceFilter(label=gettext_lazy("Type"), choices=kind_choices)

    class Meta:
        model = Email
        fields = ["status", "template"]


class EmailIndexView(RecordActionButtonsMixin, FrenchExportMixin, IndexView):
    """Exports with Paris times (see webassoc/admin/exports.py); "Renvoyer" on the rows."""


class EmailInspectView(RecordActionButtonsMixin, FrenchInspectView):
    """The email, with its "Renvoyer" button when it applies; addresses read "a@b.org, c@d.org"."""

    ADDRESS_LISTS = ("to", "reply_to")

    def get_field_display_value(self, field_name, field):
        if field_name in self.ADDRESS_LISTS:
            return ", ".join(getattr(self.object, field_name)) or "–"
        return super().get_field_display_value(field_name, field)


class EmailViewSet(RecordActionsMixin, FrenchNamesMixin, ModelViewSet):
    model = Email
    gender = MASCULINE
    icon = "mail"
    menu_label = gettext_lazy("E-mails envoyés")
    menu_order = 900
    add_to_settings_menu = True
    list_display = [
        "subject",
        Column("recipients", label=gettext_lazy("Destinataires"), sort_key="to"),
        Column("kind", label=gettext_lazy("Type"), sort_key="template"),  # outbox/kinds.py
        "status", "attempts", "created_at", "sent_at",
    ]
    filterset_class = EmailFilterSet
    search_fields = ["subject", "to"]
    index_view_class = EmailIndexView
    inspect_view_enabled = True
    inspect_view_class = EmailInspectView
    inspect_view_fields = [
        "to", "subject", "template", "status", "attempts", "last_error", "created_at", "rendered_at",
        "next_attempt_at", "claimed_at", "transmission_started_at", "sent_at", "message_id", "body_text",
    ]
    list_export = ["created_at", "recipients", "subject", "kind", "status", "attempts", "sent_at", "last_error"]
    export_headings = {"recipients": gettext_lazy("Destinataires"), "kind": gettext_lazy("Type")}
    export_filename = "emails"
    form_fields = ["subject"]  # required by ModelViewSet; the policy forbids editing anyway
    record_actions = [ResendEmail()]
