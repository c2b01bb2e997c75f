"""The outbox stores what to render, and the sending task renders it (outbox/rendering.py)."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_tasks_db.models import DBTaskResult

from courses.models import Registration
from outbox.enums import EmailStatus
from outbox.models import Email
from outbox.rendering import ContextError, computed_when_rendered, freeze, later, thaw
from outbox.services import deliver, queue_email
from outbox.tasks import send_email_task
from tests.courses.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

CALLS = []


@computed_when_rendered
def greeting_context(registration):
    """A context computed at render time, as courses.emails.email_context is."""
    CALLS.append(registration.pk)
    return {"name": registration.contact_name}


@computed_when_rendered
def calendar_text(registration):
    return f"BEGIN:VCALENDAR\r\nX-WHO:{registration.contact_name}\r\nEND:VCALENDAR\r\n"


def not_marked(registration):
    return {"name": "?"}


@pytest.fixture
def task_not_run(settings):
    """Production's task queue: the sending task is stored; a worker would run it after the commit."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def enqueued_email_ids():
        rows = DBTaskResult.objects.filter(task_path=send_email_task.module_path)
        return [row.args_kwargs["args"][0] for row in rows]

    return enqueued_email_ids


def test_queued_email_stores_what_to_render_and_the_sending_task_renders_it(task_not_run):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    email.refresh_from_db()
    assert task_not_run() == [email.pk]
    assert (email.subject, email.body_text, email.rendered_at) == ("", "", None)
    assert email.template == "test_message"
    assert email.context["values"] == {"name": "Marie"}

    assert deliver(email.pk) is True

    email.refresh_from_db()
    assert email.subject == "Bonjour Marie" and "Bonjour Marie," in email.body_text
    assert email.rendered_at is not None and email.context == {}  # nothing kept once rendered
    assert mail.outbox[0].subject == "Bonjour Marie"


def test_model_instances_are_stored_as_references_and_read_when_rendering(task_not_run):
    registration = RegistrationFactory(contact_name="Camille")
    email = queue_email("camille@example.org", "test_message", {"name": registration})

    email.refresh_from_db()
    assert email.context["values"] == {"name": {"__model__": "courses.registration", "pk": registration.pk}}
    assert deliver(email.pk)
    assert "Bonjour Association" in mail.outbox[0].body  # str(registration): "<association> – <session>"


def test_later_values_are_computed_when_the_email_is_rendered_not_when_it_is_queued(task_not_run):
    registration = RegistrationFactory(contact_name="Camille")
    CALLS.clear()

    email = queue_email("camille@example.org", "test_message", later(greeting_context, registration),
                        attachments=[("agenda.ics", later(calendar_text, registration), "text/calendar")])

    assert CALLS == []
    Registration.objects.filter(pk=registration.pk).update(contact_name="Camille Martin")
    deliver(email.pk)
    assert CALLS == [registration.pk]
    message = mail.outbox[0]
    assert message.subject == "Bonjour Camille Martin"
    assert message.attachments[0] == ("agenda.ics", calendar_text(Registration.objects.get()), "text/calendar")


def test_only_functions_marked_computed_when_rendered_can_be_deferred():
    registration = RegistrationFactory()

    with pytest.raises(ContextError):
        later(not_marked, registration)


def test_a_stored_function_that_is_not_marked_is_never_called(task_not_run):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    Email.objects.filter(pk=email.pk).update(context={
        "language": "fr", "base_url": "http://testserver",
        "values": {"__later__": "tests.outbox.test_rendering.not_marked", "args": []},
    })

    assert deliver(email.pk) is False

    email.refresh_from_db()
    assert email.status == EmailStatus.PENDING and "not marked" in email.last_error
    assert mail.outbox == []


def test_a_failed_render_is_recorded_and_retried_like_a_failed_send(task_not_run):
    registration = RegistrationFactory()
    email = queue_email("camille@example.org", "test_message", later(greeting_context, registration))
    Registration.objects.filter(pk=registration.pk).delete()

    assert deliver(email.pk) is False

    email.refresh_from_db()
    assert email.status == EmailStatus.PENDING
    assert email.attempts == 1 and "DoesNotExist" in email.last_error
    assert email.next_attempt_at > timezone.now() and email.rendered_at is None
    assert mail.outbox == []


def test_a_rendered_email_is_never_rendered_again(task_not_run):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    assert deliver(email.pk)
    Email.objects.filter(pk=email.pk).update(status=EmailStatus.PENDING)
    mail.outbox.clear()

    assert deliver(email.pk)
    assert mail.outbox[0].subject == "Bonjour Marie"


def test_context_values_survive_the_round_trip():
    registration = RegistrationFactory()
    moment = timezone.now()
    values = {
        "when": moment, "day": moment.date(), "hour": datetime.time(14, 30), "price": Decimal("12.50"),
        "label": gettext_lazy("objet"), "items": (1, "deux", None, True), "nested": {"registration": registration},
        "registrations": Registration.objects.filter(pk=registration.pk),
    }

    thawed = thaw(freeze(values))

    assert thawed["when"] == moment and thawed["day"] == moment.date()
    assert thawed["hour"] == datetime.time(14, 30) and thawed["price"] == Decimal("12.50")
    assert thawed["label"] == "objet" and thawed["items"] == [1, "deux", None, True]
    assert thawed["nested"]["registration"] == registration
    assert thawed["registrations"] == [registration]


def test_unsaved_instances_and_unknown_objects_are_refused_at_queue_time():
    with pytest.raises(ContextError):
        freeze({"registration": Registration()})
    with pytest.raises(ContextError):
        freeze({"thing": object()})


def test_a_row_written_without_what_to_render_counts_as_rendered():
    """During a deployment, code that predates these columns (but has the Message-ID of the previous
    migration) still writes rendered rows."""
    from django.db import connection

    columns = ["to", "reply_to", "subject", "body_text", "body_html", "attachments", "tag", "status",
               "attempts", "last_error", "created_at", "next_attempt_at", "message_id"]
    values = ['["marie@example.org"]', "[]", "Bonjour Marie", "Déjà rédigé.", "", "[]", "ancien", "pending",
              0, "", timezone.now(), timezone.now(), "<ancien-1@webassoc.localhost>"]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO outbox_email ({', '.join(connection.ops.quote_name(c) for c in columns)}) "
            f"VALUES ({', '.join(['%s'] * len(values))})",
            values,
        )
    email = Email.objects.get(tag="ancien")

    assert email.rendered_at is not None and email.template == "" and email.context == {}
    assert deliver(email.pk)
    assert mail.outbox[0].subject == "Bonjour Marie" and mail.outbox[0].body == "Déjà rédigé."
