"""Interface text: English sources here, Arabic through Qt's translation system.

Every visible string of the window is here once, under a key, as its English source text.
The Arabic is in ``resources/translations/qari_ar.ts`` (the file a translator edits with Qt
Linguist), compiled to ``qari_ar.qm`` beside it and read by one :class:`QTranslator` per
language (windows of both languages can live in one process); a message without a finished
translation shows in English. Tests check that every source has Arabic, that placeholders
match and that the shipped .qm is what the .ts compiles to. Counts get the right Arabic
plural forms (:func:`count_text`).
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from reader import paths

_ARABIC_INDIC = str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")

#: Qt translation context of every string here (the key is the message's disambiguation).
CONTEXT = "Qari"
#: The interface languages: Arabic (the default) and English (the source language).
LANGUAGES = ("ar", "en")

#: key → English source text.
#: To add a string: add ``"key": "English text",`` here (``{name}`` placeholders allowed), then
#: run ``.venv/bin/python packaging/update_translations.py`` (or ``make translations``) and
#: give it its Arabic in resources/translations/qari_ar.ts (Qt Linguist, or by hand: fill in
#: <translation> and drop type="unfinished"), then run the script again to compile the .qm.
#: An ("Arabic", "English") tuple is still accepted (tr() shows it as it is): the script moves
#: its Arabic into the .ts and rewrites it here as its English.
TEXTS: dict[str, str | tuple[str, str]] = {
    "app_name": "Qari",
    # menus
    "menu_file": "&File",
    "menu_edit": "&Edit",
    "menu_view": "&View",
    "menu_library": "&Library",
    "menu_help": "&Help",
    "menu_recent": "Open &Recent",
    "recent_empty": "No recent files",
    "recent_clear": "Clear List",
    # actions
    "open": "&Open…",
    "close_tab": "&Close Article",
    "print": "&Print…",
    "print_preview": "Print Pre&view…",
    "page_setup": "Page Set&up…",
    "export_pdf": "Export &PDF…",
    "quit": "&Quit",
    "find": "&Find in Article…",
    "next_match": "Find &Next",
    "previous_match": "Find Pre&vious",
    "next_section": "Next Section",
    "previous_section": "Previous Section",
    "toggle_focus": "Switch Between Tree and Text",
    "zoom_in": "Zoom In",
    "zoom_out": "Zoom Out",
    "zoom_reset": "Actual Size",
    "theme_light": "Light Theme",
    "theme_dark": "Dark Theme",
    "next_tab": "Next Article",
    "previous_tab": "Previous Article",
    "show_library": "Show Library",
    "add_folder": "Add Folder…",
    "library_search": "Search Library…",
    "about": "About Qari",
    # panels
    "sections_tab": "Sections",
    "library_tab": "Library",
    "bundled_articles": "Bundled articles",
    "library_loading": "Reading…",
    "library_unreadable": "unreadable",
    "remove_folder": "Remove Folder from Library",
    # dialogs and messages
    "open_title": "Open Article",
    "filter_all": "All articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml)",
    "filter_text": "Plain text (*.txt *.text)",
    "filter_markdown": "Markdown (*.md *.markdown)",
    "filter_html": "HTML pages (*.html *.htm *.xhtml)",
    "filter_any": "All files (*)",
    "add_folder_title": "Choose a Folder of Articles",
    "open_failed": "Could not open the article “{name}”.",
    "recent_pruned": "Removed files that no longer exist: {names}",
    "file_gone": "The file is no longer on disk: {name}. The text shown is kept.",
    "file_reloaded": "The article changed on disk and was reloaded.",
    "link_refused": "Link not opened (unsupported kind): {url}",
    "no_article": "No article open. Open a file from the File menu or drop it on the window.",
    "status_start": "Start of article",
    "about_text": "Qari: a reader for Arabic articles. Version {version}.",
    "close_message": "Close message",
    # crash dialog, settings that cannot be saved (issue 8)
    "crash_title": "Unexpected Error",
    "crash_text": ("Something went wrong inside Qari. The open article is kept: you can go on "
                   "reading."),
    "crash_repeated": "It happened {n} times.",
    "crash_log": "The details were saved to: {path}",
    "crash_no_log": "The details could not be saved to the log file.",
    "crash_copy": "Copy Details",
    "crash_close": "Close",
    "settings_unwritable": "Settings cannot be saved to {path}: changes will be lost on closing.",
    # find bar (Edit > Find) and library search (Library > Search)
    "find_placeholder": "Find in article…",
    "find_next": "Next",
    "find_previous": "Previous",
    "find_fold": "Ignore diacritics and spelling variants",
    "find_whole_word": "Whole word",
    "find_close": "Close the find bar (Esc)",
    "find_count": "{current} of {total}",
    "find_none": "No results",
    "lsearch_title": "Search Library",
    "lsearch_placeholder": "Search every article… \"a phrase\" or prefix*",
    "lsearch_scanning": "Checking the library folders…",
    "lsearch_indexing": "Indexing the library: {done} of {total}",
    "lsearch_building": "The library index is being built; results appear when it is ready…",
    "lsearch_one": "1 result",
    "lsearch_two": "2 results",
    "lsearch_few": "{n} results",
    "lsearch_many": "{n} results",
    "lsearch_none": "No results",
    "lsearch_failed": "Search failed: {reason}",
    "lsearch_unreadable": "Files that could not be read were not indexed: {names}",
    "lsearch_gone": "The article is no longer there: {name}",
    "lsearch_untitled": "(untitled)",
    # printing, print preview, page setup and Export PDF (issue 4)
    "print_no_article": "No article is open to print or export. Open an article first.",
    "print_title": "Print Article",
    "preview_title": "Print Preview: {title}",
    "preparing_pages": "Laying out the pages…",
    "printing_pages": "Sending the pages to the printer…",
    "print_done": "The article was sent to the printer.",
    "print_cancelled": "Printing cancelled.",
    "print_failed": "Printing failed: {reason}",
    "page_setup_title": "Page Setup",
    "paper_size": "Paper size:",
    "paper_a4": "A4 (210 × 297 mm)",
    "paper_letter": "Letter (8.5 × 11 in)",
    "orientation": "Orientation:",
    "portrait": "Portrait",
    "landscape": "Landscape",
    "margins_mm": "Margins (mm)",
    "margin_top": "Top:",
    "margin_bottom": "Bottom:",
    "margin_right": "Right:",
    "margin_left": "Left:",
    "restore_defaults": "Restore Defaults",
    "mm_suffix": " mm",
    "previous_page": "Previous Page",
    "next_page": "Next Page",
    "fit_width": "Fit Width",
    "fit_page": "Whole Page",
    "close": "Close",
    "page_harakat": "Print harakat (vowel marks)",
    "page_harakat_tip": ("Off: print and export the article without them; the article itself is "
                         "unchanged."),
    "margins_too_wide": "The margins leave too little room for the text.",
    "export_title": "Export PDF",
    "filter_pdf": "PDF documents (*.pdf)",
    "exporting": "Exporting “{name}”…",
    "cancel": "Cancel",
    "export_done": "Exported ({pages}) to: {path}",
    "pages_one": "1 page",
    "pages_two": "2 pages",
    "pages_few": "{n} pages",
    "pages_many": "{n} pages",
    "export_cancelled": "Export cancelled; no file was written.",
    "export_failed": "Export failed: {reason}",
    "export_busy": "Another export is running; wait for it or cancel it.",
    # interface language, keyboard shortcuts help, accessibility (issue 6, part 2)
    "words_one": "1 word",
    "words_two": "2 words",
    "words_few": "{n} words",
    "words_many": "{n} words",
    "minutes_one": "1 min read",
    "minutes_two": "2 min read",
    "minutes_few": "{n} min read",
    "minutes_many": "{n} min read",
    "section_of": "Section {index} of {total}",
    "list_comma": ", ",
    "lang_ar": "Arabic Interface (واجهة عربية)",
    "lang_en": "English &Interface",
    "language_restart": "The interface will be in {language} the next time Qari starts.",
    "language_name_ar": "Arabic",
    "language_name_en": "English",
    "shortcuts": "&Keyboard Shortcuts",
    "shortcuts_title": "Keyboard Shortcuts",
    "shortcuts_filter": "Filter by command or key…",
    "shortcuts_menu": "Menu",
    "shortcuts_command": "Command",
    "shortcuts_keys": "Keys",
    "shortcuts_other": "Other",
    "shortcuts_table_desc": "Every command of Qari and its keys, in menu order.",
    "a11y_tree": "Section tree",
    "a11y_tree_desc": ("The article's headings. Enter takes the text to the selected section; "
                       "F6 goes back to the text."),
    "a11y_pane": "Article text",
    "a11y_pane_desc": "The article to read. Ctrl+PgDown and Ctrl+PgUp move between sections.",
    "a11y_current_section": "Current section: {title}, {position}",
    "a11y_side": "Sections and library",
    "a11y_side_desc": "Side panel: the article's section tree and the library folders.",
    "a11y_tabs": "Open articles",
    "a11y_tabs_desc": "One article a tab. Ctrl+Tab goes to the next one.",
    "a11y_toolbar": "Toolbar",
    "a11y_toolbar_desc": "Open an article and move between sections.",
    "a11y_message_bar": "Message bar",
    "a11y_message_desc": "The latest message from Qari.",
    "a11y_empty": "No article open",
    "a11y_status_section": "Reading position",
    "a11y_status_words": "Word count",
    "a11y_status_time": "Reading time",
    "a11y_menu_bar": "Menu bar",
    "a11y_library_tree": "Library folders and articles",
    "a11y_library_desc": "Enter opens the selected article.",
    "a11y_lsearch_results": "Search results",
    "a11y_lsearch_desc": "Best first. Enter opens the article at the match.",
    "a11y_preview_pages": "Preview pages",
    "a11y_preview_desc": "The pages as they will print; the arrow and page keys scroll them.",
    "a11y_splitter": "Side panel divider",
    "a11y_control_desc": "{name} in “{window}”",
    # reading settings, sepia theme, harakat, digits, focus mode (issue 6)
    "theme_sepia": "Sepia Theme",
    "show_harakat": "Show Harakat",
    "focus_mode": "Focus Mode",
    "reading_settings": "Reading Settings…",
    "rs_title": "Reading Settings",
    "rs_font": "Typeface:",
    "rs_size": "Text size:",
    "rs_line_spacing": "Line spacing:",
    "rs_width": "Text width:",
    "rs_width_suffix": " characters a line",
    "rs_theme": "Page theme:",
    "rs_theme_light": "Light",
    "rs_theme_sepia": "Sepia",
    "rs_theme_dark": "Dark",
    "rs_harakat": "Show harakat (vowel marks)",
    "rs_harakat_note": "Display only: search and export keep them.",
    "rs_digits": "Digits:",
    "rs_digits_auto": "As written (interface by language)",
    "rs_digits_arabic": "Arabic-Indic: ١٢٣",
    "rs_digits_western": "Western: 123",
    "rs_defaults": "Restore Defaults",
    "rs_close": "Close",
    "focus_progress": "Reading progress (Esc leaves focus mode)",
}  # fmt: skip


_translators: dict[str, QTranslator | None] = {}
_cache: dict[tuple[str, str], str] = {}


def translations_dir() -> str:
    """Folder of qari_<lang>.ts and .qm (the wheel and the bundle ship it)."""
    return str(paths.resources_dir() / "translations")


def translator(lang: str) -> QTranslator | None:
    """The loaded translator of ``lang`` (one per process and language), None for English
    or when its .qm is missing (then everything shows in English)."""
    if lang == "en":
        return None
    if lang not in _translators:
        found: QTranslator | None = QTranslator()
        assert found is not None
        if not found.load(f"qari_{lang}", translations_dir()):
            found = None
        _translators[lang] = found
    return _translators[lang]


def english(key: str) -> str:
    """The English source of ``key``."""
    value = TEXTS[key]
    return value if isinstance(value, str) else value[1]


def translate(key: str, lang: str) -> str:
    """``key``'s text in ``lang`` without placeholders filled in; English when untranslated."""
    value = TEXTS[key]
    if isinstance(value, tuple):  # added as (Arabic, English): not yet moved into the .ts
        return value[0] if lang == "ar" else value[1]
    if lang == "en":
        return value
    cached = _cache.get((key, lang))
    if cached is None:
        qt = translator(lang)
        cached = (qt.translate(CONTEXT, value, key) if qt is not None else "") or value
        _cache[(key, lang)] = cached
    return cached


