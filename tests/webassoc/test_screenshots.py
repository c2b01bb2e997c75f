"""`make screenshots` photographs the page types the browser tests check, each under its own name."""

from scripts import screenshots
from webassoc.accessibility_checks import PAGE_TYPES


def test_every_checked_page_type_gets_a_screenshot_with_a_distinct_file_name():
    names = [name for name, _path in screenshots.PAGES]

    assert [path for _name, path in screenshots.PAGES] == [path for _label, path in PAGE_TYPES]
    assert len(set(names)) == len(names)
    assert all(name and "/" not in name for name in names)


def test_screenshots_are_taken_at_phone_and_desktop_width():
    assert sorted(width for width, _height in screenshots.WIDTHS.values()) == [390, 1280]
