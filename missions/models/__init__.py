from .applications import Application, ApplicationStep, MissionRequest
from .associations import Association
from .followup import Checkin, Feedback, FollowUpCase
from .missions import Mission, MissionSkill
from .pages import MissionIndexPage
from .skills import FormerSlug, Skill

__all__ = [
    "Application", "ApplicationStep", "Association", "Checkin", "Feedback", "FollowUpCase", "Mission",
    "MissionIndexPage", "MissionRequest", "MissionSkill", "FormerSlug", "Skill",
]
