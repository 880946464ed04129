"""schema.org microdata (`itemscope` / `itemtype` / `itemprop`) → JSON-LD-shaped dicts.

Older career sites and some ATS templates mark a job up as microdata instead of JSON-LD.
Turning each item into the dict its JSON-LD twin would be lets one extractor
(`readers.jsonld.posting_from_jsonld`) serve both notations.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

# Elements whose value is an attribute rather than their text (WHATWG microdata, "values").
VALUE_ATTRIBUTES: dict[str, str] = {
    "meta": "content",
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "object": "data",
    "data": "value",
    "meter": "value",
    "time": "datetime",
}

# Properties whose markup is the content itself; every other value is plain text.
HTML_PROPERTIES = frozenset({"description", "responsibilities", "qualifications"})


def microdata_items(root: etree._Element, type_name: str) -> list[tuple[dict[str, Any], int]]:
    """Every item of `type_name` in the page, with the line it starts on."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.get("itemscope") is None:
            continue
        types = (element.get("itemtype") or "").split()
        if any(t.rstrip("/").rsplit("/", 1)[-1] == type_name for t in types):
            found.append((_item(element), element.sourceline or 1))
    return found


def _item(element: etree._Element) -> dict[str, Any]:
    types = [t.rstrip("/").rsplit("/", 1)[-1] for t in (element.get("itemtype") or "").split()]
    item: dict[str, Any] = {"@type": types[0] if len(types) == 1 else types}
    for child in element:
        _collect(child, item)
    return item


def _collect(element: etree._Element, item: dict[str, Any]) -> None:
    """Adds the properties under `element` that belong to `item` (not to a nested item)."""
    if not isinstance(element.tag, str):
        return  # comments and processing instructions carry no properties
    names = (element.get("itemprop") or "").split()
    nested = element.get("itemscope") is not None
    for name in names:
        value: Any = _item(element) if nested else _value(element, name)
        if name in item:
            previous = item[name]
            item[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            item[name] = value
    if nested:
        return  # the children of a nested item are its properties, not ours
    for child in element:
        _collect(child, item)


def _value(element: etree._Element, name: str) -> str:
    attribute = VALUE_ATTRIBUTES.get(str(element.tag).lower())
    if attribute and element.get(attribute) is not None:
        return str(element.get(attribute))
    if element.get("content") is not None:
        return str(element.get("content"))  # `content` on any element is a common shortcut
    if name in HTML_PROPERTIES:
        return _inner_html(element)
    return "".join(element.itertext())


def _inner_html(element: etree._Element) -> str:
    parts = [element.text or ""]
    parts.extend(etree.tostring(child, encoding="unicode", method="html") for child in element)
    return "".join(parts)
