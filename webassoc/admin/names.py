"""The project's records named in French with their gender: "Ajouter une mission", "Mission « X »
créée.", "Suivi « Y » modifié.", "Aucune inscription pour le moment.".

Wagtail's generic messages cannot know the gender of the model they name, so the catalogue
(locale/fr) rewords them neutrally ("Ajouter : mission"): that stays the fallback for Wagtail's own
models. A project viewset mixes in `FrenchNamesMixin` (a ModelViewSet) or `FrenchSnippetNamesMixin`
(a SnippetViewSet) and gives the gender of its model's `verbose_name` (`gender = FEMININE`); its
index, create, copy, edit, delete (and a snippet's unpublish) views are the classes of this module
(or subclasses of them), which build the add button, the empty list, the success, error and
confirmation messages from that name and gender. A view that says something more precise (the decision on an application) still
overrides `get_success_message()`.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views import generic
from wagtail.snippets.views import snippets

from .columns import FrenchDateTimeColumnsMixin

FEMININE = "feminine"
MASCULINE = "masculine"
# A masculine noun starting with a vowel takes "cet", "nouvel" ("cet avis", "nouvel abonnement").
MASCULINE_VOWEL = "masculine-vowel"
VOWELS = tuple("aàâeéèêiîoôuûy")

# Every sentence, whole, for each gender: %(name)s is the model's verbose_name, %(Name)s the same
# with a capital, %(object)s the record.
MESSAGES = {
    "add": {FEMININE: _("Ajouter une %(name)s"), MASCULINE: _("Ajouter un %(name)s")},
    "new_record": {
        FEMININE: _("Nouvelle %(name)s"), MASCULINE: _("Nouveau %(name)s"), MASCULINE_VOWEL: _("Nouvel %(name)s"),
    },
    "none_yet": {FEMININE: _("Aucune %(name)s pour le moment."), MASCULINE: _("Aucun %(name)s pour le moment.")},
    "none_found": {
        FEMININE: _("Aucune %(name)s ne correspond à cette recherche."),
        MASCULINE: _("Aucun %(name)s ne correspond à cette recherche."),
    },
    "created": {FEMININE: _("%(Name)s « %(object)s » créée."), MASCULINE: _("%(Name)s « %(object)s » créé.")},
    "updated": {FEMININE: _("%(Name)s « %(object)s » modifiée."), MASCULINE: _("%(Name)s « %(object)s » modifié.")},
    "deleted": {
        FEMININE: _("%(Name)s « %(object)s » supprimée."), MASCULINE: _("%(Name)s « %(object)s » supprimé."),
    },
    "created_published": {
        FEMININE: _("%(Name)s « %(object)s » créée et publiée."),
        MASCULINE: _("%(Name)s « %(object)s » créé et publié."),
    },
    "updated_published": {
        FEMININE: _("%(Name)s « %(object)s » modifiée et publiée."),
        MASCULINE: _("%(Name)s « %(object)s » modifié et publié."),
    },
    "created_scheduled": {
        FEMININE: _("%(Name)s « %(object)s » créée ; sa publication est planifiée."),
        MASCULINE: _("%(Name)s « %(object)s » créé ; sa publication est planifiée."),
    },
    "scheduled": {
        FEMININE: _("%(Name)s « %(object)s » : publication planifiée."),
        MASCULINE: _("%(Name)s « %(object)s » : publication planifiée."),
    },
    "live_scheduled": {
        FEMININE: _("%(Name)s « %(object)s » reste en ligne telle quelle ; cette version sera publiée à la date prévue."),
        MASCULINE: _("%(Name)s « %(object)s » reste en ligne tel quel ; cette version sera publiée à la date prévue."),
    },
    "created_submitted": {
        FEMININE: _("%(Name)s « %(object)s » créée et soumise à la validation."),
        MASCULINE: _("%(Name)s « %(object)s » créé et soumis à la validation."),
    },
    "submitted": {
        FEMININE: _("%(Name)s « %(object)s » soumise à la validation."),
        MASCULINE: _("%(Name)s « %(object)s » soumis à la validation."),
    },
    "unpublished": {
        FEMININE: _("%(Name)s « %(object)s » retirée du site."),
        MASCULINE: _("%(Name)s « %(object)s » retiré du site."),
    },
    "not_created": {
        FEMININE: _("%(Name)s non créée : corrigez les erreurs signalées."),
        MASCULINE: _("%(Name)s non créé : corrigez les erreurs signalées."),
    },
    "not_saved": {
        FEMININE: _("%(Name)s non enregistrée : corrigez les erreurs signalées."),
        MASCULINE: _("%(Name)s non enregistré : corrigez les erreurs signalées."),
    },
    "confirm_delete": {
        FEMININE: _("Supprimer définitivement cette %(name)s ?"),
        MASCULINE: _("Supprimer définitivement ce %(name)s ?"),
        MASCULINE_VOWEL: _("Supprimer définitivement cet %(name)s ?"),
    },
}


def french_message(key, model, gender, instance=None):
    """The sentence `key` naming `model` (its verbose_name) with its gender."""
    name = str(model._meta.verbose_name)
    forms = MESSAGES[key]
    if gender == MASCULINE and name.startswith(VOWELS) and MASCULINE_VOWEL in forms:
        gender = MASCULINE_VOWEL
    values = {"name": name, "Name": capfirst(name)}
    if instance is not None:
        values["object"] = get_latest_str(instance)
    return str(forms[gender]) % values


class FrenchIndexMixin:
    gender = None

    @cached_property
    def add_item_label(self):
        return french_message("add", self.model, self.gender)

    @cached_property
    def no_results_message(self):
        key = "none_found" if self.is_searching or self.is_filtering else "none_yet"
        return french_message(key, self.model, self.gender)


class FrenchSaveMixin:
    """For create and edit views (snippets included: publish, schedule, submit)."""

    gender = None
    creates = False

    def get_page_title(self):
        """A new record's screen (and window) says "Nouvelle mission", not "Nouvelle : Mission"."""
        if self.creates:
            return capfirst(french_message("new_record", self.model, self.gender))
        return super().get_page_title()

    def get_page_subtitle(self):
        if self.creates:
            return ""
        return super().get_page_subtitle()

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if self.creates and items and not items[-1].get("url"):  # the last one, "New: <model>"
            items[-1] = {**items[-1], "label": capfirst(french_message("new_record", self.model, self.gender))}
        return items

    def get_success_message(self, instance=None):
        instance = instance or self.object
        action = getattr(self, "action", "")
        if action in ("restart-workflow", "cancel-workflow"):  # snippets only: Wagtail's message
            return super().get_success_message(instance)
        if action == "publish":
            go_live_at = getattr(instance, "go_live_at", None)
            if go_live_at and go_live_at > timezone.now():
                key = "created_scheduled" if self.creates else ("live_scheduled" if instance.live else "scheduled")
            else:
                key = "created_published" if self.creates else "updated_published"
        elif action == "submit":
            key = "created_submitted" if self.creates else "submitted"
        else:
            key = "created" if self.creates else "updated"
        return french_message(key, self.model, self.gender, instance)

    def get_error_message(self):
        if getattr(self, "expects_json_response", False):  # autosave: Wagtail's short message
            return super().get_error_message()
        return french_message("not_created" if self.creates else "not_saved", self.model, self.gender)


