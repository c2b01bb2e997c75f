"""Signal receivers, connected in MissionsConfig.ready() (the models are loaded by then)."""

from .services import announce_publication


def on_mission_published(sender, instance, **kwargs):
    """Every publication of a mission (admin, scheduled, script) tells the association that asked
    for it, once."""
    announce_publication(instance)
