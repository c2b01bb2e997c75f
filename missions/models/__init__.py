from .applications import (
    Application,
    ApplicationStatus,
    MissionRequest,
    MissionRequestStatus,
)
from .associations import Association, Cause
from .missions import Mission, MissionFormat, MissionSkill, MissionStatus
from .pages import MissionIndexPage
from .skills import Skill

__all__ = [
    "Application", "ApplicationStatus", "Association", "Cause", "Mission", "MissionFormat",
    "MissionIndexPage", "MissionRequest", "MissionRequestStatus", "MissionSkill", "MissionStatus", "Skill",
]
