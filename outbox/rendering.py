"""What an email is made of, stored before it is rendered.

`queue_email` runs inside the caller's transaction, often while a row is locked (the seats of a
session). Rendering three templates and building an `.ics` there would keep the lock for the
whole render, so the outbox stores *what to render*: the template name and a JSON copy of the
context where model instances become references. The sending task renders the email after
the transaction commits, stores the result and sends it (outbox/services.py: render_email).

    freeze({"registration": registration, "days": 3})  ->  {"registration": {"__model__":
                                                            "courses.registration", "pk": 7}, "days": 3}
    thaw(frozen)                                         ->  the same values, instances re-read

A value that costs queries or time to compute (the whole context of an email, a calendar file
attached to it) can be computed at render time instead: `later(function, *args)` stores the
dotted path of a function marked with `@computed_when_rendered` and its frozen arguments; the
function is called with the thawed arguments when the email is rendered.
"""

import datetime
import decimal
import re

from django.apps import apps
from django.conf import settings
from django.db import models
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise
from django.utils.module_loading import import_string

from webassoc.typography import french_html, french_text

SUBJECT_LENGTH = 250  # Email.subject's max_length
MODEL = "__model__"
LATER = "__later__"
TAGS = {
    "__datetime__": (datetime.datetime, datetime.datetime.fromisoformat),
    "__date__": (datetime.date, datetime.date.fromisoformat),
    "__time__": (datetime.time, datetime.time.fromisoformat),
    "__decimal__": (decimal.Decimal, decimal.Decimal),
}


class ContextError(TypeError):
    """A context value the outbox cannot store: pass ids, strings, numbers, dates or model instances."""


def freeze(value):
    """A JSON-compatible copy of `value`; model instances become references (they must be saved),
    `later(...)` values the path of their function and their frozen arguments."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Promise):  # a lazy translation: its text in the active language
        return str(value)
    if isinstance(value, Later):
        return {LATER: value.path, "args": freeze(list(value.args))}
    if isinstance(value, models.Model):
        if value.pk is None:
            raise ContextError(f"unsaved {value._meta.label} instance in an email context")
        return {MODEL: value._meta.label_lower, "pk": value.pk}
    for tag, (kind, _parse) in TAGS.items():  # datetime before date: a datetime is a date
        if isinstance(value, kind):
            return {tag: value.isoformat() if tag != "__decimal__" else str(value)}
    if isinstance(value, dict):
        return {str(key): freeze(item) for key, item in value.items()}
    if isinstance(value, list | tuple | models.QuerySet):
        return [freeze(item) for item in value]
    raise ContextError(f"{type(value).__name__} cannot be stored in an email context")


def thaw(value, _instances=None):
    """The values `freeze` stored, `later(...)` ones computed now; each referenced instance is
    read once from the database."""
    instances = {} if _instances is None else _instances
    if isinstance(value, list):
        return [thaw(item, instances) for item in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {LATER, "args"}:
        return _call_later(value[LATER], value["args"], instances)
    if set(value) == {MODEL, "pk"}:
        key = (value[MODEL], value["pk"])
        if key not in instances:
            model = apps.get_model(value[MODEL])
            instances[key] = model._base_manager.get(pk=value["pk"])
        return instances[key]
    if len(value) == 1 and next(iter(value)) in TAGS:
        tag, text = next(iter(value.items()))
        return TAGS[tag][1](text)
    return {key: thaw(item, instances) for key, item in value.items()}


def computed_when_rendered(function):
    """Mark a module-level function whose result an email may compute at render time (`later`)."""
    function.computed_when_rendered = True
    return function


class Later:
    """A value computed when the email is rendered: `function(*args)`, args frozen meanwhile."""

    def __init__(self, function, args):
        if not getattr(function, "computed_when_rendered", False):
            raise ContextError(f"{function!r} is not marked with @computed_when_rendered")
        self.path = f"{function.__module__}.{function.__qualname__}"
        self.args = args


def later(function, *args):
    return Later(function, args)


def _call_later(path, args, instances):
    function = import_string(path)
    if not getattr(function, "computed_when_rendered", False):  # the database names code: check it
        raise ContextError(f"{path} is not marked with @computed_when_rendered")
    return function(*thaw(args, instances))


def one_line(text):
    """`text` on one line: runs of ordinary white space become one space; the no-break spaces of
    French typography (U+00A0 before « : ? ! », U+202F) stay where they are."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", text).strip(" \t\r\n\f\v")


def render_parts(template, stored_context, stored_attachments):
    """Subject, text, HTML and attachments of an email, rendered now from what was stored.

    `stored_context` is {"language", "base_url", "values"}: the templates are rendered in the
    language that was active when the email was queued. What people typed (a mission's title, an
    association's name) gets the site's French typography, as on the pages.
    """
    instances = {}
    with translation.override(stored_context.get("language") or settings.LANGUAGE_CODE):
        context = {"base_url": stored_context.get("base_url"), **thaw(stored_context.get("values", {}), instances)}
        subject = one_line(french_text(render_to_string(f"emails/{template}_subject.txt", context)))
        subject = subject[:SUBJECT_LENGTH]
        body_text = french_text(render_to_string(f"emails/{template}.txt", context))
        try:
            body_html = french_html(render_to_string(f"emails/{template}.html", context))
        except TemplateDoesNotExist:  # the HTML version is optional
            body_html = ""
        attachments = [{**stored, "content": thaw(stored["content"], instances)} for stored in stored_attachments]
    return {"subject": subject, "body_text": body_text, "body_html": body_html, "attachments": attachments}
