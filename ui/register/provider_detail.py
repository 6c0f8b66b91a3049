"""The provider page beside the results: address, contacts, services, rating, source.

A read-only text browser rather than a grid of labels: long lists of specialisms wrap and
scroll at any text size, the text can be selected and read by keyboard, and links open.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.domain.providers import ProviderDetail, rating_label, service_label
from app.i18n import _, format_date
from ui.register.results_model import form_text


class ProviderDetailPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Provider details"))
        self.setOpenExternalLinks(True)
        self._texts: dict[str, str] = {}
        self.show_detail(None)

    @staticmethod
    def _titles() -> dict[str, str]:
        return {"name": _("Name"), "provider": _("Run by"), "form": _("Organisation"),
                "address": _("Address"), "phone": _("Phone"), "website": _("Website"),
                "services": _("Services"), "specialisms": _("Specialisms"),
                "rating": _("CQC rating"), "manager": _("Registered manager"),
                "source": _("Source")}

    def value(self, key: str) -> str:
        """The plain text shown for one field ("" when the provider has none)."""
        return self._texts.get(key, "")

    def show_detail(self, detail: ProviderDetail | None) -> None:
        if detail is None:
            self._texts = {}
            self.setPlainText(_("Choose a provider in the list."))
            self.setAccessibleDescription("")
            return
        self._texts = self._values(detail)
        rows = []
        for key, title in self._titles().items():
            text = self._texts.get(key, "")
            if not text:
                continue
            shown = escape(text)
            if key == "website":
                shown = f'<a href="{escape(text, quote=True)}">{shown}</a>'
            rows.append(f"<dt><b>{escape(title)}</b></dt><dd>{shown}</dd>")
        self.setHtml("<dl>" + "".join(rows) + "</dl>")
        self.setAccessibleDescription(self.toPlainText())

    @staticmethod
    def _values(d: ProviderDetail) -> dict[str, str]:
        s = d.summary
        rating = rating_label(s.rating)
        if s.rating_date:
            rating = _("{rating}, {date}").format(rating=rating, date=format_date(s.rating_date))
        source = _("{source} {id}, from {file}").format(
            source=s.source.value.upper(), id=s.source_id, file=d.data_file)
        if d.data_date:
            source += " " + _("(data of {date})").format(date=format_date(d.data_date))
        return {"name": s.name, "provider": d.provider_name, "form": form_text(s),
                "address": ", ".join(p for p in (d.address, s.town, s.postcode) if p),
                "phone": d.phone, "website": d.website,
                "services": ", ".join(service_label(k) for k in s.service_types),
                "specialisms": ", ".join(d.specialisms), "rating": rating,
                "manager": d.registered_manager, "source": source}
