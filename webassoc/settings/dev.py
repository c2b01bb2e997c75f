"""Local development: DEBUG on, console email, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
INTERNAL_IPS = ["127.0.0.1"]
