"""What "Clôturer la mission" and "Marquer pourvue" share: the choice to decline the applications
still waiting for a decision, with one fixed reason, and the sentence that says what was done."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import services
from ..enums import DeclineReason


class DeclineUndecidedForm(forms.Form):
    """Ticked by default. Subclasses give the `label` and the `reason`; `mission_of(instance)`
    finds the mission of the record the action runs on."""

    label = ""
    reason = DeclineReason.FILLED

    decline_undecided = forms.BooleanField(
        help_text=_("Chaque personne reçoit l’e-mail de refus, avec d’autres missions proposées. Sinon, "
                    "ces candidatures restent sans réponse, hors de la file de l’équipe et des rappels."),
        required=False, initial=True,
    )

    def __init__(self, data=None, *, instance):
        super().__init__(data)
        self.mission = self.mission_of(instance)
        self.undecided = list(self.mission.applications.undecided())
        if self.undecided:
            self.fields["decline_undecided"].label = self.label
        else:
            del self.fields["decline_undecided"]

    def mission_of(self, instance):
        return instance

    def apply(self, by):
        """Decline the undecided applications if asked; the sentence that says what happened to them."""
        if self.cleaned_data.get("decline_undecided"):
            declined = services.decline_undecided_applications(self.mission, by=by, reason=self.reason)
            return ngettext(
                "%(count)s candidature déclinée (motif « %(reason)s »), e-mail envoyé à %(emails)s.",
                "%(count)s candidatures déclinées (motif « %(reason)s »), e-mails envoyés à %(emails)s.",
                len(declined),
            ) % {"count": len(declined), "reason": DeclineReason(self.reason).label,
                 "emails": ", ".join(item.email for item in declined if item.emails_sent)}
        if self.undecided:
            return ngettext(
                "%(count)s candidature reste sans réponse (hors de la file de l’équipe).",
                "%(count)s candidatures restent sans réponse (hors de la file de l’équipe).", len(self.undecided),
            ) % {"count": len(self.undecided)}
        return ""
