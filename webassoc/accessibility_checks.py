"""What the site's automated accessibility checks cover: one list, read by the browser tests
(tests/e2e/test_layout_and_accessibility.py run these checks on these pages) and by the demo's
accessibility statement (home/demo/accessibility.py states these figures). Add a page type here
and both follow."""

# (label in the statement, path on the demo site)
PAGE_TYPES = [
    ("Accueil", "/"),
    ("Page de contenu (Qui sommes-nous)", "/qui-sommes-nous/"),
    ("Questions fréquentes", "/questions-frequentes/"),
    ("Liste des missions et filtres", "/missions/"),
    ("Mission et formulaire de candidature", "/missions/referencement-local-des-antennes/"),
    ("Mission pourvue", "/missions/nouveau-site-vitrine/"),
    ("Missions d’une compétence", "/missions/competences/referencement/"),
    ("Formulaire « Proposer une mission »", "/missions/proposer/"),
    ("Catalogue des formations", "/formations/"),
    ("Formation", "/formations/accessibilite-numerique-les-bases/"),
    ("Session de formation et inscription", "/formations/accessibilite-numerique-les-bases/session-1/"),
    ("Session complète, liste d’attente et autres dates", "/formations/medias-sociaux-pour-les-associations/session-6/"),
    ("Formation sans session à venir (« Prévenez-moi de la prochaine session »)",
     "/formations/mesurer-son-audience-sans-pister/"),
    ("Alertes par compétence et vivier de bénévoles", "/alertes/"),
    ("Manifeste et signature", "/manifeste/"),
    ("Actualités", "/actualites/"),
    ("Article", "/actualites/accessibilite-premiers-pas/"),
    ("Recherche", "/recherche/?q=association"),
    ("Déclaration d’accessibilité", "/accessibilite/"),
    ("Plan du site", "/plan-du-site/"),
    ("Page introuvable (404)", "/page-qui-n-existe-pas/"),
]

WIDTHS = (320, 390, 1280)  # CSS pixels: smallest phone (WCAG 1.4.10), common phone, desktop

CHECKS = [
    "aucune erreur axe-core (règles WCAG 2.2 niveaux A et AA, et bonnes pratiques)",
    "pas de défilement horizontal à 320 pixels de large (critère WCAG 1.4.10, redistribution)",
    "aucun contenu perdu avec les espacements de texte augmentés (critère WCAG 1.4.12)",
    "page lisible et utilisable avec un zoom à 200 % (critère WCAG 1.4.4)",
    "aucune animation quand le système demande de réduire les animations",
    "focus clavier visible en mode de contraste élevé (couleurs forcées)",
    "en-tête compact : au plus 80 pixels de haut sur ordinateur, 64 sur téléphone",
]

TOOLS = "Chromium 156 (Debian) piloté par Playwright, axe-core 4.12"
