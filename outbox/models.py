"""Every email the site sends is first written here, then sent by a task.

Writing the message in the database before sending means a failing mail server
loses nothing: the message stays pending and is retried with a growing delay.
Its Message-ID is fixed when it is queued and used for every attempt, so a receiver
that gets it twice can tell it is the same message.

A row is written in the transaction of the record it talks about with what to render
(`template`, `context`); subject, bodies and attachments are filled by the sending task, after
the commit, before it sends (`rendered_at` says when), so no lock waits for templates.
"""

from datetime import timedelta
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import EmailStatus

MAX_ATTEMPTS = 8


def new_message_id():
    """`<random@domain of DEFAULT_FROM_EMAIL>`: unique, chosen once per email."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "webassoc.localhost"
    return make_msgid(domain=domain)


class EmailQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(status=EmailStatus.PENDING, next_attempt_at__lte=now)


class Email(models.Model):
    to = models.JSONField(_("destinataires"), default=list)
    reply_to = models.JSONField(_("répondre à"), default=list, blank=True)
    subject = models.CharField(_("objet"), max_length=250, blank=True)
    body_text = models.TextField(_("texte"), blank=True)
    body_html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("pièces jointes"), default=list, blank=True)
    tag = models.CharField(_("type"), max_length=60, blank=True, db_index=True)
    # What to render: emails/<template>_subject.txt, .txt, .html with the frozen context
    # ({"language": …, "values": …}, see outbox/rendering.py), emptied once rendered.
    # The database defaults describe a row written already rendered (by code that predates these
    # columns, during a deployment); queue_email sets rendered_at=None on the rows it writes.
    template = models.CharField(_("modèle"), max_length=120, blank=True, db_default="")
    context = models.JSONField(
        _("contexte à rendre"), default=dict, db_default=Value({}, models.JSONField()), blank=True, editable=False
    )
    rendered_at = models.DateTimeField(_("rédigé le"), null=True, blank=True, editable=False, db_default=Now())
    status = models.CharField(
        _("statut"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("prochaine tentative"), default=timezone.now)
    message_id = models.CharField(_("identifiant (Message-ID)"), max_length=255, unique=True,
                                  default=new_message_id, editable=False)
    claimed_at = models.DateTimeField(_("dernière tentative commencée le"), null=True, blank=True, editable=False)
    # Set once connected to the mail server, just before the message is handed over: a
    # claim interrupted after this may have been delivered (see services.release_stale_claims).
    transmission_started_at = models.DateTimeField(_("transmission commencée le"), null=True, blank=True,
                                                   editable=False)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    # Extra message headers (name → value), e.g. List-Unsubscribe on alerts (RFC 8058). Fixed
    # when the email is queued, like the Message-ID, which no header here may replace.
    headers = models.JSONField(_("en-têtes"), default=dict, db_default=Value({}, models.JSONField()), blank=True,
                               editable=False)

    objects = EmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at"]
        permissions = [("resend_email", _("Peut renvoyer un e-mail"))]

    def __str__(self):
        return f"{self.subject or self.kind} → {self.recipients}"

    @property
    def recipients(self):
        """The addresses, as the team reads them: "a@example.org, b@example.org"."""
        return ", ".join(self.to)

    @property
    def kind(self):
        """What the e-mail is, in French ("Formation : inscription annulée"), from its template."""
        from .kinds import email_kind

        return email_kind(self.template, self.tag)

    @staticmethod
    def retry_delay(attempts):
        """1, 2, 4, 8… minutes, capped at 6 hours."""
        return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))
