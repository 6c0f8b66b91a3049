"""The results model without a view: paging, sorting by the register, raw sort values."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app.register.postcodes import locate
from app.register.search import SearchQuery
from app.services.register import RegisterService
from ui.register.results_model import KEY_ROLE, SORT_ROLE, Col, RegisterResultsModel


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, register: RegisterService) -> None:
    model = RegisterResultsModel(register, page_size=7)
    model.set_query(SearchQuery("care"))
    qtmodeltester.check(model)


def test_rows_come_a_page_at_a_time(register: RegisterService) -> None:
    model = RegisterResultsModel(register, page_size=10)
    model.set_query(SearchQuery())
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == register.size()
    names = [model.index(r, Col.NAME).data(SORT_ROLE) for r in range(model.rowCount())]
    assert names == sorted(names)


def test_sort_by_rating_asks_the_register(register: RegisterService) -> None:
    model = RegisterResultsModel(register, page_size=500)
    model.set_query(SearchQuery())
    model.sort(Col.RATING, Qt.SortOrder.AscendingOrder)
    ranks = [model.index(r, Col.RATING).data(SORT_ROLE) for r in range(model.rowCount())]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == 4


def test_distance_column_and_key(register: RegisterService) -> None:
    model = RegisterResultsModel(register)
    model.set_query(SearchQuery("care", near=locate("EX1"), within_miles=10))
    assert model.rowCount() > 0
    miles = [model.index(r, Col.DISTANCE).data(SORT_ROLE) for r in range(model.rowCount())]
    assert miles == sorted(miles) and miles[-1] <= 10.1
    source, source_id = model.index(0, Col.NAME).data(KEY_ROLE)
    assert source == "cqc" and register.provider(source, source_id)
