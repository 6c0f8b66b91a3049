"""The budget holder whose records these are."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Holder:
    name: str
    council_name: str = ""
    council_reference: str = ""
    nhs_number: str = ""
    managed_by: str = "self"  # self, carer, appointed_person, agent
    is_demo: bool = False
