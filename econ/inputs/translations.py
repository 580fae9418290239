"""Translations of the texts a workbook enters: row names, sources, notes, descriptions, alternative names.

A text column ``X`` of any sheet (a row name, ``source``, ``note``, References' ``figure``) may have, anywhere in
its header row, a column ``X_ru`` or ``X_en`` (the languages of econ.i18n.LANGUAGES) holding the same text in that
language on the same row. Parameter sheets translate ``description`` and ``source`` the same way; the
Alternatives sheet gives an alternative's translated name and description on rows ``name_ru`` and
``description_ru`` of its column. A ``_ru`` column of a column that is not text (``cost_ru``) is an error.

Texts as entered are taken as English. :func:`localize` gives a copy of the plant whose every text is in one
language where the workbook gives it; the model keys rows by index, and ``Sheet:row name:field`` names were
resolved when the workbook was read, so the copy evaluates to the same numbers. :func:`untranslated` lists the
texts a report shows that have no translation, for the one note a report gives about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from econ import i18n
from econ.i18n import LANGUAGES
from econ.inputs import schema
from econ.inputs.problems import Note, suggestion

if TYPE_CHECKING:
    from econ.inputs.plant import Parameter, Plant
    from econ.inputs.reader import _Reader

SUFFIXES = {f"_{lang}": lang for lang in LANGUAGES}
NOTE_KIND = "translation"  # Note.kind of the note on texts without a translation


def translation_column(name: str) -> tuple[str, str] | None:
    """``("source", "ru")`` for a header ``source_ru``; None for a header that is not a translation.

    >>> translation_column("source_ru"), translation_column("figure_en"), translation_column("cost")
    (('source', 'ru'), ('figure', 'en'), None)
    """
    for suffix, lang in SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], lang
    return None


@dataclass
class Translations:
    """The translations a workbook gives, by the text as entered: ``texts["Cell house"]["ru"]``."""

    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (text, lang) -> sheet!cell of the translation

    def add(self, base: str, lang: str, text: str, where: str) -> str:
        """Record ``text`` as the ``lang`` version of ``base``; "" or, when ``base`` already has another
        ``lang`` version, the sheet!cell of that first one (which stands)."""
        known = self.texts.setdefault(base, {})
        if lang in known and known[lang] != text:
            return self.cells[(base, lang)]
        known.setdefault(lang, text)
        self.cells.setdefault((base, lang), where)
        return ""


def check_column(reader: _Reader, sheet: str, name: str, column: str, texts: tuple[str, ...] = ()) -> bool:
    """True when the header ``name`` is a translation column; one whose base column holds no text (``cost_ru``)
    is recorded as an error naming the translation columns the sheet may have (of its text columns ``texts``)."""
    parsed = translation_column(name)
    if parsed is None:
        return False
    base, lang = parsed
    if base not in schema.TRANSLATABLE_COLUMNS:
        candidates = [f"{text}_{lang}" for text in dict.fromkeys(texts or schema.TRANSLATABLE_COLUMNS)
                      if text in schema.TRANSLATABLE_COLUMNS]
        reader.problems.add(reader.error(
            f"column {name!r} translates {base!r}, which is not a text column{suggestion(name, candidates)}", sheet,
            f"{column}1", name, expected=f"the translation of a text column ({', '.join(candidates)})", found=name))
    return True


def read_translations(reader: _Reader, sheet: str, columns: dict[str, str], first_row: int) -> None:
    """Read every translation column of ``sheet`` (header ``columns``) from ``first_row`` down into
    ``reader.translations``. A translation beside an empty cell is an error; so is a column translating one the
    sheet does not have."""
    book = reader.book
    for name, column in columns.items():
        parsed = translation_column(name)
        if parsed is None or parsed[0] not in schema.TRANSLATABLE_COLUMNS:
            continue  # not a translation, or one check_column refuses
        base_name, lang = parsed
        if base_name not in columns:
            reader.problems.add(reader.error(f"column {name!r} translates the column {base_name!r}, which the sheet "
                                             f"does not have", sheet, f"{column}1", name,
                                             expected=f"a column {base_name!r} beside it", found=sorted(columns)))
            continue
        for row in range(first_row, book.last_row(sheet) + 1):
            text = book.text(sheet, f"{column}{row}")
            if not text:
                continue
            base = book.text(sheet, f"{columns[base_name]}{row}")
            add(reader, sheet, f"{column}{row}", name, base, lang, text)


def add(reader: _Reader, sheet: str, address: str, name: str, base: str, lang: str, text: str) -> None:
    """Record the translation ``text`` (in ``sheet!address``, column or row ``name``) of ``base``."""
    if not base:
        reader.problems.add(reader.error("", sheet, address, name, expected="a translation beside a text to "
                                         "translate", found=f"{text!r} beside an empty cell"))
        return
    first = reader.translations.add(base, lang, text, f"{sheet}!{address}")
    if first:
        reader.problems.note(NOTE_KIND, f"{reader.file}!{sheet}!{address}",
                             f"{base!r} is translated as {reader.translations.texts[base][lang]!r} in {first}; "
                             f"that translation is used, not {text!r}")


# -- the plant in one language -------------------------------------------------------------------------------


def localize(plant: Plant, lang: str) -> Plant:
    """A copy of ``plant`` whose workbook texts are in ``lang`` where the workbook translates them.

    Numbers, keys and locations are the plant's own; names used as references (an alternative named by
    References!case or BreakEven!alternative) are translated alike, so they still match. The copy's notes hold
    one note on the shown texts without a ``lang`` version (none for English: texts are entered in English).
    """
    plant = plant.as_entered or plant  # a plant localized already: from its texts as entered
    if plant.shown_language == lang:
        return plant
    texts = plant.text_translations
    missing = untranslated(plant, lang)

    def tr(text: str) -> str:
        return texts.get(text, {}).get(lang) or text if text else text

    def row_label(label: str, name: str) -> str:
        return tr(name) + label[len(name):] if label.startswith(f"{name}: ") else tr(label)

    row_names = {row.key(""): row.name for rows in plant.tables.values() for row in rows}
    parameters = {key: _localized_parameter(parameter, tr, row_label, row_names.get(key.rsplit(".", 1)[0] + ".", ""))
                  for key, parameter in plant.parameters.items()}
    tables = {table: [replace(row, name=tr(row.name), source=tr(row.source),
                              fields={name: parameters.get(row.key(name)) if value is not None else None
                                      for name, value in row.fields.items()}) for row in rows]
              for table, rows in plant.tables.items()}
    references = [replace(reference, figure=tr(reference.figure), source=tr(reference.source),
                          note=tr(reference.note), case=tr(reference.case)) for reference in plant.references]
    alternatives = [replace(alternative, name=tr(alternative.name), description=tr(alternative.description))
                    for alternative in plant.alternatives]
    break_even = [replace(study, alternative=tr(study.alternative)) for study in plant.break_even]
    chain = plant.chain
    if chain is not None:
        chain = replace(chain, components=tuple(tr(name) for name in chain.components),
                        stages=tuple(replace(stage, name=tr(stage.name)) for stage in chain.stages),
                        streams=tuple(replace(stream, name=tr(stream.name), source=tr(stream.source))
                                      for stream in chain.streams),
                        energy=tuple(replace(use, name=tr(use.name), source=tr(use.source)) for use in chain.energy))
    uncertainty = plant.uncertainty
    if uncertainty is not None:
        uncertainty = replace(uncertainty, inputs=tuple(replace(item, source=tr(item.source))
                                                        for item in uncertainty.inputs))
    finance = plant.finance
    if finance is not None and finance.levelized_product_name:
        finance = replace(finance, levelized_product_name=tr(finance.levelized_product_name))
    localized = replace(plant, parameters=parameters, tables=tables, references=references,
                        alternatives=alternatives, break_even=break_even, chain=chain, uncertainty=uncertainty,
                        finance=finance, base_name=plant.translations.get(f"base_case_{lang}") or plant.base_name,
                        shown_language=lang, untranslated=tuple(missing), as_entered=plant,
                        notes=[note for note in plant.notes if note.kind != NOTE_KIND or note.location != plant.file_name])
    if missing:
        localized.notes.append(missing_note(plant.file_name, missing, lang))
    return localized


def _localized_parameter(parameter: Parameter, tr, row_label, row_name: str) -> Parameter:  # noqa: ANN001
    source = tr(parameter.source) if parameter.source != "default" or not parameter.defaulted else parameter.source
    label = row_label(parameter.label, row_name) if row_name else tr(parameter.label)
    if source == parameter.source and label == parameter.label:
        return parameter
    return replace(parameter, source=source, label=label, entered_source=parameter.entered_source or parameter.source)


# -- what has no translation ---------------------------------------------------------------------------------

_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
_CELL_REFERENCE = re.compile(r"(?:'[^']+'|\b[A-Za-z_][A-Za-z0-9_]*)?!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?")
_FILE_NAME = re.compile(r"\S+\.(?:xlsx|xlsm|xls|pdf|csv|docx?)\b", re.IGNORECASE)


def needs_translation(text: str, sheets: tuple[str, ...] = ()) -> bool:
    """Whether ``text`` reads as English: it has a Latin word of 3 letters or more with at least 2 lower-case
    ones, once cell references, file names and the workbook's sheet names are set aside. Chemical formulas
    (NaNO3, PbSO4), symbols (Bi, kW) and acronyms (MSA, AACE) do not.

    >>> needs_translation("Electrodialyser"), needs_translation("NaNO3"), needs_translation("Tariffs!C4", ("Tariffs",))
    (True, False, False)
    >>> needs_translation("Электродиализатор"), needs_translation("Capital sheet", ("Capital",))
    (False, True)
    """
    return _reads_as_english(text, _sheet_pattern(sheets))


def _sheet_pattern(sheets: tuple[str, ...]) -> re.Pattern[str] | None:
    names = "|".join(re.escape(sheet) for sheet in sorted(sheets, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{names})(?![A-Za-z])") if names else None


def _reads_as_english(text: str, sheets: re.Pattern[str] | None) -> bool:
    if not _LATIN_WORD.search(text):
        return False  # no Latin word at all (Russian, numbers): nothing to set aside
    if "!" in text:
        text = _CELL_REFERENCE.sub(" ", text)
    if "." in text:
        text = _FILE_NAME.sub(" ", text)
    if sheets is not None:
        text = sheets.sub(" ", text)
    return any(sum(letter.islower() for letter in word) >= 2 for word in _LATIN_WORD.findall(text))


def shown_texts(plant: Plant) -> list[str]:
    """The workbook texts a report shows, as entered, each once, in the order met."""
    texts: list[str] = []
    for rows in plant.tables.values():
        for row in rows:
            texts += [row.name, row.source]
    for key, parameter in plant.parameters.items():
        if not parameter.defaulted:
            texts.append(parameter.source)
        if "." not in key and f"field.{key}" not in i18n.TEXTS:
            texts.append(parameter.label)  # a field the report has no name of: its description is shown
    for reference in plant.references:
        texts += [reference.figure, reference.source, reference.note]
    for alternative in plant.alternatives:
        texts += [alternative.name, alternative.description]
    if plant.chain is not None:
        texts += [stage.name for stage in plant.chain.stages]
        texts += [text for stream in plant.chain.streams for text in (stream.name, stream.source)]
        texts += [text for use in plant.chain.energy for text in (use.name, use.source)]
    if plant.uncertainty is not None:
        texts += [item.source for item in plant.uncertainty.inputs if item.origin == "Uncertainty sheet"]
    return [text for text in dict.fromkeys(texts) if text]


def untranslated(plant: Plant, lang: str) -> list[str]:
    """The texts a ``lang`` report of ``plant`` shows that read as English and have no ``lang`` version; none
    for English (texts are entered in English)."""
    if lang == "en":
        return []
    sheets = _sheet_pattern(tuple(dict.fromkeys((*schema.known_sheets(), *_sheet_names(plant)))))
    return [text for text in shown_texts(plant)
            if not plant.text_translations.get(text, {}).get(lang) and _reads_as_english(text, sheets)]


def _sheet_names(plant: Plant) -> tuple[str, ...]:
    names = {parameter.location.sheet for parameter in plant.parameters.values()}
    return tuple(sorted(names))


_LANGUAGE_NAMES = {"ru": "Russian", "en": "English"}


def missing_note(file_name: str, texts: list[str], lang: str) -> Note:
    """The terminal's one note on ``texts`` without a ``lang`` version (in English, as every note)."""
    shown = "; ".join(repr(text if len(text) <= 40 else text[:39] + "…") for text in texts[:5]) \
        + (f" and {len(texts) - 5} more" if len(texts) > 5 else "")
    count = len(texts)
    return Note(NOTE_KIND, file_name,
                f"{count} text{'s' if count > 1 else ''} of the workbook {'have' if count > 1 else 'has'} no "
                f"{_LANGUAGE_NAMES.get(lang, lang)} translation and {'are' if count > 1 else 'is'} shown as "
                f"entered (add a column X_{lang} beside the text column X): {shown}")


def report_note(plant: Plant, lang: str) -> str:
    """The one sentence a ``lang`` report of ``plant`` gives on its texts without translation, or ""."""
    count = len(plant.untranslated) if plant.shown_language == lang else len(untranslated(plant, lang))
    return i18n.text("report.untranslated", lang, count=count) if count and lang != "en" else ""
