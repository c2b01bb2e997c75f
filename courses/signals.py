def on_page_published(sender, instance, **kwargs):
    """Every publication of a session (admin, scheduled, script) goes through the service."""
    from .models import TrainingSessionPage
    from .services import session_published

    if isinstance(instance, TrainingSessionPage):
        session_published(instance)


def grant_catalogue_to_coordinators(sender, instance, created, raw=False, **kwargs):
    """A new training catalogue is editable by the "Coordination formations" group."""
    if not created or raw:
        return
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from home import roles

    group, _ = Group.objects.get_or_create(name=roles.TRAINING_COORDINATORS)
    for action in roles.PAGE_ACTIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        GroupPagePermission.objects.get_or_create(group=group, page=instance, permission=permission)
