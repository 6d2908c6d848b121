import pytest

from bench.scale import DEFAULT, QUICK, Scale


def test_default_scale_is_about_ninety_thousand_pages():
    assert 89_000 < DEFAULT.pages < 92_000


def test_quick_scale_is_about_two_thousand_pages():
    assert 1_800 < QUICK.pages < 2_200


@pytest.mark.parametrize("scale", [DEFAULT, QUICK, Scale(3, 40, 2)])
def test_growth_baseline_is_about_a_thousand_pages_in_the_same_languages(scale):
    baseline = scale.baseline()
    assert baseline.locales == scale.locales
    assert 900 <= baseline.pages <= 1_100


def test_empty_scale_is_refused_with_a_message():
    with pytest.raises(ValueError, match="at least 1"):
        Scale(partners=0, stories=10, locales=9)
