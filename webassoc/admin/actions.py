"""The one pattern for custom actions on a record in the admin.

An action is a small class: a label, when it applies, and what it does. A viewset lists
its actions in `record_actions` and mixes in RecordActionsMixin, which gives each action
a URL (`<viewset>:action`), a button on the list rows and on the edit view, a
confirmation page (GET) and runs it (POST), then brings the user back to where they were
(the filtered list, or the edit view).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets import BaseButton, Button, HeaderButton

from webassoc.errors import DomainError


class RecordAction:
    name = ""              # URL segment, unique within the viewset
    label = ""             # button text and title of the confirmation page
    icon = "cog"
    confirmation = ""      # the question asked on the confirmation page
    permission = "change"  # the permission (of the viewset's model) it needs
    primary = False        # a button of its own on the edit view, not hidden in the "⋯" menu
    summary_template = ""  # shows the record on the confirmation page
    form_class = None      # a form on the confirmation page (its valid form is given to run())

    def get_form(self, instance, data=None):
        return self.form_class(data, instance=instance) if self.form_class else None

    def applies(self, instance):
        """Whether the action makes sense for this record now (its button is hidden otherwise)."""
        return True

    def allowed(self, user, permission_policy):
        return permission_policy.user_has_permission(user, self.permission)

    def run(self, request, instance, form=None):
        """Do it and return the success message; raise webassoc.errors.DomainError to refuse.
        `form` is the valid form of `form_class`, when the action has one."""
        raise NotImplementedError

    def success_url(self, request, instance, back_url):
        return back_url


def safe_back_url(request, fallback):
    """The `next` parameter when it is a path on this site, else `fallback`."""
    back = request.GET.get("next") or request.POST.get("next") or ""
    if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return fallback


class RecordActionButtonsMixin:
    """For the index and edit views of a viewset with record actions: their buttons."""

    record_actions = ()
    action_url_name = None
    primary_actions_in_rows = False  # on the list, primary actions are buttons of their own too

    def action_url(self, instance, action):
        url = reverse(self.action_url_name, args=[instance.pk, action.name])
        return f"{url}?{urlencode({'next': self.request.get_full_path()})}"

    def available_actions(self, instance):
        return [
            action for action in self.record_actions
            if action.applies(instance) and action.allowed(self.request.user, self.permission_policy)
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for action in self.available_actions(instance):
            if action.primary and self.primary_actions_in_rows:
                buttons.append(BaseButton(  # a BaseButton stays out of the "⋯" dropdown
                    action.label, url=self.action_url(instance, action), icon_name=action.icon,
                    classname="button button-small button-primary", priority=1,
                    attrs={"data-record-action": action.name},
                ))
            else:
                buttons.append(MenuItem(action.label, url=self.action_url(instance, action), icon_name=action.icon,
                                        priority=5))
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if getattr(self, "object", None) is not None:  # the index view has no record
            for action in self.available_actions(self.object):
                if not action.primary:
                    buttons.append(Button(action.label, url=self.action_url(self.object, action),
                                          icon_name=action.icon, priority=5))
        return buttons

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if getattr(self, "object", None) is not None:
            for action in self.available_actions(self.object):
                if action.primary:
                    # A HeaderButton: Wagtail's header styles it (a plain Button there shows a giant icon).
                    buttons.append(HeaderButton(action.label, url=self.action_url(self.object, action),
                                                icon_name=action.icon, classname="button-primary", priority=5))
        return buttons


class RecordActionsMixin:
    """For a ModelViewSet or SnippetViewSet: the URL and view of its `record_actions`.

    Its index and edit view classes must mix in RecordActionButtonsMixin.
    """

    record_actions = ()
    action_template_name = "admin/record_action.html"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            record_actions=self.record_actions, action_url_name=self.get_url_name("action"), **kwargs
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<str:pk>/action/<slug:action_name>/", self.action_view, name="action"),
        ]

    def _index_url(self):
        try:
            return reverse(self.get_url_name("index"))
        except NoReverseMatch:  # snippets name their listing "list"
            return reverse(self.get_url_name("list"))

    def action_view(self, request, pk, action_name):
        action = next((a for a in self.record_actions if a.name == action_name), None)
        if action is None or not action.allowed(request.user, self.permission_policy):
            raise PermissionDenied
        instance = get_object_or_404(self.model, pk=pk)
        back_url = safe_back_url(request, self._index_url())
        if not action.applies(instance):
            messages.error(request, _("Cette action n’est pas possible pour cet élément dans son état actuel."))
            return redirect(back_url)
        form = action.get_form(instance, request.POST if request.method == "POST" else None)
        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                message = action.run(request, instance, **({"form": form} if form is not None else {}))
            except DomainError as error:
                messages.error(request, error.message)
                return redirect(back_url)
            if message:
                messages.success(request, message)
            return redirect(action.success_url(request, instance, back_url))
        return TemplateResponse(request, self.action_template_name, {
            "action": action,
            "object": instance,
            "form": form,
            "back_url": back_url,
            "page_title": action.label,
            "header_icon": action.icon,
        })

