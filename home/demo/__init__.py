"""Demo content: a realistic French site with fictional people and associations.

Every loader is idempotent: it looks content up by slug or title and leaves
what already exists untouched, so `manage.py load_demo` can run at every start.
"""
