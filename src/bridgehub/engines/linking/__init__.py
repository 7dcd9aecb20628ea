"""Signals: news items linked to directory organisations, copies of one story merged (pure Python)."""
