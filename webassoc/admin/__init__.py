"""Admin pieces shared by the apps: exports, permission policies, record actions, panels."""
