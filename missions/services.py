"""Domain operations of the missions app: apply, change an application's status, introduce,
request a mission and turn a request into a draft mission. Each returns the model it created or
changed, and queues its emails in the same transaction."""

import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from webassoc.enums import Format
from webassoc.errors import DomainError

from . import emails
from .enums import ApplicationStatus, Cause, MissionRequestStatus, MissionStatus
from .models.applications import Application, MissionRequest  # not .models: its pages module imports this one
from .models.associations import Association
from .models.missions import Mission
from .models.skills import Skill, normalise

DRAFT_SUMMARY_LENGTH = 390  # Mission.summary holds 400 characters


class MissionClosed(DomainError):
    """The mission takes no applications (closed, filled, past its deadline or not published)."""

    def __init__(self):
        super().__init__(_("Cette mission ne prend plus de candidatures."))


class DuplicateApplication(DomainError):
    field = "email"

    def __init__(self):
        super().__init__(_(
            "Vous avez déjà candidaté à cette mission avec cette adresse e-mail : merci ! "
            "L'équipe a bien votre candidature et reviendra vers vous."
        ))


class DuplicateRequest(DomainError):
    def __init__(self):
        super().__init__(_(
            "Nous avons déjà reçu cette demande avec cette adresse e-mail : merci ! "
            "L'équipe l'examine et reviendra vers vous."
        ))


class StatusChangeRefused(DomainError):
    """A status an application may not move to from its current one."""


def apply(mission, *, name, email, message, consent, skills=(), availability="", portfolio_url=""):
    """Record a volunteer's application, confirm it to them and notify the team."""
    if not mission.accepts_applications:
        raise MissionClosed
    email = email.strip().lower()
    if Application.objects.filter(mission=mission, email=email).exists():
        raise DuplicateApplication
    try:
        with transaction.atomic():
            application = Application.objects.create(
                mission=mission, name=name.strip(), email=email, message=message, availability=availability,
                portfolio_url=portfolio_url, consent=consent,
            )
            application.skills.set(skills)
            emails.application_received(application)
            emails.application_to_team(application)
    except IntegrityError as exc:  # two submissions raced past the check above
        raise DuplicateApplication from exc
    return application


def change_status(application, *, status, note=None):
    """Move an application to `status`, if its current status allows it."""
    if status not in ApplicationStatus.values:
        raise StatusChangeRefused(_("Statut inconnu."))
    if status == ApplicationStatus.INTRODUCED:  # decided on the stored status, in introduce()
        return introduce(application, note=note)
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if not application.can_move_to(status):
            raise StatusChangeRefused(
                _("Une candidature « %(current)s » ne peut pas passer à « %(new)s ».")
                % {"current": application.get_status_display(), "new": ApplicationStatus(status).label}
            )
        application.status = status
        if note is not None:
            application.note = note
        application.save()
    return application


def introduce(application, *, note=None):
    """"Mise en relation": mark the application matched and email the volunteer and the association
    (once: introducing an introduced application only updates the note)."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update().select_related("mission__association").get(pk=application.pk)
        )
        if not application.can_move_to(ApplicationStatus.INTRODUCED):
            raise StatusChangeRefused(_("Seule une candidature présélectionnée peut être mise en relation."))
        already_introduced = application.status == ApplicationStatus.INTRODUCED
        application.status = ApplicationStatus.INTRODUCED
        application.matched_at = application.matched_at or timezone.now()
        if note is not None:
            application.note = note
        application.save()
        if not already_introduced:
            emails.introduction_to_volunteer(application)
            emails.introduction_to_association(application)
    return application


def submit_request(*, association_name, contact_name, email, title, description, consent, skills=(),
                   cause=Cause.SOLIDARITY, website="", city="", phone="", format=Format.REMOTE, deadline=None):
    """Record an association's need; acknowledge it and notify the team."""
    email = email.strip().lower()
    if MissionRequest.objects.filter(
        email=email, title__iexact=title.strip(), status=MissionRequestStatus.NEW
    ).exists():
        raise DuplicateRequest
    with transaction.atomic():
        mission_request = MissionRequest.objects.create(
            association_name=association_name, cause=cause, website=website, city=city, contact_name=contact_name,
            email=email, phone=phone, title=title, description=description, format=format, deadline=deadline,
            consent=consent,
        )
        mission_request.skills.set(skills)
        emails.request_received(mission_request)
        emails.request_to_team(mission_request)
    return mission_request


@transaction.atomic
def convert_request(mission_request):
    """Turn an association's request into a draft mission for editors to review and publish (once:
    a converted request gives back its mission). The association is created if it is new."""
    locked = MissionRequest.objects.select_for_update().get(pk=mission_request.pk)
    if locked.mission_id is None:
        locked.mission = _draft_mission(locked)
        locked.status = MissionRequestStatus.CONVERTED
        locked.save(update_fields=["mission", "status"])
    mission_request.mission, mission_request.status = locked.mission, locked.status
    return locked.mission


