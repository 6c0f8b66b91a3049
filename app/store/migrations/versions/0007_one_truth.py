"""One truth for the money: the chosen rule in one table, funding rates from a date, support-plan
lines, money owed, returns issued, bank balances from statement files, unsorted categories.

Columns are dropped with SQLite's own ALTER TABLE ... DROP COLUMN rather than a batch copy:
copying `entry` would drop the old table, and with foreign keys on that deletes every receipt
link, reconciliation link and visit payment link by cascade.

Revision ID: truth_1
Revises: statements_1
Create Date: 2026-12-02
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "truth_1"
down_revision = "statements_1"
branch_labels = None
depends_on = None

UNSORTED = (
    ("unsorted_in", "in", "Money in not sorted yet", "Arian i mewn heb ei ddidoli eto"),
    ("unsorted_out", "out", "Money out not sorted yet", "Arian allan heb ei ddidoli eto"),
)


def upgrade() -> None:
    conn = op.get_bind()
    _funding_rates(conn)
    _one_rule_table(conn)
    _plan_lines(conn)
    op.create_table(
        "money_owed",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("as_of", sa.Date(), nullable=False, unique=True),
        sa.Column("wages_owed", sa.Integer(), nullable=False),
        sa.Column("hmrc_due", sa.Integer(), nullable=False),
        sa.Column("pension_due", sa.Integer(), nullable=False),
        sa.Column("unpaid_invoices", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
    )
    op.create_table(
        "issued_statement",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("produced_on", sa.Date(), nullable=False),
        sa.Column("file_kind", sa.String(10), nullable=False),
        sa.Column("head_event_id", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "bank_balance",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id"), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
    )
    op.create_index("ix_bank_balance_on", "bank_balance", ["account_id", "on"])
    # An existing profile gets the two holding categories; a new one is seeded with them.
    for code, direction, name_en, name_cy in UNSORTED:
        conn.execute(sa.text(
            "INSERT OR IGNORE INTO category (code, name_en, name_cy, grp, direction, permission) "
            "SELECT :code, :en, :cy, 'unsorted', :direction, 'allowed' "
            "WHERE EXISTS (SELECT 1 FROM category)"),
            {"code": code, "en": name_en, "cy": name_cy, "direction": direction})


def _funding_rates(conn: sa.Connection) -> None:
    op.create_table(
        "funding_rate",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("stream_id", sa.Integer(), sa.ForeignKey("funding_stream.id"), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("gross_weekly", sa.Integer(), nullable=False),
        sa.Column("contribution_weekly", sa.Integer(), nullable=False),
    )
    op.create_index("ix_funding_rate_stream", "funding_rate", ["stream_id", "start_date"],
                    unique=True)
    conn.execute(sa.text(
        "INSERT INTO funding_rate (stream_id, start_date, gross_weekly, contribution_weekly) "
        "SELECT id, start_date, gross_weekly, client_contribution_weekly FROM funding_stream"))
    conn.execute(sa.text("ALTER TABLE funding_stream DROP COLUMN gross_weekly"))
    conn.execute(sa.text("ALTER TABLE funding_stream DROP COLUMN client_contribution_weekly"))


def _one_rule_table(conn: sa.Connection) -> None:
    """The figures and the whole rule were kept twice (council_rule, council_rule_detail)."""
    from app.domain.council_rules import find_template, rule_to_json

    rows = conn.execute(sa.text(
        "SELECT r.id, r.name, r.return_frequency, r.weeks_held_limit, r.contingency_weeks, "
        "d.template_code, d.rule_json FROM council_rule r "
        "LEFT JOIN council_rule_detail d ON d.council_rule_id = r.id ORDER BY r.id")).all()
    op.drop_table("council_rule_detail")
    op.add_column("council_rule", sa.Column("template_code", sa.String(60), nullable=False,
                                            server_default="custom"))
    op.add_column("council_rule", sa.Column("rule_json", sa.Text(), nullable=False,
                                            server_default="{}"))
    for column in ("name", "return_frequency", "weeks_held_limit", "contingency_weeks"):
        conn.execute(sa.text(f"ALTER TABLE council_rule DROP COLUMN {column}"))
    base = rule_to_json(find_template("quarterly_8_weeks"))
    for rid, name, frequency, limit, contingency, code, rule_json in rows[:1]:
        if rule_json is None:  # a profile from before rules were chosen: its own figures
            own = dict(base, code="custom", return_frequency=frequency,
                       weeks_held_limit=limit, contingency_weeks=contingency)
            if name and name.strip():
                own["name"] = {"en": name.strip(), "cy": name.strip()}
            code, rule_json = "custom", json.dumps(own, ensure_ascii=False)
        conn.execute(sa.text("UPDATE council_rule SET template_code = :code, rule_json = :json "
                             "WHERE id = :id"), {"code": code, "json": rule_json, "id": rid})
    conn.execute(sa.text("DELETE FROM council_rule WHERE id NOT IN "
                         "(SELECT min(id) FROM council_rule)"))


def _plan_lines(conn: sa.Connection) -> None:
    op.create_table(
        "plan_line",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("weekly_budget", sa.Integer(), nullable=True),
    )
    # SQLite adds a column with its reference in place; Alembic would want a table copy.
    conn.execute(sa.text("ALTER TABLE entry ADD COLUMN plan_line_id INTEGER "
                         "REFERENCES plan_line (id)"))
    conn.execute(sa.text(
        "INSERT INTO plan_line (name) SELECT DISTINCT trim(support_plan_line) FROM entry "
        "WHERE trim(support_plan_line) <> ''"))
    conn.execute(sa.text(
        "UPDATE entry SET plan_line_id = (SELECT id FROM plan_line "
        "WHERE plan_line.name = trim(entry.support_plan_line)) "
        "WHERE trim(support_plan_line) <> ''"))
    conn.execute(sa.text("ALTER TABLE entry DROP COLUMN support_plan_line"))
    op.create_index("ix_entry_plan_line", "entry", ["plan_line_id"])


def downgrade() -> None:
    # The app keeps an encrypted copy before every upgrade (ledger.before-upgrade-from-*.db);
    # going back means restoring that copy, not rebuilding dropped columns.
    raise RuntimeError("profiles are only upgraded; restore the copy kept before the upgrade")
