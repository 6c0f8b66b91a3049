"""The provider page beside the results: address, contacts, services, rating, source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.domain.providers import ProviderDetail
from app.i18n import _, format_date
from ui.register.results_model import form_text


class ProviderDetailPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Provider details"))
        self._form = QFormLayout(self)
        self._values: dict[str, QLabel] = {}
        for key, title in self._fields():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            value.setAccessibleName(title)
            if key == "website":
                value.setOpenExternalLinks(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            self._form.addRow(title, value)
            self._values[key] = value
        self.show_detail(None)

    @staticmethod
    def _fields() -> list[tuple[str, str]]:
        return [("name", _("Name")), ("provider", _("Run by")), ("form", _("Organisation")),
                ("address", _("Address")), ("phone", _("Phone")), ("website", _("Website")),
                ("services", _("Services")), ("specialisms", _("Specialisms")),
                ("rating", _("CQC rating")), ("manager", _("Registered manager")),
                ("source", _("Source"))]

    def value(self, key: str) -> str:
        return self._values[key].text()

    def show_detail(self, detail: ProviderDetail | None) -> None:
        texts = self._texts(detail) if detail else {"name": _("Choose a provider in the list.")}
        for key, label in self._values.items():
            label.setText(texts.get(key, ""))
            label.setAccessibleDescription(texts.get(key, ""))

    def _texts(self, d: ProviderDetail) -> dict[str, str]:
        s = d.summary
        rating = s.rating or _("Not rated")
        if s.rating_date:
            rating = _("{rating}, {date}").format(rating=rating, date=format_date(s.rating_date))
        source = _("{source} {id}, from {file}").format(
            source=s.source.value.upper(), id=s.source_id, file=d.data_file)
        if d.data_date:
            source += " " + _("(data of {date})").format(date=format_date(d.data_date))
        website = f'<a href="{d.website}">{d.website}</a>' if d.website else ""
        return {"name": s.name, "provider": d.provider_name, "form": form_text(s),
                "address": ", ".join(p for p in (d.address, s.town, s.postcode) if p),
                "phone": d.phone, "website": website, "services": ", ".join(s.service_types),
                "specialisms": ", ".join(d.specialisms), "rating": rating,
                "manager": d.registered_manager, "source": source}
