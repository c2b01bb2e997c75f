from .pages import (
    CourseSkill,
    Format,
    SessionMode,
    TrainingIndexPage,
    TrainingPage,
    TrainingSessionPage,
    attach_courses,
)
from .registrations import Registration

__all__ = [
    "CourseSkill", "Format", "Registration", "SessionMode", "TrainingIndexPage", "TrainingPage",
    "TrainingSessionPage", "attach_courses",
]