def _draft_mission(mission_request):
    name = mission_request.association_name.strip()
    association = Association.objects.filter(name__iexact=name).first() or Association.objects.create(
        name=name, cause=mission_request.cause, website=mission_request.website, city=mission_request.city,
        contact_name=mission_request.contact_name, contact_email=mission_request.email,
    )
    mission = Mission(
        title=mission_request.title,
        association=association,
        summary=draft_summary(mission_request.description),
        description="".join(f"<p>{escape(line)}</p>" for line in paragraphs(mission_request.description)),
        format=mission_request.format,
        location="" if mission_request.format == Format.REMOTE else mission_request.city,
        # The association's wished date is when the work should be done, not a deadline for
        # volunteers: the editor chooses "candidater avant le" when publishing.
        needed_by=mission_request.deadline,
        apply_before=None,
        contact_name=mission_request.contact_name,
        contact_email=mission_request.email,
        live=False,
    )
    mission.save()
    mission.skills.set(list(mission_request.skills.all()))
    mission.save()  # the skills are a ClusterTaggableManager: saved with the mission
    mission.save_revision(log_action=True)
    return mission


def paragraphs(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def draft_summary(description, limit=DRAFT_SUMMARY_LENGTH):
    """The first sentences of the description's first paragraph that fit in `limit` characters
    (the whole description stays in the mission's description). A first sentence too long is
    cut at a word, with an ellipsis."""
    first = (paragraphs(description) or [""])[0]
    if len(first) <= limit:
        return first
    sentences = re.split(r"(?<=[.!?…])\s+", first)
    summary = ""
    for sentence in sentences:
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > limit:
            break
        summary = candidate
    if summary:
        return summary
    return first[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


class SkillMergeRefused(DomainError):
    field = "into"


@transaction.atomic
def merge_skills(skill, *, into):
    """Merge `skill` into `into`: every mission, course, application and request tagged with it
    gets `into` instead (once), its name and synonyms become synonyms of `into`, it is deleted,
    and its public page redirects to the page of `into`. Returns `into`."""
    if skill.pk == into.pk:
        raise SkillMergeRefused(_("Choisissez une autre compétence que celle à fusionner."))
    old_path = _skill_path(skill)
    for relation in Skill._meta.related_objects:
        model = relation.through if relation.many_to_many else relation.related_model
        field = next(f for f in model._meta.concrete_fields if f.is_relation and f.related_model is Skill)
        _move_rows(model, field, skill, into)
    into.aliases = ", ".join(_unique_terms([*into.alias_list(), skill.name, *skill.alias_list()], into))
    into.curated = into.curated or skill.curated
    if not into.description:
        into.description = skill.description
    into.save()
    skill.delete()
    new_path = _skill_path(into)
    if old_path and new_path:
        from wagtail.contrib.redirects.models import Redirect

        Redirect.objects.filter(old_path=Redirect.normalise_path(old_path)).delete()
        Redirect.add_redirect(old_path, redirect_to=new_path, is_permanent=True)
    return into


def _move_rows(model, field, skill, into):
    """Re-point the rows of `model` from `skill` to `into`, dropping those that would repeat a row
    already on `into` (a mission tagged with both)."""
    others = [f.attname for f in model._meta.concrete_fields if f is not field and not f.primary_key]
    for row in model.objects.filter(**{field.attname: skill.pk}):
        twin = {name: getattr(row, name) for name in others}
        if model.objects.filter(**{field.attname: into.pk}, **twin).exists():
            row.delete()
        else:
            model.objects.filter(pk=row.pk).update(**{field.attname: into.pk})


def _unique_terms(terms, skill):
    seen, kept = {normalise(skill.name), skill.slug}, []
    for term in terms:
        if normalise(term) not in seen:
            seen.add(normalise(term))
            kept.append(term)
    return kept


def _skill_path(skill):
    from django.apps import apps

    index_page = apps.get_model("missions", "MissionIndexPage").objects.live().order_by("path").first()
    if index_page is None or index_page.url is None:
        return None
    return index_page.url + index_page.reverse_subpage("skill", args=[skill.slug])


@transaction.atomic
def close_mission(mission, *, user=None):
    """Close a mission (it takes no more applications; its applications are kept): what the team
    does instead of deleting a mission that has applications. The live version and the latest draft
    both say "clôturée". Returns whether it changed something."""
    from wagtail.log_actions import log

    locked = Mission.objects.select_for_update().get(pk=mission.pk)
    changed = locked.status != MissionStatus.CLOSED
    if changed:
        locked.status = MissionStatus.CLOSED
        locked.save(update_fields=["status", "updated_at"])
        revision = locked.latest_revision
        if revision is not None and revision.content.get("status") != MissionStatus.CLOSED:
            revision.content["status"] = MissionStatus.CLOSED
            revision.save(update_fields=["content"])
        log(instance=locked, action="wagtail.edit", user=user)
    mission.status = locked.status
    return changed
