from .pages import (
    CourseSkill,
    TrainingIndexPage,
    TrainingPage,
    TrainingSessionPage,
    attach_courses,
    group_by_course,
)
from .registrations import Registration, has_registrations, seats_taken, waitlist_length

__all__ = [
    "CourseSkill", "Registration", "TrainingIndexPage", "TrainingPage", "TrainingSessionPage", "attach_courses",
    "group_by_course", "has_registrations", "seats_taken", "waitlist_length",
]