class FrenchCreateMixin(FrenchSaveMixin):
    creates = True


class FrenchEditMixin(FrenchSaveMixin):
    creates = False


class FrenchDeleteMixin:
    gender = None

    @property
    def confirmation_message(self):
        return french_message("confirm_delete", self.model, self.gender)

    def get_success_message(self):
        return french_message("deleted", self.model, self.gender, self.object)


class FrenchUnpublishMixin:
    gender = None

    def get_success_message(self):
        return french_message("unpublished", self.model, self.gender, self.object)


# Every list of the project: its date-time fields read as the site writes them (columns.py).
class IndexView(FrenchDateTimeColumnsMixin, FrenchIndexMixin, generic.IndexView):
    pass


class CreateView(FrenchCreateMixin, generic.CreateView):
    pass


class CopyView(FrenchCreateMixin, generic.CopyView):
    pass


class EditView(FrenchEditMixin, generic.EditView):
    pass


class DeleteView(FrenchDeleteMixin, generic.DeleteView):
    pass


class SnippetIndexView(FrenchDateTimeColumnsMixin, FrenchIndexMixin, snippets.IndexView):
    pass


class SnippetCreateView(FrenchCreateMixin, snippets.CreateView):
    pass


class SnippetCopyView(FrenchCreateMixin, snippets.CopyView):
    pass


class SnippetEditView(FrenchEditMixin, snippets.EditView):
    pass


class SnippetDeleteView(FrenchDeleteMixin, snippets.DeleteView):
    pass


class SnippetUnpublishView(FrenchUnpublishMixin, snippets.UnpublishView):
    pass


VIEW_MIXINS = {
    "index_view_class": FrenchIndexMixin,
    "add_view_class": FrenchCreateMixin,
    "copy_view_class": FrenchCreateMixin,
    "edit_view_class": FrenchEditMixin,
    "delete_view_class": FrenchDeleteMixin,
}


class FrenchNamesMixin:
    """For a ModelViewSet: its records named with the gender of the model's verbose_name."""

    gender = None  # FEMININE or MASCULINE
    index_view_class = IndexView
    add_view_class = CreateView
    copy_view_class = CopyView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.gender not in (FEMININE, MASCULINE):
            raise ImproperlyConfigured(f"{type(self).__name__}: gender must be FEMININE or MASCULINE.")
        for attribute, mixin in VIEW_MIXINS.items():
            if not issubclass(getattr(self, attribute), mixin):
                raise ImproperlyConfigured(
                    f"{type(self).__name__}.{attribute} must subclass webassoc.admin.names.{mixin.__name__}."
                )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(gender=self.gender, **kwargs)

    @cached_property
    def index_results_template_name(self):
        """An empty list says "Aucune mission pour le moment." and offers "Ajouter une mission"
        (Wagtail's template would say "Il n'y a pas de missions à afficher…")."""
        return "admin/index_results.html"


class FrenchSnippetNamesMixin(FrenchNamesMixin):
    """For a SnippetViewSet (drafts, scheduling and workflows included)."""

    index_view_class = SnippetIndexView
    add_view_class = SnippetCreateView
    copy_view_class = SnippetCopyView
    edit_view_class = SnippetEditView
    delete_view_class = SnippetDeleteView
    unpublish_view_class = SnippetUnpublishView


def french_header_title(view):
    """The title of an admin screen with its subtitle, French punctuation: "Modification : X"."""
    title = view.get_page_title()
    subtitle = view.get_page_subtitle()
    if subtitle:
        return _("%(title)s : %(subtitle)s") % {"title": title, "subtitle": subtitle}
    return title


def french_header_titles():
    """Wagtail joins an admin screen's title and subtitle with an English ": " in code, out of
    reach of the catalogue: every admin view (Wagtail’s own too) uses french_header_title instead.
    Called once at startup (home/apps.py)."""
    from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

    WagtailAdminTemplateMixin.get_header_title = french_header_title
