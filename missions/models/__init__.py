from .applications import Application, MissionRequest
from .associations import Association
from .missions import Mission, MissionSkill
from .pages import MissionIndexPage
from .skills import Skill

__all__ = ["Application", "Association", "Mission", "MissionIndexPage", "MissionRequest", "MissionSkill", "Skill"]
