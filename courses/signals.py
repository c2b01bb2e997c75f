def on_page_published(sender, instance, **kwargs):
    """Every publication of a session (admin, scheduled, script) goes through the service."""
    from .models import TrainingSessionPage
    from .services import session_published

    if isinstance(instance, TrainingSessionPage):
        session_published(instance)
