"""Small helpers to read settings from environment variables.

Kept dependency-free on purpose: every setting the site reads is listed in
README.md ("Configuration"), and a test checks that compose.yaml only sets
variables read here.
"""

import os

READ_VARIABLES: set[str] = set()


def env(name: str, default: str | None = None) -> str | None:
    READ_VARIABLES.add(name)
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env(name)
    return default if value is None else int(value)


def env_float(name: str, default: float) -> float:
    value = env(name)
    return default if value is None else float(value)


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]
