"""Personal data kept no longer than needed: the one list of what `purge_personal_data` covers.

Records (PERSONAL_DATA below, each with the date that starts its retention period of
PERSONAL_DATA_RETENTION_MONTHS, 24 by default) are anonymised, not deleted: `anonymise()`
forgets the person but keeps the numbers (counts, statuses, dates) for the statistics:

- training registrations, 24 months after the end of their session;
- mission applications, association requests (contact and the free-text description) and
  manifesto signatures, 24 months after they were sent;
- the contact copied into a mission when a request is converted (or typed by an editor):
  kept while the mission takes applications, then 24 months after its last change;
- the contact of an association: kept while one of its missions keeps its own, and
  24 months after the association's last change;
- alert subscriptions (and pool membership): kept while the person receives alerts (an
  unsubscription forgets the address at once), otherwise 24 months after their last change;
- "next session" requests: kept until the person is told, then 24 months after the request.

Anonymising a record also erases its copies (`erase_copies`):

- every stored email that mentions one of its addresses (outbox `Email` rows, whatever
  their status, except one being handed to the mail server at that very moment);
- its Wagtail admin log entries (labels such as "Jeanne Martin – Mission X", and their data),
  its revisions (a mission's drafts and history) and the moderators' comments on them: the
  forgotten values replace the old ones, and the person's name, address and any French phone
  number are redacted from the rest;
- for missions and associations, the contact's name, address and phone numbers in their own
  texts (title, summary, description, an association's name copied from a request: "Association
  de [effacé]", numbered when another association has that name), which the search index then
  re-reads; likewise in an
  association request's title and association name, and a mission's slug made from a title naming
  the contact is made again from the redacted title;
- for a mission's or an association's contact, the team's texts about the applications to its
  missions (internal notes, decline details, outcome reasons, the steps' remarks, the follow-up
  cases' notes) and their admin log entries: the contact's name, address and phone are redacted,
  the texts kept (`ApplicationQuerySet.redact_team_texts`). A volunteer's own application forgets
  the team's texts about it whole.

Stored emails are deleted EMAIL_RETENTION_DAYS (30 by default) after they were sent or
abandoned, and never kept longer than the retention period itself (`--months 0` keeps none).

`purge()` runs nightly (`manage.py purge_personal_data`); `forget(email)` is a person's request
(`manage.py forget_person <email>`): every record with that address, whatever its age.
"""

import datetime
import json
import re
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .typography import french_date, french_datetime

ANONYMOUS_DOMAIN = "anonyme.invalid"  # .invalid can never be delivered (RFC 2606)
ANONYMOUS_NAME = "Anonyme"
REDACTED = "[effacé]"
MAX_RETENTION_MONTHS = 1200  # a hundred years; more is a typing mistake (and overflows dates)
MAX_EMAIL_RETENTION_DAYS = 36500


def anonymous_email(pk):
    """The placeholder address of an anonymised record (unique per record, never deliverable)."""
    return f"anonyme-{pk}@{ANONYMOUS_DOMAIN}"


def is_anonymous_email(value):
    return (value or "").lower().endswith("@" + ANONYMOUS_DOMAIN)


# --- redaction --------------------------------------------------------------------------------

# A French phone number (06 71 82 93 04, 0671829304, +33 6 71 82 93 04): a contact's phone copied
# into a free text has no field of its own to be found by.
PHONE_NUMBER = re.compile(r"(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")


def _patterns(identifiers):
    """Regular expressions finding each identifier (longest first, case-insensitive), then any
    French phone number.

    Addresses are found anywhere; names only as whole words, so that "Léa" does not eat "Léandre".
    """
    words = set()
    for identifier in identifiers:
        identifier = (identifier or "").strip()
        if len(identifier) >= 2 and not is_anonymous_email(identifier):
            words.update({identifier, escape(identifier)})  # escaped: as found in HTML
    patterns = []
    for word in sorted(words, key=len, reverse=True):
        if "@" in word:
            patterns.append(re.compile(re.escape(word), re.IGNORECASE))
        else:
            patterns.append(re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE))
    return [*patterns, PHONE_NUMBER]


