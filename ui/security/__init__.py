"""Security widgets: idle lock, first-run computer question, history page, recovery code."""
