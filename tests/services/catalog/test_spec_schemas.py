"""Spec schemas: every category has one, the demo fits them, and bad specs are refused."""

import importlib
import math
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techmarket.demo.catalogue import demo_listings
from techmarket.services.catalog.spec_schemas import (
    CategorySpecs,
    ChecklistItem,
    SpecField,
    SpecFilter,
    SpecProblem,
    SpecType,
    parse_filter_value,
    parse_spec_filter,
    specs_for,
    validate_checklist,
    validate_specs,
)

_TREE = importlib.import_module("techmarket.migrations.versions.20261125_category_tree").TREE


def _ancestry(
    tree: list[Any], path: tuple[str, ...] = ()
) -> Iterator[tuple[str, tuple[str, ...], bool]]:
    """(slug, ancestors nearest first, is a leaf) for every node of the category tree."""
    for slug, _name, children in tree:
        yield slug, path, not children
        yield from _ancestry(children, (slug, *path))


NODES = list(_ancestry(_TREE))
ANCESTORS = {slug: ancestors for slug, ancestors, _leaf in NODES}
LEAVES = [slug for slug, _ancestors, leaf in NODES if leaf]
GENERIC = specs_for("no-such-category")
SCHEMAS = [specs_for(slug, ANCESTORS[slug]) for slug in LEAVES]
ALL_FIELDS = [field for schema in SCHEMAS for field in schema.fields]
SMARTPHONES = specs_for("smartphones", ("phones",))
GPUS = specs_for("gpus", ("components",))


def _of_type(*types: SpecType, filterable: bool = False) -> list[SpecField]:
    return [
        field
        for field in ALL_FIELDS
        if field.type in types and (field.filterable or not filterable)
    ]


# --- Coverage ---------------------------------------------------------------------------------


def test_the_tree_is_the_one_the_demo_uses() -> None:
    assert len(NODES) == 65
    assert {listing.category_slug for listing in demo_listings()} == set(LEAVES)


def test_every_demo_listing_validates_unchanged() -> None:
    failures = []
    for listing in demo_listings():
        schema = specs_for(listing.category_slug, ANCESTORS[listing.category_slug])
        normalised, problems = validate_specs(schema, listing.specs)
        if problems or normalised != listing.specs:
            failures.append((listing.title, problems))
    assert failures == []


@pytest.mark.parametrize("slug", LEAVES)
def test_every_leaf_has_its_own_schema(slug: str) -> None:
    schema = specs_for(slug, ANCESTORS[slug])
    assert schema is not GENERIC
    assert len(schema.fields) >= 1
    assert len(schema.checklist) >= 1
    assert any(field.filterable for field in schema.fields)


def test_every_node_has_a_schema_with_fields_and_a_checklist() -> None:
    for slug, ancestors, _leaf in NODES:
        schema = specs_for(slug, ancestors)
        assert schema.fields, slug
        assert schema.checklist, slug


def test_checklists_differ_by_kind_of_device() -> None:
    def keys(slug: str) -> set[str]:
        return {item.key for item in specs_for(slug, ANCESTORS[slug]).checklist}

    assert {"accounts_removed", "touch_ok", "cameras_ok", "no_water_damage"} <= keys("smartphones")
    assert {"keyboard_ok", "trackpad_ok", "hinges_ok"} <= keys("ultrabooks")
    assert {"tested_under_load", "fans_ok", "display_outputs_ok"} <= keys("gpus")
    assert keys("smartphones") != keys("ipads") != keys("ultrabooks")
    assert len(keys("cables")) <= 4
    assert "accounts_removed" not in keys("cables")


def test_sensible_fields_are_filterable() -> None:
    def filterable(slug: str) -> set[str]:
        schema = specs_for(slug, ANCESTORS[slug])
        return {field.name for field in schema.fields if field.filterable}

    assert {"ram_gb", "storage_gb", "screen_inches", "carrier_lock", "battery_health_pct"} <= (
        filterable("smartphones")
    )
    assert {"chipset", "vram_gb"} <= filterable("gpus")
    assert "socket" in filterable("cpus")
    assert "colour" not in filterable("smartphones")


# --- Falling back to an ancestor -------------------------------------------------------------


def test_a_category_without_a_schema_takes_its_nearest_ancestors() -> None:
    assert specs_for("foldables", ("phones",)) == specs_for("phones")
    assert specs_for("nvme-enclosures", ("ssds", "storage", "components")) == specs_for("ssds")
    assert specs_for("vinyl", ("audio-other",)) is GENERIC


