"""Employing personal assistants: records, payslips, checks and reminders (no Qt here)."""
