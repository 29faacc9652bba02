"""The web explorer: every number shown in place in its report, over ``store.Database``."""
from .app import create_app, highlight

__all__ = ["create_app", "highlight"]