def test_the_generic_schema_still_has_fields_and_a_checklist() -> None:
    assert GENERIC.fields
    assert GENERIC.checklist
    assert validate_specs(GENERIC, {"colour": "Black"}) == ({"colour": "Black"}, [])


# --- Validating specs ---------------------------------------------------------------------------


def test_valid_specs_are_normalised() -> None:
    specs = {
        "ram_gb": 8,
        "screen_inches": 6,
        "colour": "  Deep   Purple ",
        "carrier_lock": " UNLOCKED",
        "5g": True,
    }
    normalised, problems = validate_specs(SMARTPHONES, specs)
    assert problems == []
    assert normalised == {
        "ram_gb": 8,
        "screen_inches": 6,
        "colour": "Deep Purple",
        "carrier_lock": "unlocked",
        "5g": True,
    }
    assert type(normalised["screen_inches"]) is int


def test_a_choice_is_matched_case_insensitively_and_canonicalised() -> None:
    laptops = specs_for("ultrabooks", ("laptops",))
    specs = {"cpu": "Apple M2", "keyboard_layout": "nordic"}
    assert validate_specs(laptops, specs)[0]["keyboard_layout"] == "Nordic"


def test_an_unknown_spec_is_refused_with_the_known_ones() -> None:
    normalised, problems = validate_specs(SMARTPHONES, {"ram": 8, "carrier_lock": "unlocked"})
    assert normalised == {"carrier_lock": "unlocked"}
    [problem] = problems
    assert problem.field == "specs.ram"
    assert problem.message.startswith("unknown spec for Smartphones; known: ")
    assert "ram_gb" in problem.message
    assert "battery_health_pct" in problem.message


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("ram_gb", True, "must be a whole number between 1 and 32 (GB)"),
        ("ram_gb", "8", "must be a whole number between 1 and 32 (GB)"),
        ("ram_gb", 8.0, "must be a whole number between 1 and 32 (GB)"),
        ("ram_gb", 8.5, "must be a whole number between 1 and 32 (GB)"),
        ("ram_gb", 0, "must be a whole number between 1 and 32 (GB)"),
        ("ram_gb", None, "must be a whole number between 1 and 32 (GB)"),
        ("screen_inches", False, "must be a number between 3 and 11 (inches)"),
        ("screen_inches", "6.1", "must be a number between 3 and 11 (inches)"),
        ("screen_inches", math.nan, "must be a number between 3 and 11 (inches)"),
        ("screen_inches", math.inf, "must be a number between 3 and 11 (inches)"),
        ("screen_inches", 11.5, "must be a number between 3 and 11 (inches)"),
        ("5g", "true", "must be true or false"),
        ("5g", 1, "must be true or false"),
        ("colour", 3, "must be text"),
        ("colour", "   ", "must be text of 1 to 60 characters"),
        ("colour", "x" * 61, "must be text of 1 to 60 characters"),
        ("carrier_lock", "sim-free", "must be one of: unlocked, locked"),
        ("carrier_lock", True, "must be one of: unlocked, locked"),
    ],
)
def test_a_wrong_value_is_refused(name: str, value: object, message: str) -> None:
    specs = {"carrier_lock": "unlocked", name: value}
    normalised, problems = validate_specs(SMARTPHONES, specs)
    assert problems == [SpecProblem(f"specs.{name}", message)]
    assert name not in normalised


def test_a_missing_required_spec_is_refused() -> None:
    normalised, problems = validate_specs(GPUS, {"tdp_w": 200})
    assert normalised == {"tdp_w": 200}
    assert problems == [
        SpecProblem("specs.chipset", "is required for Graphics cards"),
        SpecProblem("specs.vram_gb", "is required for Graphics cards"),
    ]


def test_every_problem_is_reported_at_once() -> None:
    specs = {"chipset": 4090, "vram_gb": 24, "memory_type": "HBM9", "rgb": True, "tdp_w": -1}
    normalised, problems = validate_specs(GPUS, specs)
    assert normalised == {"vram_gb": 24}
    assert sorted(problem.field for problem in problems) == [
        "specs.chipset",
        "specs.memory_type",
        "specs.rgb",
        "specs.tdp_w",
    ]


