"""Personal data kept no longer than needed (PERSONAL_DATA_RETENTION_MONTHS, default 24).

Each entry names a model holding personal data and the date that starts its retention
period. Every such model mixes in AnonymisableMixin: `anonymise()` forgets the person
but keeps the numbers (counts, statuses, dates) for the statistics.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ANONYMOUS_DOMAIN = "anonyme.invalid"  # .invalid can never be delivered (RFC 2606)
ANONYMOUS_NAME = "Anonyme"


def anonymous_email(pk):
    """The placeholder address of an anonymised record (unique per record, never deliverable)."""
    return f"anonyme-{pk}@{ANONYMOUS_DOMAIN}"


class AnonymisableMixin(models.Model):
    """A record holding personal data that can be anonymised (the purge, a person's request).

    Subclasses implement `forget_personal_data()`: blank or replace every personal field.
    """

    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    def forget_personal_data(self):
        raise NotImplementedError

    @transaction.atomic
    def anonymise(self, now=None):
        """Forget the person; keep statuses, counts and dates. Idempotent in effect."""
        self.forget_personal_data()
        self.anonymised_at = now or timezone.now()
        self.save()


@dataclass(frozen=True)
class PersonalData:
    model: str
    date_field: str
    label: str


PERSONAL_DATA = [
    # A registration is needed until its session is over; the period starts at the session's end.
    PersonalData("courses.Registration", "session__end", "inscriptions aux formations"),
    PersonalData("missions.Application", "created_at", "candidatures aux missions"),
    PersonalData("missions.MissionRequest", "created_at", "demandes d'associations"),
    PersonalData("home.Signature", "created_at", "signatures du manifeste"),
]


def cutoff(now=None, months=None):
    months = settings.PERSONAL_DATA_RETENTION_MONTHS if months is None else months
    return (now or timezone.now()) - timedelta(days=round(months * 30.44))


def expired(entry, before):
    model = apps.get_model(entry.model)
    return model.objects.filter(anonymised_at__isnull=True, **{f"{entry.date_field}__lt": before})


def purge(now=None, months=None, dry_run=False, batch_size=500):
    """Anonymise what is older than the retention period. Returns {label: count}."""
    now = now or timezone.now()
    before = cutoff(now, months)
    counts = {}
    for entry in PERSONAL_DATA:
        queryset = expired(entry, before)
        if dry_run:
            counts[entry.label] = queryset.count()
            continue
        done = 0
        while True:
            with transaction.atomic():
                batch = list(queryset.select_for_update()[:batch_size])
                for row in batch:
                    row.anonymise()
            done += len(batch)
            if len(batch) < batch_size:
                break
        counts[entry.label] = done
    return counts
