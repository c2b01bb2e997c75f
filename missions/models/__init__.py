from .skills import Skill

__all__ = ["Skill"]