@given(st.data())
def test_any_whole_number_in_range_is_accepted(data: st.DataObject) -> None:
    field = data.draw(st.sampled_from(_of_type(SpecType.INTEGER)))
    assert field.minimum is not None
    assert field.maximum is not None
    value = data.draw(st.integers(int(field.minimum), int(field.maximum)))
    assert validate_specs(_alone(field), {field.name: value}) == ({field.name: value}, [])


@given(st.data())
def test_a_number_out_of_range_is_refused(data: st.DataObject) -> None:
    field = data.draw(st.sampled_from(_of_type(SpecType.INTEGER, SpecType.NUMBER)))
    assert field.minimum is not None
    assert field.maximum is not None
    below = st.integers(max_value=math.ceil(field.minimum) - 1)
    above = st.integers(min_value=math.floor(field.maximum) + 1)
    value = data.draw(below | above)
    normalised, problems = validate_specs(_alone(field), {field.name: value})
    assert normalised == {}
    assert [problem.field for problem in problems] == [f"specs.{field.name}"]


@given(st.data())
def test_any_fraction_in_range_is_accepted_by_a_number_field(data: st.DataObject) -> None:
    field = data.draw(st.sampled_from(_of_type(SpecType.NUMBER)))
    value = data.draw(st.floats(field.minimum, field.maximum, allow_nan=False))
    assert validate_specs(_alone(field), {field.name: value}) == ({field.name: value}, [])


def _alone(field: SpecField) -> CategorySpecs:
    """A schema of one optional field, so its category's required fields do not interfere."""
    return CategorySpecs((SpecField(field.name, field.label, field.type, field.unit,
                                    field.choices, field.minimum, field.maximum),),
                         (ChecklistItem("powers_on", "Powers on"),))  # fmt: skip


# --- Validating the checklist ---------------------------------------------------------------


def test_a_checklist_is_kept_in_the_schema_order() -> None:
    answers, problems = validate_checklist(
        SMARTPHONES, {"screen_ok": False, "powers_on": True, "accounts_removed": True}
    )
    assert problems == []
    assert list(answers.items()) == [
        ("powers_on", True),
        ("screen_ok", False),
        ("accounts_removed", True),
    ]


def test_a_checklist_with_unknown_items_and_non_booleans_is_refused() -> None:
    answers, problems = validate_checklist(
        GPUS, {"fans_ok": True, "touch_ok": True, "no_artifacts": "yes", "tested_under_load": 1}
    )
    assert answers == {"fans_ok": True}
    assert [problem.field for problem in problems] == [
        "checklist.touch_ok",
        "checklist.no_artifacts",
        "checklist.tested_under_load",
    ]
    assert problems[0].message.startswith("unknown checklist item for Graphics cards; known: ")
    assert "display_outputs_ok" in problems[0].message
    assert problems[1].message == "must be true or false"


# --- Search filters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ram_gb:16", SpecFilter("ram_gb", equals=16)),
        ("ram_gb:8..32", SpecFilter("ram_gb", minimum=8, maximum=32)),
        ("ram_gb: 8 .. 32 ", SpecFilter("ram_gb", minimum=8, maximum=32)),
        ("ram_gb:8..", SpecFilter("ram_gb", minimum=8)),
        ("ram_gb:..32", SpecFilter("ram_gb", maximum=32)),
        ("ram_gb:16..16", SpecFilter("ram_gb", minimum=16, maximum=16)),
        ("screen_inches:6.1", SpecFilter("screen_inches", equals=6.1)),
        ("screen_inches:6..6.7", SpecFilter("screen_inches", minimum=6, maximum=6.7)),
        ("carrier_lock:UNLOCKED", SpecFilter("carrier_lock", equals="unlocked")),
        ("5g:true", SpecFilter("5g", equals=True)),
        ("5g:False", SpecFilter("5g", equals=False)),
    ],
)
def test_a_spec_filter_is_parsed(raw: str, expected: SpecFilter) -> None:
    assert parse_spec_filter(SMARTPHONES, raw) == expected


def test_an_equal_filter_keeps_the_type_of_the_field() -> None:
    assert type(parse_spec_filter(SMARTPHONES, "ram_gb:16").equals) is int
    assert type(parse_spec_filter(SMARTPHONES, "5g:true").equals) is bool