def redact(value, identifiers):
    """`value` (a string, or JSON data: lists, dicts) with every identifier and every French phone
    number replaced by REDACTED."""
    return _redact(value, _patterns(identifiers))


def _redact(value, patterns):
    if isinstance(value, str):
        for pattern in patterns:
            value = pattern.sub(REDACTED, value)
        return value
    if isinstance(value, list):
        return [_redact(item, patterns) for item in value]
    if isinstance(value, dict):
        return {key: _redact(item, patterns) for key, item in value.items()}
    return value


# --- records holding personal data ------------------------------------------------------------

class AnonymisableMixin(models.Model):
    """A record holding personal data that can be anonymised (the purge, a person's request).

    Subclasses implement `personal_identifiers()` (the strings that identify the person: their
    addresses, names, phone) and `forget_personal_data()` (blank or replace every personal field).
    """

    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    @classmethod
    def holding_personal_data(cls):
        """A filter (Q) of the rows that still hold personal data. A record whose personal
        fields can be typed again later (a mission's contact) overrides it to look at them."""
        return Q(anonymised_at__isnull=True)

    def personal_identifiers(self):
        raise NotImplementedError

    def forget_personal_data(self):
        raise NotImplementedError

    @classmethod
    def written_by_the_person(cls, rows):
        """What the people of `rows` (records of this model) wrote that is kept in other models
        (an application's help requests and feedback): exported with their records (RGPD article
        15) and forgotten by `forget_personal_data()`. [(label, fields shown, queryset)], one query
        each whatever the number of rows."""
        return []

    @transaction.atomic
    def anonymise(self, now=None, stored_emails=None):
        """Forget the person and erase their copies; keep statuses, counts and dates.

        Only the fields that change are saved (a mission's "last change" stays what it was).
        Returns the number of stored emails deleted with it. `stored_emails` (a StoredEmails) is
        shared by the records of one purge.
        """
        identifiers = self.personal_identifiers()
        fields = [field for field in self._meta.concrete_fields if not field.primary_key]
        before = {field.attname: getattr(self, field.attname) for field in fields}
        self.forget_personal_data()
        self.anonymised_at = now or timezone.now()
        changed = [field for field in fields if getattr(self, field.attname) != before[field.attname]]
        self.save(update_fields=[field.name for field in changed])
        forgotten = {field.name: (before[field.attname], getattr(self, field.attname)) for field in changed}
        return erase_copies(self, identifiers, forgotten, stored_emails or StoredEmails())


# An email address in a text (a stored email's recipients, body, attachments…).
ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


class StoredEmails:
    """Which stored emails mention which address, in any of their text or JSON columns.

    The outbox is read once (then looked up for each record anonymised), so a purge of thousands
    of records costs one pass over the emails rather than one per record. An email being handed to
    the mail server at this very moment is never deleted.
    """

    def __init__(self):
        self._by_address = None

    def _read(self):
        from outbox.enums import EmailStatus

        Email = apps.get_model("outbox", "Email")
        columns = [
            field.name for field in Email._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField)) and field.name != "status"
        ]
        by_address = {}
        rows = Email.objects.exclude(status=EmailStatus.SENDING).values_list("pk", *columns)
        for pk, *values in rows.iterator(chunk_size=500):
            text = " ".join(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                            for value in values)
            for address in ADDRESS.findall(text):
                by_address.setdefault(address.lower(), set()).add(pk)
        return by_address

    def about(self, identifiers):
        """The ids of the stored emails mentioning one of these addresses."""
        if self._by_address is None:
            self._by_address = self._read()
        found = set()
        for identifier in identifiers:
            if identifier and "@" in identifier and not is_anonymous_email(identifier):
                found |= self._by_address.get(identifier.strip().lower(), set())
        return found

    def delete_about(self, identifiers):
        """Delete the stored emails mentioning these addresses; returns how many were deleted."""
        from outbox.enums import EmailStatus

        pks = self.about(identifiers)
        if not pks:
            return 0
        Email = apps.get_model("outbox", "Email")
        return Email.objects.filter(pk__in=pks).exclude(status=EmailStatus.SENDING).delete()[0]


