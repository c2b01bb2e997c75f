"""The outbox's panel on the admin home: the emails that were not delivered (abandoned or
uncertain), which the team may send again. Registered by wagtail_hooks.py; the base is
webassoc/admin/dashboard.py."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from webassoc.admin.dashboard import DashboardPanel, ago, filtered_url, panels_adder

from .enums import RESENDABLE
from .models import Email


class FailedEmailsPanel(DashboardPanel):
    name = "failed_emails"
    order = 40
    heading = _("E-mails non distribués")
    empty = _("Aucun e-mail en échec.")
    permission = "outbox.view_email"

    def queryset(self):
        return Email.objects.filter(status__in=RESENDABLE).order_by("-created_at")

    def row(self, email):
        return (f"{email.subject or email.template} → {', '.join(email.to)}",
                reverse("emails:inspect", args=[email.pk]),
                f"{email.get_status_display()}, {ago(email.created_at)}")

    def list_url(self):
        return filtered_url("emails:index", status=RESENDABLE)


add_outbox_panels = panels_adder(FailedEmailsPanel)