def test_a_text_filter_is_the_trimmed_text() -> None:
    expected = SpecFilter("chipset", equals="GeForce RTX 4090")
    assert parse_spec_filter(GPUS, "chipset:  GeForce RTX 4090 ") == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("ram_gb:32..8", "starts above its end"),
        ("colour:Black", "colour cannot be used as a search filter for Smartphones"),
        ("carrier_lock:sim-free", "carrier_lock must be one of: unlocked, locked"),
        ("carrier_lock:locked..unlocked", "a range only works on a number spec"),
        ("5g:yes", "5g must be true or false"),
        ("5g:1..2", "a range only works on a number spec"),
        ("storage:128", "unknown spec 'storage' for Smartphones; filterable: ram_gb"),
        ("ram_gb:lots", "'lots' is not a whole number"),
        ("ram_gb:8.5", "'8.5' is not a whole number"),
        ("ram_gb:1e3", "'1e3' is not a whole number"),
        ("screen_inches:nan", "'nan' is not a number"),
        ("screen_inches:6,1", "'6,1' is not a number"),
        ("ram_gb:..", "a range needs at least one end"),
        ("ram_gb:", "a value is missing"),
        ("ram_gb", "expected name:value"),
        (":16", "expected name:value"),
    ],
)
def test_a_bad_spec_filter_is_refused(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_spec_filter(SMARTPHONES, raw)


def test_a_field_that_is_not_filterable_cannot_become_a_filter() -> None:
    colour = SMARTPHONES.field("colour")
    assert colour is not None
    with pytest.raises(ValueError, match="cannot be used as a search filter"):
        parse_filter_value(colour, "Black")


@given(st.data())
def test_a_whole_number_filter_round_trips(data: st.DataObject) -> None:
    field = data.draw(st.sampled_from(_of_type(SpecType.INTEGER, filterable=True)))
    low, high = sorted(data.draw(st.lists(st.integers(0, 10**9), min_size=2, max_size=2)))
    assert parse_filter_value(field, f"{low}..{high}") == SpecFilter(field.name, None, low, high)
    assert parse_filter_value(field, f"{low}..") == SpecFilter(field.name, minimum=low)
    assert parse_filter_value(field, f"..{high}") == SpecFilter(field.name, maximum=high)
    assert parse_filter_value(field, str(low)) == SpecFilter(field.name, equals=low)


@given(st.data())
def test_a_decimal_filter_round_trips(data: st.DataObject) -> None:
    field = data.draw(st.sampled_from(_of_type(SpecType.NUMBER, filterable=True)))
    decimals = st.decimals(0, 10_000, places=2)
    low, high = sorted(data.draw(st.lists(decimals, min_size=2, max_size=2)))
    parsed = parse_filter_value(field, f"{low:f}..{high:f}")
    assert parsed == SpecFilter(field.name, None, float(low), float(high))
    assert parse_filter_value(field, f"{high:f}").equals == float(high)
    if low < high:
        with pytest.raises(ValueError, match="starts above its end"):
            parse_filter_value(field, f"{high:f}..{low:f}")


@given(st.data())
def test_every_choice_filters_in_any_case(data: st.DataObject) -> None:
    field = data.draw(st.sampled_from(_of_type(SpecType.CHOICE, filterable=True)))
    choice = data.draw(st.sampled_from(field.choices))
    spelling = data.draw(st.sampled_from([choice, choice.upper(), choice.lower(), f" {choice} "]))
    assert parse_filter_value(field, spelling) == SpecFilter(field.name, equals=choice)
    assert validate_specs(_alone(field), {field.name: spelling}) == ({field.name: choice}, [])


# --- Schema definitions fail early ----------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: SpecField("RAM GB", "RAM", SpecType.INTEGER),
        lambda: SpecField("lock", "Lock", SpecType.CHOICE),
        lambda: SpecField("lock", "Lock", SpecType.TEXT, choices=("a",)),
        lambda: SpecField("lock", "Lock", SpecType.CHOICE, choices=("On", "on")),
        lambda: SpecField("ram_gb", "RAM", SpecType.INTEGER, minimum=8, maximum=4),
        lambda: SpecField("colour", "Colour", SpecType.TEXT, minimum=1),
        lambda: CategorySpecs(
            (SpecField("a", "A", SpecType.TEXT), SpecField("a", "A", SpecType.BOOLEAN)), ()
        ),
    ],
)
def test_an_inconsistent_definition_fails_at_once(make: Callable[[], object]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own reason
        make()