def erase_copies(instance, identifiers, forgotten, stored_emails):
    """Erase the copies of a record's personal data (see the module docstring).

    `forgotten` maps each changed field to (old value, new value). Returns the emails deleted.
    """
    from wagtail.models import ModelLogEntry, Revision, RevisionMixin, TaskState

    deleted = stored_emails.delete_about(identifiers)
    patterns = _patterns(identifiers)
    _redact_log_entries(ModelLogEntry.objects.for_instance(instance), patterns)
    if isinstance(instance, RevisionMixin):
        for revision in Revision.objects.for_instance(instance).only("pk", "content", "object_str"):
            content = dict(revision.content)
            for name, (old, new) in forgotten.items():
                if name in content and content[name] == old and isinstance(new, str):
                    content[name] = new
            content = _redact(content, patterns)
            object_str = _redact(revision.object_str, patterns)
            if (content, object_str) != (revision.content, revision.object_str):
                Revision.objects.filter(pk=revision.pk).update(content=content, object_str=object_str)
        # Moderators' comments in the workflow ("rappeler Jeanne au 06…").
        revisions = Revision.objects.for_instance(instance).values("pk")
        for task_state in TaskState.objects.filter(revision__in=revisions).exclude(comment="").only("pk", "comment"):
            comment = _redact(task_state.comment, patterns)
            if comment != task_state.comment:
                TaskState.objects.filter(pk=task_state.pk).update(comment=comment)
    return deleted


def _redact_log_entries(entries, patterns):
    from wagtail.models import ModelLogEntry

    for entry in entries.only("pk", "label", "data"):
        label, data = _redact(entry.label, patterns), _redact(entry.data, patterns)
        if (label, data) != (entry.label, entry.data):
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=label, data=data)


