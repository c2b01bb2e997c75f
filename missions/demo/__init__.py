"""Demo content: the mission index page, 12 fictional associations (with generated logos), 30 missions
of several sizes (their texts in data.py), a few applications."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from home.demo.images import demo_logo
from home.demo.pages import bullet_list, child_page, home_page
from webassoc.enums import Format

from ..enums import ApplicationStatus, DeclineReason, MissionStatus, Side, Urgency
from ..models import Application, ApplicationStep, Association, FollowUpCase, Mission, MissionIndexPage, Skill
from .data import ASSOCIATIONS, MISSIONS, OLD_ASSOCIATION_DESCRIPTIONS, OLD_ASSOCIATION_NAMES, OLD_CONTACT_NAME

OPEN = MissionStatus.OPEN

# The first demo gave every mission the same summary and description; a mission still holding
# them (nobody edited it) gets its own texts, as a new demo would.
OLD_SUMMARY_MARK = ") recherche de l'aide : "
OLD_DESCRIPTION_MARK = "au rythme qui vous convient. L'équipe Webassoc reste tiers de confiance pendant toute la mission."


# The demo's volunteers: credible people (their addresses on the reserved example.org domain).
VOLUNTEERS = [
    ("Camille Martin", "camille@example.org", ApplicationStatus.NEW),
    ("Yanis Benali", "yanis@example.org", ApplicationStatus.SHORTLISTED),
    ("Léa Dubois", "lea@example.org", ApplicationStatus.INTRODUCED),
    ("Hugo Petit", "hugo@example.org", ApplicationStatus.DECLINED),
]
CASE_DESCRIPTION = "Nous n'arrivons pas à fixer un premier rendez-vous."
# What the first demo wrote on its applications to say they were invented, taken off where still there.
OLD_NAME_LABELS = (" (fictive)", " (fictif)")
OLD_PORTFOLIO_URL = "https://www.linkedin.com/in/exemple-fictif"
OLD_CASE_MARK = "Exemple fictif : "


def portfolio_url(name):
    """A profile on a reserved domain (RFC 2606), like the demo's addresses."""
    return f"https://linkedin.example/in/{slugify(name)}"


def relabel_old_applications():
    """The applications of the first demo, untouched since: their people's names without
    "(fictive)", a profile of their own, the help request without "Exemple fictif". Returns whether
    something changed."""
    changed = 0
    for name, email, _status in VOLUNTEERS:
        old_names = [name + label for label in OLD_NAME_LABELS]
        changed += Application.objects.filter(email=email, name__in=old_names).update(name=name)
        changed += Application.objects.filter(email=email, portfolio_url=OLD_PORTFOLIO_URL).update(
            portfolio_url=portfolio_url(name))
    old_case = OLD_CASE_MARK + CASE_DESCRIPTION[0].lower() + CASE_DESCRIPTION[1:]
    changed += FollowUpCase.objects.filter(description=old_case).update(description=CASE_DESCRIPTION)
    return bool(changed)


def description(mission):
    """The mission's description: context, what is expected, the practical side."""
    return (
        f"<p>{mission['context']}</p>"
        f"<h3>Ce que nous attendons</h3>{bullet_list(mission['expected'])}"
        f"<h3>En pratique</h3><p>{mission['practical']}</p>"
    )


def association_slug(name):
    return name.lower().replace(" ", "-").replace("'", "")[:30]


def rename_old_associations():
    """Give the associations of the first demo their new names, with a logo that matches."""
    for old, new in OLD_ASSOCIATION_NAMES.items():
        association = Association.objects.filter(name=old).first()
        if association is None or Association.objects.filter(name=new).exists():
            continue
        old_logo = association.logo
        association.name = new
        association.logo = demo_logo(new)
        association.save()
        if old_logo is not None and old_logo.title == f"Logo {old}":
            old_logo.delete()


def load_associations():
    rename_old_associations()
    associations = {}
    for name, cause, city, text, contact in ASSOCIATIONS:
        slug = association_slug(name)
        association, created = Association.objects.get_or_create(
            name=name,
            defaults={
                "cause": cause, "city": city, "description": text,
                "website": f"https://{slug}.example.org",
                "contact_name": contact,
                "contact_email": f"contact@{slug}.example.org",
            },
        )
        changed = []
        if not created and association.description in OLD_ASSOCIATION_DESCRIPTIONS:
            association.description = text
            changed.append("description")
        if not created and association.contact_name == OLD_CONTACT_NAME:
            association.contact_name = contact
            changed.append("contact_name")
        if association.logo_id is None:
            association.logo = demo_logo(name)
            changed.append("logo")
        if changed:
            association.save(update_fields=[*changed, "updated_at"])
        associations[name] = association
    return associations


