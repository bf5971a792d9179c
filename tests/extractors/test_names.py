"""Finding the occupation names in text: plurals, possessives, case, and names inside names."""

from __future__ import annotations

from extractors._names import Names

NAMES = Names("Patient coordinator", "certified medical technician")


def test_mentions_in_order_with_positions() -> None:
    text = "The differences between patient coordinators and certified medical technicians"
    mentions = NAMES.mentions(text)
    assert [index for _, _, index in mentions] == [0, 1]
    start, end, _ = mentions[0]
    assert text[start:end] == "patient coordinators"


def test_possessives_and_case() -> None:
    assert NAMES.indices("PATIENT COORDINATORS' and Certified Medical Technician's pay") == {0, 1}


def test_word_boundaries() -> None:
    assert NAMES.indices("outpatient coordinatorship") == set()


def test_plural_of_a_name_ending_in_y() -> None:
    names = Names("secretary", "clerk")
    assert names.indices("most secretaries and clerks") == {0, 1}
    assert names.keyword(0) == "secretar"


def test_plural_of_a_name_ending_in_man() -> None:
    names = Names("foreman", "laborer")
    assert names.indices("foremen and laborers") == {0, 1}


def test_the_longer_name_wins_when_one_is_inside_the_other() -> None:
    names = Names("nurse", "registered nurse")
    assert [index for _, _, index in names.mentions("a registered nurse and a nurse")] == [1, 0]


def test_exactly_a_name() -> None:
    assert NAMES.exactly("Patient Coordinator") == 0
    assert NAMES.exactly("Certified Medical Technicians:") == 1
    assert NAMES.exactly("Patient coordinator salary") is None


def test_keyword_is_the_longest_word() -> None:
    assert NAMES.keyword(0) == "coordinator"
    assert NAMES.keyword(1) == "technician"


def test_both_names_in_one_text() -> None:
    names = Names("Real estate agent", "property manager")
    assert names.both("Real Estate Agent vs. Property Manager") == [
        (0, "Real Estate Agent"),
        (1, "Property Manager"),
    ]
    assert names.both("Property managers | real estate agents") == [
        (1, "Property managers"),
        (0, "real estate agents"),
    ]
    assert names.both("Real estate agent vs. realtor") is None
    assert names.both("Real estate agent") is None


def test_the_search_keyword_of_a_name_with_a_slash() -> None:
    assert Names("Host/hostess", "server").keyword(0) == "hostess"
