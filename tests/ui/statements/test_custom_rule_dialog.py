"""Making one's own rule: checked, and every field named."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.council_rules import ReturnFrequency, find_template
from ui.statements.custom_rule_dialog import CustomRuleDialog


def test_custom_rule_dialog_checks_and_makes_a_rule(qtbot: QtBot) -> None:
    dialog = CustomRuleDialog(find_template("quarterly_8_weeks"))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("   ")
    dialog.accept()
    assert dialog.rule is None and "name" in dialog.error_label.text()
    dialog.name_edit.setText("Agreed in my review")
    dialog.limit_spin.setValue(6)
    dialog.contingency_spin.setValue(2)
    dialog.frequency_combo.setCurrentIndex(2)
    dialog.accept()
    assert dialog.rule is not None
    assert (dialog.rule.allowed_weeks, dialog.rule.return_frequency) == (8, ReturnFrequency.YEARLY)
    for widget in (dialog.name_edit, dialog.frequency_combo, dialog.limit_spin,
                   dialog.contingency_spin):
        assert widget.accessibleName()