def mission_fields(data, association, today):
    days_left = data["days_left"]
    return {
        "association": association,
        "summary": data["summary"],
        "description": description(data),
        "format": data["format"],
        "location": "" if data["format"] == Format.REMOTE else association.city,
        "effort_hours": data["hours"],
        "volunteers_wanted": data["wanted"],
        "apply_before": today + datetime.timedelta(days=days_left) if days_left is not None else None,
        "status": data["status"],
        "contact_name": association.contact_name,
        "contact_email": association.contact_email,
    }


def rewrite_old_mission(mission, data, association):
    """A mission of the first demo, untouched since: its own texts, hours and contact (the
    deadline and status it has are kept)."""
    if OLD_SUMMARY_MARK not in mission.summary or OLD_DESCRIPTION_MARK not in mission.description:
        return False
    mission.summary = data["summary"]
    mission.description = description(data)
    mission.effort_hours = data["hours"]
    mission.volunteers_wanted = data["wanted"]
    if mission.contact_name == OLD_CONTACT_NAME:
        mission.contact_name = association.contact_name
    mission.save()
    mission.save_revision().publish()
    return True


def load(stdout=None):
    home = home_page()
    index_page, created = child_page(
        home, MissionIndexPage, "missions",
        title="Missions",
        show_in_menus=True,
        intro=(
            "Les associations ont besoin de vos compétences. Filtrez les appels à compétences par métier, "
            "format ou cause, et proposez votre aide en quelques minutes."
        ),
        search_description="Appels à compétences des associations pour les pros du web bénévoles.",
    )
    if stdout and created:
        stdout.write("  - page des missions")

    associations = load_associations()
    skills = {skill.slug: skill for skill in Skill.objects.all()}
    today = timezone.localdate()
    new = rewritten = 0
    for data in MISSIONS:
        association = associations[data["association"]]
        existing = Mission.objects.filter(title=data["title"]).first()
        if existing is not None:
            rewritten += rewrite_old_mission(existing, data, association)
            continue
        mission = Mission(title=data["title"], **mission_fields(data, association, today))
        mission.save()
        mission.skills.set([skills[slug] for slug in data["skills"] if slug in skills])
        mission.save()
        mission.save_revision().publish()
        new += 1
    if stdout and new:
        stdout.write(f"  - {new} missions pour {len(associations)} associations")
    if stdout and rewritten:
        stdout.write(f"  - {rewritten} missions de la première démonstration réécrites")

    if not Application.objects.exists():
        missions = list(Mission.objects.filter(live=True, status=OPEN).order_by("pk")[:4])
        now = timezone.now()
        for number, ((name, email, status), mission) in enumerate(zip(VOLUNTEERS, missions, strict=False)):
            # Received a few days ago, answered (introduced, declined…) a day or two later.
            received = now - datetime.timedelta(days=6 - number, hours=3)
            answered = received + datetime.timedelta(days=1 + number % 2, hours=2)
            application = Application.objects.create(
                mission=mission, name=name, email=email, status=status, consent=True, created_at=received,
                message="Bonjour, j’aurais plaisir à aider votre association sur ce sujet que je connais.",
                availability="Quelques heures par semaine, le soir.",
                portfolio_url=portfolio_url(name),
                matched_at=answered if status == ApplicationStatus.INTRODUCED else None,
                first_answered_at=None if status == ApplicationStatus.NEW else answered,
                decline_reason=DeclineReason.PROFILE if status == ApplicationStatus.DECLINED else "",
            )
            application.skills.set(mission.skill_list()[:1])
            ApplicationStep.objects.create(application=application, status=ApplicationStatus.NEW,
                                           at=application.created_at)
            if status != ApplicationStatus.NEW:
                ApplicationStep.objects.create(application=application, status=status, at=answered,
                                               previous_status=ApplicationStatus.NEW, emailed=True)
            if status == ApplicationStatus.INTRODUCED:
                FollowUpCase.objects.create(
                    application=application, side=Side.ASSOCIATION, urgency=Urgency.MEDIUM,
                    description=CASE_DESCRIPTION,
                )
        if stdout:
            stdout.write("  - quelques candidatures")
    elif relabel_old_applications() and stdout:
        stdout.write("  - candidatures de la première démonstration sans mention « fictif »")