def redact_log_entries(model, pks, identifiers):
    """Redact `identifiers` from the admin log entries of other records (`model` rows `pks`) that
    may name the person: an application's entries are labelled with its mission's title, which may
    name the mission's contact."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    pks = [str(pk) for pk in pks]
    if not pks:
        return
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    _redact_log_entries(ModelLogEntry.objects.filter(content_type=content_type, object_id__in=pks),
                        _patterns(identifiers))


# --- the list and the purge -------------------------------------------------------------------

@dataclass(frozen=True)
class PersonalData:
    model: str
    date_field: str  # the date that starts the retention period
    label: str
    # The name of a queryset method `(before) -> rows` whose data is still in use whatever its age.
    in_use: str = ""
    email_field: str = "email"  # the person's address (to find them on request: `forget()`)
    # The date a confirmation link sets: rows without it (never confirmed) are forgotten after
    # UNCONFIRMED_RETENTION_DAYS, not the whole retention period.
    unconfirmed_field: str = ""
    masculine: bool = False  # the label's gender, for the French of the reports

    def done(self, dry_run, count=2):
        """The French participle agreeing with the label and the count (0 and 1 take the singular):
        anonymisées, anonymisée, anonymisés, à anonymiser."""
        if dry_run:
            return "à anonymiser"
        return ("anonymisé" if self.masculine else "anonymisée") + ("s" if count > 1 else "")


PERSONAL_DATA = [
    # A registration is needed until its session is over; the period starts at the session's end.
    PersonalData("courses.Registration", "session__end", "inscriptions aux formations"),
    PersonalData("missions.Application", "created_at", "candidatures aux missions"),
    PersonalData("missions.MissionRequest", "created_at", "demandes d’associations"),
    PersonalData("home.Signature", "created_at", "signatures du manifeste", unconfirmed_field="confirmed_at"),
    PersonalData("missions.Mission", "updated_at", "contacts de missions", in_use="contact_in_use",
                 email_field="contact_email", masculine=True),
    PersonalData("missions.Association", "updated_at", "contacts d’associations", in_use="contact_in_use",
                 email_field="contact_email", masculine=True),
    # Alerts: kept while the person receives them (unsubscribing forgets the address at once);
    # stale ones 24 months after their last change, never-confirmed ones after UNCONFIRMED_RETENTION_DAYS.
    PersonalData("alerts.Subscription", "updated_at", "abonnements aux alertes", in_use="in_use", masculine=True,
                 unconfirmed_field="confirmed_at"),
    # "Next session" requests: kept until the person is told, then 24 months after the request.
    PersonalData("alerts.SessionWaiter", "created_at", "attentes de prochaines sessions", in_use="in_use",
                 masculine=False, unconfirmed_field="confirmed_at"),
]
EMAILS_LABEL = "e-mails gardés (envoyés, abandonnés, ou au sujet d’une personne anonymisée)"


def retention_months(value=None):
    """The retention period in whole months: `value`, or the setting. ValueError (in French) for a
    negative, huge or non-integer value."""
    source = "PERSONAL_DATA_RETENTION_MONTHS" if value is None else "--months"
    value = settings.PERSONAL_DATA_RETENTION_MONTHS if value is None else value
    return _whole_number(value, source, MAX_RETENTION_MONTHS, gettext("mois"))


def unconfirmed_retention_days():
    # Same bound as the e-mails' days: a number of days, at most a century.
    return _whole_number(settings.UNCONFIRMED_RETENTION_DAYS, "UNCONFIRMED_RETENTION_DAYS",
                         MAX_EMAIL_RETENTION_DAYS, gettext("jours"))


def email_retention_days():
    return _whole_number(settings.EMAIL_RETENTION_DAYS, "EMAIL_RETENTION_DAYS", MAX_EMAIL_RETENTION_DAYS,
                         gettext("jours"))


def _whole_number(value, source, maximum, unit):
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"\d+", text) or int(text) > maximum:
        raise ValueError(
            gettext("%(source)s attend un nombre entier de %(unit)s entre 0 et %(maximum)s (reçu : « %(value)s »).")
            % {"source": source, "unit": unit, "maximum": maximum, "value": value}
        )
    return int(text)


def cutoff(now=None, months=None):
    months = retention_months(months)
    return (now or timezone.now()) - timedelta(days=round(months * 30.44))


def email_cutoff(now=None, months=None):
    """Emails sent or abandoned before this moment are deleted: after EMAIL_RETENTION_DAYS, and
    never later than the retention period of personal data."""
    now = now or timezone.now()
    return max(now - timedelta(days=email_retention_days()), cutoff(now, months))


def unconfirmed_cutoff(now=None, months=None):
    """Rows never confirmed since before this moment are forgotten: after UNCONFIRMED_RETENTION_DAYS,
    and never later than the retention period."""
    now = now or timezone.now()
    return max(now - timedelta(days=unconfirmed_retention_days()), cutoff(now, months))


def expired(entry, before, unconfirmed_before=None):
    """The rows of `entry` whose retention period is over and which still hold personal data (for
    rows never confirmed, the period ends at `unconfirmed_before`)."""
    model = apps.get_model(entry.model)
    over = Q(**{f"{entry.date_field}__lt": before})
    if entry.unconfirmed_field and unconfirmed_before is not None:
        over |= Q(**{f"{entry.unconfirmed_field}__isnull": True, f"{entry.date_field}__lt": unconfirmed_before})
    queryset = model.objects.filter(model.holding_personal_data()).filter(over)
    if entry.in_use:
        queryset = queryset.exclude(pk__in=getattr(model.objects, entry.in_use)(before).values("pk"))
    return queryset


def expired_emails(before):
    """Stored emails sent, abandoned or of uncertain delivery before `before` (pending ones are
    still to be sent; an abandoned or uncertain one, RESENDABLE, waits for the team's "Renvoyer"
    until then)."""
    from outbox.enums import RESENDABLE, EmailStatus

    Email = apps.get_model("outbox", "Email")
    sent = Q(status=EmailStatus.SENT) & (Q(sent_at__lt=before) | Q(sent_at__isnull=True, created_at__lt=before))
    given_up = Q(status__in=RESENDABLE, created_at__lt=before)
    return Email.objects.filter(sent | given_up)


def purge(now=None, months=None, dry_run=False, batch_size=500):
    """Anonymise what is older than the retention period and delete old emails.

    Returns {label: count}; the dry run counts exactly what a real run would change.
    """
    now = now or timezone.now()
    before = cutoff(now, months)
    emails_before = email_cutoff(now, months)
    unconfirmed_before = unconfirmed_cutoff(now, months)
    stored_emails = StoredEmails()
    counts, emails_deleted, doomed_emails = {}, 0, set()
    for entry in PERSONAL_DATA:
        queryset = expired(entry, before, unconfirmed_before)
        if dry_run:
            rows = list(queryset)
            for row in rows:
                doomed_emails |= stored_emails.about(row.personal_identifiers())
            counts[entry.label] = len(rows)
            continue
        done, last_pk = 0, 0
        while True:
            with transaction.atomic():
                batch = list(
                    queryset.filter(pk__gt=last_pk).order_by("pk").select_for_update(of=("self",))[:batch_size]
                )
                for row in batch:
                    emails_deleted += row.anonymise(now, stored_emails)
            done += len(batch)
            if len(batch) < batch_size:
                break
            last_pk = batch[-1].pk
        counts[entry.label] = done
    if dry_run:
        doomed_emails.update(expired_emails(emails_before).values_list("pk", flat=True))
        counts[EMAILS_LABEL] = len(doomed_emails)
    else:
        deleted, _by_model = expired_emails(emails_before).delete()
        counts[EMAILS_LABEL] = emails_deleted + deleted
    return counts


def records_of(email):
    """{entry: rows} of every record holding this address (case-insensitive), whatever their age."""
    found = {}
    for entry in PERSONAL_DATA:
        model = apps.get_model(entry.model)
        rows = list(model.objects.filter(model.holding_personal_data(), **{f"{entry.email_field}__iexact": email})
                    .order_by("pk"))
        if rows:
            found[entry] = rows
    return found


def export_of(email):
    """Everything the site holds about `email` (RGPD article 15): {label: [row dicts]}, records then
    the stored emails mentioning it. Values read as in the CSV and on the screen where words are
    at stake: choices by their French label ("Annulée"), related records by their name ("05/12/2026
    – En ligne"), kinds of e-mail in words; numbers, true/false and null stay JSON values, dates
    and times ISO 8601 (a program reading the file gets them unambiguous); ids kept."""
    email = (email or "").strip()
    if not ADDRESS.fullmatch(email) or is_anonymous_email(email):
        raise ValueError(gettext("« %(value)s » n’est pas une adresse e-mail.") % {"value": email})
    export = {}
    for label, fields, rows in everything_of(email):
        _prefetch_relations(rows, fields)
        export.setdefault(label, []).extend(_row_dict(row, fields=fields) for row in rows)
    Email = apps.get_model("outbox", "Email")
    pks = StoredEmails().about([email])
    emails = Email.objects.filter(pk__in=pks).order_by("created_at")
    if emails:
        export[EMAILS_LABEL] = [
            _row_dict(message, fields=("id", "to", "subject", "template", "status", "created_at", "sent_at",
                                       "body_text"))
            for message in emails
        ]
    return export


EMAIL_FIELDS_SHOWN = ("to", "subject", "template", "status", "created_at", "sent_at", "body_text")


def readable_records_of(email):
    """The same records as export_of(), as the team reads them on the admin screen: {label:
    [[(field label, text)]]}: Oui/Non, choice labels, related records by their name, dates in
    French and local time, lists joined with ", ", kinds of e-mail in words. (The file given to
    the person's JSON has the same words, with ISO dates and JSON numbers.)"""
    shown = {}
    for label, fields, rows in everything_of(email):
        _prefetch_relations(rows, fields)
        shown.setdefault(label, []).extend(_readable_row(row, fields=fields) for row in rows)
    Email = apps.get_model("outbox", "Email")
    emails = Email.objects.filter(pk__in=StoredEmails().about([email])).order_by("created_at")
    if emails:
        shown[EMAILS_LABEL] = [_readable_row(message, fields=EMAIL_FIELDS_SHOWN) for message in emails]
    return shown


def _prefetch_relations(rows, fields):
    """The related records shown by name, one query per relation whatever the rows."""
    related = [field.name for field in rows[0]._meta.concrete_fields
               if field.is_relation and not field.primary_key and (fields is None or field.name in fields)]
    prefetch_related_objects(rows, *related)


def everything_of(email):
    """(label, fields, rows) of what the site holds about `email`, stored emails aside: each kind
    of record holding the address (`fields` None: every field), then what the people of those
    records wrote in other models (`written_by_the_person`: an application's help requests and
    feedback, those a mission's contact wrote for the association), when there is some. The export
    (`export_of`, `readable_records_of`) lists these rows; `forget()` anonymises the records, whose
    `forget_personal_data()` forgets what they wrote: both cover the same rows."""
    for entry, rows in records_of(email).items():
        yield entry.label, None, rows
        for label, fields, queryset in type(rows[0]).written_by_the_person(rows):
            written = list(queryset)
            if written:
                yield label, fields, written


# A page's own bookkeeping, left out of a page's rows (a person's records are shown whole).
PAGE_BOOKKEEPING = ("latest_revision", "live_revision", "locked_by", "locked_at")


def _field_value(row, field):
    """A field's value in words where words are at stake (what the CSV shows): the kind of an
    e-mail, a choice's French label, a related record (its name); the stored value otherwise."""
    from outbox.kinds import email_kind

    if field.name == "template" and row._meta.label == "outbox.Email":
        return email_kind(row.template)
    if field.choices:
        return getattr(row, f"get_{field.name}_display")()
    if field.is_relation:
        return getattr(row, field.name)
    return getattr(row, field.attname)


def _readable_row(row, fields=None):
    pairs = []
    for field in row._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if fields is None and (field.primary_key or field.name in PAGE_BOOKKEEPING):
            continue
        pairs.append((str(field.verbose_name), readable_value(_field_value(row, field))))
    return pairs


def readable_value(value):
    """A value as a sentence reads it: "–" for nothing, Oui/Non, "26 novembre 2026 à 5 h 57"."""

    if value is None or value in ("", [], {}):
        return "–"
    if isinstance(value, bool):
        return gettext("Oui") if value else gettext("Non")
    if isinstance(value, datetime.datetime):
        return french_datetime(value)
    if isinstance(value, datetime.date):
        return french_date(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _row_dict(row, fields=None):
    """A row for the JSON file: readable_value()'s words for choices, related records and kinds of
    e-mail (what the CSV shows), JSON values for the rest, dates in ISO 8601."""
    values = {}
    for field in row._meta.concrete_fields:
        if fields is not None and field.name not in fields and not field.primary_key:  # ids kept
            continue
        if fields is None and field.name in PAGE_BOOKKEEPING:
            continue
        value = getattr(row, field.attname)
        if value is not None and not field.primary_key:
            value = _field_value(row, field)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif value is not None and not isinstance(value, (bool, int, float, list, dict)):
            value = str(value)
        values[str(field.verbose_name)] = value
    return values


@transaction.atomic
def forget(email, now=None, dry_run=False):
    """A person asks to be forgotten: anonymise every record holding `email` now, with its copies,
    and delete every stored email mentioning it. Returns {label: count} like `purge()`."""
    email = (email or "").strip()
    if not ADDRESS.fullmatch(email) or is_anonymous_email(email):
        raise ValueError(gettext("« %(value)s » n’est pas une adresse e-mail.") % {"value": email})
    now = now or timezone.now()
    found = records_of(email)
    counts = {entry.label: len(found.get(entry, ())) for entry in PERSONAL_DATA}
    stored_emails = StoredEmails()
    if dry_run:
        doomed = stored_emails.about([email])
        for rows in found.values():
            for row in rows:
                doomed |= stored_emails.about(row.personal_identifiers())
        counts[EMAILS_LABEL] = len(doomed)
        return counts
    deleted = 0
    for rows in found.values():
        for row in rows:
            deleted += row.anonymise(now, stored_emails)
    counts[EMAILS_LABEL] = deleted + stored_emails.delete_about([email])
    return counts


def report_lines(counts, dry_run, skip_empty=False):
    """The French lines of a purge's (or a forget's) counts, for the commands (every kind) and the
    admin's message (`skip_empty`: the kinds that held something)."""
    entries = {entry.label: entry for entry in PERSONAL_DATA}
    for label, count in counts.items():
        if skip_empty and not count:
            continue
        if label in entries:
            yield f"{label}\u00a0: {count} {entries[label].done(dry_run, count)}"
        else:
            yield f"{label}\u00a0: {count} {'à supprimer' if dry_run else ('supprimés' if count > 1 else 'supprimé')}"
