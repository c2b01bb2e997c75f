"""Admin panels shared by the apps."""

from wagtail.admin.panels import Panel


class RecordSummaryPanel(Panel):
    """A record as it was sent from the public site (read-only), above the team's own fields."""

    def __init__(self, *args, template_name=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.template_name = template_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "template_name": self.template_name}

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return self.panel.template_name

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["record"] = self.instance
            return context