def tr(key: str, lang: str, **fields: object) -> str:
    """The interface text ``key`` in ``lang`` ("ar" or "en"), with ``{fields}`` filled in."""
    text = translate(key, lang)
    return text.format(**fields) if fields else text


def pairs() -> dict[str, tuple[str, str]]:
    """key → (Arabic, English), as the interface shows them."""
    return {key: (translate(key, "ar"), english(key)) for key in TEXTS}
#: Digits of interface numbers (View > Reading Settings): "auto" (Arabic-Indic in the Arabic
#: interface, Western in the English one), "arabic-indic" or "western".
_digits = "auto"


def set_digits(style: str) -> None:
    """Use ``style`` for the digits of every :func:`number` from now on."""
    global _digits
    _digits = style if style in ("arabic-indic", "western") else "auto"


def number(n: int, lang: str) -> str:
    """``n`` with thousands separators, in Arabic-Indic digits for Arabic (see set_digits)."""
    text = f"{n:,}"
    arabic = _digits == "arabic-indic" or (_digits == "auto" and lang == "ar")
    return text.translate(_ARABIC_INDIC) if arabic else text


def count_text(stem: str, n: int, lang: str) -> str:
    """``n`` things with the keys ``{stem}_one/_two/_few/_many``: Arabic has its own words
    for 1 and 2, a plural for 3-10 (and 103-110 …), the singular from 11; English takes
    ``_one`` for 1 and ``_many`` otherwise. ``{n}`` is the number in the UI's digits."""
    if n == 1:
        form = "one"
    elif lang != "ar":
        form = "many"
    elif n == 2:
        form = "two"
    else:
        form = "few" if 3 <= n % 100 <= 10 else "many"
    return tr(f"{stem}_{form}", lang, n=number(n, lang))


def words_text(n: int, lang: str) -> str:
    """"١٬٢٣٤ كلمة" / "1,234 words"."""
    return count_text("words", n, lang)


def minutes_text(n: int, lang: str) -> str:
    """Reading time: "٥ دقائق قراءة" / "5 min read"."""
    return count_text("minutes", n, lang)


def section_text(index: int, total: int, lang: str) -> str:
    """Status bar: "القسم ٣ من ٨" / "Section 3 of 8"."""
    return tr("section_of", lang, index=number(index, lang), total=number(total, lang))
