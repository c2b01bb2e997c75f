"""Demo trainings: 5 courses, 13 sessions (one online, some full with a waitlist, five past).

Dates are relative to the day the demo is loaded, so the catalogue always has upcoming sessions,
except for one course whose sessions are all past: its page offers "Prévenez-moi de la prochaine
session". Registrations read like real ones (fictional people of fictional associations, with
their messages). Idempotent: an existing page (by slug) is left alone, except for the labels the
first demo put on trainers and venues ("(bénévole fictive)") and on its registrations
("– exemple", "Inscription de démonstration."), which are taken off.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from courses.enums import RegistrationStatus, SessionMode
from courses.forms import derived_session_title
from courses.ical import PARIS
from courses.models import Registration, TrainingIndexPage, TrainingPage, TrainingSessionPage
from home.demo.pages import child_page, heading, home_page, paragraph
from missions.models import Skill
from webassoc.enums import Format

COURSES = [
    {
        "slug": "accessibilite-numerique-les-bases",
        "title": "Accessibilité numérique : les bases",
        "summary": "Comprendre le RGAA, repérer les obstacles les plus fréquents sur le site de votre "
                   "association et corriger les plus simples vous-même.",
        "skills": ["accessibilite", "webmastering"],
        "duration": "3 heures", "format": Format.REMOTE,
        "audience": "Bénévoles et salariés d'associations qui publient sur leur site",
        "trainers": "Inès Moreau, experte en accessibilité, et Karim Benali, développeur web",
        "objectives": "<ul><li>Connaître les principes de l'accessibilité</li><li>Tester une page au clavier"
                      "</li><li>Écrire des textes alternatifs utiles</li></ul>",
        "prerequisites": "Savoir publier un article sur votre site.",
    },
    {
        "slug": "reussir-sa-collecte-en-ligne",
        "title": "Réussir sa collecte en ligne",
        "summary": "Construire une page de don claire, raconter votre cause et suivre vos campagnes de "
                   "collecte sans outil payant.",
        "skills": ["collecte", "strategie", "emailing"],
        "duration": "2 heures", "format": Format.HYBRID,
        "audience": "Responsables de la collecte et de la communication",
        "trainers": "Claire Dumont, responsable de collecte en ligne",
        "objectives": "<ul><li>Structurer une campagne</li><li>Rédiger un appel au don</li></ul>",
        "prerequisites": "",
    },
    {
        "slug": "medias-sociaux-pour-les-associations",
        "title": "Médias sociaux pour les associations",
        "summary": "Choisir ses réseaux, planifier ses publications et mesurer ce qui marche, avec peu de "
                   "temps et sans budget.",
        "skills": ["medias-sociaux", "strategie"],
        "duration": "3 heures", "format": Format.ON_SITE,
        "audience": "Toute personne chargée de la communication",
        "trainers": "Lucas Petit, community manager",
        "objectives": "<ul><li>Définir une ligne éditoriale</li><li>Bâtir un calendrier de publication</li></ul>",
        "prerequisites": "",
    },
    {
        "slug": "mesurer-son-audience-sans-pister",
        "title": "Mesurer son audience sans pister",
        "summary": "Installer une mesure d'audience respectueuse de la vie privée et lire les chiffres "
                   "qui comptent pour votre association.",
        "skills": ["analytics"],
        "duration": "2 heures", "format": Format.REMOTE,
        "audience": "Webmestres bénévoles",
        "trainers": "Sophie Laurent, analyste web",
        "objectives": "<ul><li>Choisir un outil sobre</li><li>Suivre trois indicateurs utiles</li></ul>",
        "prerequisites": "Avoir accès à l'administration de votre site.",
    },
    {
        "slug": "etre-trouve-sur-les-moteurs-de-recherche",
        "title": "Être trouvé sur les moteurs de recherche",
        "summary": "Les bases du référencement naturel appliquées à un site associatif : mots-clés, titres, "
                   "contenus et fiche d'établissement.",
        "skills": ["referencement", "webmastering"],
        "duration": "3 heures", "format": Format.ON_SITE,
        "audience": "Bénévoles qui font vivre le site de l'association",
        "trainers": "Thomas Garnier, consultant en référencement",
        "objectives": "<ul><li>Choisir ses mots-clés</li><li>Optimiser une page</li></ul>",
        "prerequisites": "",
    },
]

# Course without upcoming session (its page offers to be told of the next one).
WITHOUT_UPCOMING_SESSION = "mesurer-son-audience-sans-pister"

# What the first demo wrote after the trainers' names and the venues, taken off where still there.
OLD_LABELS = (" (bénévoles fictifs)", " (bénévole fictive)", " (bénévole fictif)", " (fictive)", " (fictif)")

HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}

# town (for the session title), venue, address
PLACES = {
    "lyon": ("Lyon", "Maison des associations de Lyon", "12 rue de la Solidarité\n69007 Lyon"),
    "paris": ("Paris", "Espace associatif du 11ᵉ", "8 passage des Bénévoles\n75011 Paris"),
    "nantes": ("Nantes", "Tiers-lieu La Fabrique", "3 quai des Initiatives\n44000 Nantes"),
}

# (course slug, days from today, hour, mode, place, capacity, demo registrations as attendee counts)
SESSIONS = [
    ("accessibilite-numerique-les-bases", 9, 14, SessionMode.REMOTE, None, 20, [2, 1, 3]),
    ("accessibilite-numerique-les-bases", 37, 9, SessionMode.ON_SITE, "lyon", 6, [2, 2, 2, 1, 2]),  # full, waitlist
    ("accessibilite-numerique-les-bases", -21, 14, SessionMode.REMOTE, None, 20, [2, 2]),  # past
    ("reussir-sa-collecte-en-ligne", 14, 18, SessionMode.REMOTE, None, 15, [1, 1]),
    ("reussir-sa-collecte-en-ligne", 44, 9, SessionMode.ON_SITE, "paris", 10, []),
    ("medias-sociaux-pour-les-associations", 12, 9, SessionMode.ON_SITE, "nantes", 8, [3, 3, 2, 2]),  # full
    ("medias-sociaux-pour-les-associations", 51, 14, SessionMode.ON_SITE, "lyon", 12, [2]),
    # Only past sessions: the next one is not planned yet ("Prévenez-moi de la prochaine session").
    ("mesurer-son-audience-sans-pister", -12, 18, SessionMode.REMOTE, None, 25, [1, 2, 1, 1]),  # past
    ("mesurer-son-audience-sans-pister", -75, 18, SessionMode.REMOTE, None, 25, [2, 1, 2]),  # past
    ("mesurer-son-audience-sans-pister", -40, 18, SessionMode.REMOTE, None, 25, [1, 1, 1]),  # past
    ("etre-trouve-sur-les-moteurs-de-recherche", 19, 9, SessionMode.ON_SITE, "paris", 12, [2, 3]),
    ("etre-trouve-sur-les-moteurs-de-recherche", 58, 14, SessionMode.ON_SITE, "nantes", 12, []),
    ("etre-trouve-sur-les-moteurs-de-recherche", 26, 14, SessionMode.REMOTE, None, 2, [2, 1]),  # tiny, waitlist
]

ASSOCIATIONS = [
    "Les Jardins Partagés du Rhône", "Solidarité Vélo", "Amis des Bibliothèques Rurales", "Eau Vive Sahel",
    "Collectif Logement Digne", "Repair Café de Belleville", "Forêts Vivantes", "Écoute Seniors",
]
# The person who registers for each association above (same position), and what they write.
CONTACTS = ["Nadia Haddad", "Julien Roussel", "Amandine Faure", "Samuel Lefebvre", "Fatou Diallo",
            "Hugo Marchand", "Élodie Garnier", "Marc Lemoine"]
MESSAGES = [
    "Je m'occupe du site du jardin depuis peu : nous voulons qu'il soit lisible par tous nos adhérents.",
    "Nous venons de refaire notre site et aimerions savoir ce qui coince encore.",
    "Notre trésorière viendra aussi si la session n'est pas complète.",
    "Première formation pour nous : nous partons de zéro, merci de votre patience !",
    "Nous préparons une campagne de dons pour la rentrée, cette formation tombe à pic.",
    "Pouvez-vous nous dire s'il faut installer un logiciel avant la session ?",
    "Deux bénévoles de l'accueil téléphonique publient aussi sur notre page : ils seront là.",
    "",
]
# What the first demo wrote on its registrations to say they were invented, taken off where still there.
OLD_CONTACT_LABEL = " – exemple"
OLD_MESSAGE = "Inscription de démonstration."
OLD_EMAIL_DOMAIN = "@asso-demo.example.org"


def load(stdout=None):
    home = home_page()
    index, _created = child_page(
        home, TrainingIndexPage, "formations",
        title="Formations",
        show_in_menus=True,
        intro="Des formations gratuites, animées par des pros du web bénévoles, pour que les associations "
              "gagnent en autonomie sur internet. Sur place ou en ligne, places limitées.",
        search_description="Formations gratuites au numérique pour les associations, par des bénévoles.",
    )
    skills = {skill.slug: skill for skill in Skill.objects.all()}
    courses = {}
    for data in COURSES:
        data = dict(data)
        skill_slugs = data.pop("skills")
        existing = index.get_children().filter(slug=data["slug"]).first()
        if existing:
            course = existing.specific
            if course.trainers.endswith(OLD_LABELS):
                course.trainers = data["trainers"]
                course.save_revision().publish()
            courses[data["slug"]] = course
            continue
        course = TrainingPage(
            **data,
            body=[heading("Déroulé"), paragraph(
                "<p>Une alternance d'apports courts, d'exemples tirés de vrais sites associatifs et "
                "d'exercices sur votre propre site. Chaque participant repart avec un plan d'action.</p>"
            )],
        )
        index.add_child(instance=course)
        course.skills.set([skills[slug] for slug in skill_slugs if slug in skills])
        course.save_revision().publish()
        courses[course.slug] = course

    today = timezone.localdate()
    hours = {slug: int(courses[slug].duration.split()[0]) for slug in courses}
    created = 0
    for number, (slug, days, hour, mode, place, capacity, groups) in enumerate(SESSIONS):
        course = courses[slug]
        day = today + timedelta(days=days)
        while (day.month, day.day) in HOLIDAYS:  # nobody trains on New Year's Day
            day += timedelta(days=1)
        start = datetime.combine(day, time(hour, 0), tzinfo=PARIS)
        town, venue, address = PLACES[place] if place else ("En ligne", "", "")
        session_slug = f"session-{number + 1}"
        existing = course.get_children().filter(slug=session_slug).first()
        if existing:
            unlabel_venue(existing.specific)
            continue
        session = TrainingSessionPage(
            title=derived_session_title(start, town), slug=session_slug, start=start,
            end=start + timedelta(hours=hours[slug]), mode=mode, venue=venue, address=address,
            meeting_url="https://visio.example.org/webassoc-demo" if mode == SessionMode.REMOTE else "",
            capacity=capacity, max_attendees_per_registration=3,
            notes="Apportez un ordinateur portable si vous le pouvez." if mode == SessionMode.ON_SITE else "",
        )
        course.add_child(instance=session)
        session.save_revision().publish()
        add_demo_registrations(session, groups, past=days < 0)
        created += 1
    relabelled = relabel_old_registrations()
    if stdout:
        stdout.write(f"  formations : {len(courses)} formations, {created} sessions créées")
        if relabelled:
            stdout.write("  - inscriptions de la première démonstration sans mention « exemple »")


def unlabel_venue(session):
    for label in OLD_LABELS:
        if session.venue.endswith(label):
            session.venue = session.venue.removesuffix(label)
            session.save_revision().publish()
            return


def add_demo_registrations(session, groups, past):
    """Rows as the services would have written them, without sending demo emails."""
    seats = 0
    for position, attendees in enumerate(groups):
        number = (session.pk + position) % len(ASSOCIATIONS)
        if past:
            status = RegistrationStatus.ATTENDED
        elif seats + attendees <= session.capacity:
            status = RegistrationStatus.CONFIRMED
        else:
            status = RegistrationStatus.WAITLISTED
        seats += attendees if status != RegistrationStatus.WAITLISTED else 0
        # In the past, in arrival order (the waitlist follows it).
        when = min(timezone.now(), session.start - timedelta(days=10)) - timedelta(minutes=len(groups) - position)
        Registration.objects.create(
            session=session, association_name=ASSOCIATIONS[number], contact_name=CONTACTS[number],
            email=contact_email(number), attendees=attendees, status=status, message=MESSAGES[number],
            created_at=when, consent_at=when,
        )


def contact_email(number):
    """A credible address on the reserved example.org domain (RFC 2606): prenom.nom@example.org."""
    return slugify(CONTACTS[number]).replace("-", ".") + "@example.org"


def relabel_old_registrations():
    """The registrations of the first demo, untouched since ("Nadia – exemple",
    "Inscription de démonstration.", nadia.0@asso-demo.example.org): the person's full name, their
    message and address, as a new demo would write them. Returns how many changed."""
    old = Registration.objects.filter(contact_name__endswith=OLD_CONTACT_LABEL, message=OLD_MESSAGE,
                                      email__endswith=OLD_EMAIL_DOMAIN)
    first_names = [contact.split()[0] for contact in CONTACTS]
    changed = 0
    for registration in old.only("pk", "contact_name"):
        first_name = registration.contact_name.removesuffix(OLD_CONTACT_LABEL)
        if first_name not in first_names:
            continue
        number = first_names.index(first_name)
        changed += Registration.objects.filter(pk=registration.pk).update(
            contact_name=CONTACTS[number], message=MESSAGES[number], email=contact_email(number))
    return changed
