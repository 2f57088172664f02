"""Interface text in Arabic and English, numbers in Arabic-Indic digits for the Arabic UI.

Every visible string of the window is here once, as an (Arabic, English) pair, so a test can
check that none is missing; counts get the right Arabic plural forms.
"""

from __future__ import annotations

_ARABIC_INDIC = str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")

#: key → (Arabic, English)
TEXTS: dict[str, tuple[str, str]] = {
    "app_name": ("قارئ", "Qari"),
    # menus
    "menu_file": ("&ملف", "&File"),
    "menu_edit": ("&تحرير", "&Edit"),
    "menu_view": ("&عرض", "&View"),
    "menu_library": ("&المكتبة", "&Library"),
    "menu_help": ("م&ساعدة", "&Help"),
    "menu_recent": ("فتح &الأخيرة", "Open &Recent"),
    "recent_empty": ("لا ملفات حديثة", "No recent files"),
    "recent_clear": ("مسح القائمة", "Clear List"),
    # actions
    "open": ("&فتح…", "&Open…"),
    "close_tab": ("إ&غلاق المقالة", "&Close Article"),
    "print": ("&طباعة…", "&Print…"),
    "print_preview": ("معاينة الطباعة…", "Print Pre&view…"),
    "page_setup": ("إعداد الصفحة…", "Page Set&up…"),
    "export_pdf": ("تصدير PDF…", "Export &PDF…"),
    "quit": ("&خروج", "&Quit"),
    "find": ("&بحث في المقالة…", "&Find in Article…"),
    "next_section": ("القسم التالي", "Next Section"),
    "previous_section": ("القسم السابق", "Previous Section"),
    "toggle_focus": ("التنقل بين الشجرة والنص", "Switch Between Tree and Text"),
    "zoom_in": ("تكبير الخط", "Zoom In"),
    "zoom_out": ("تصغير الخط", "Zoom Out"),
    "zoom_reset": ("الحجم الأصلي", "Actual Size"),
    "theme_light": ("سمة فاتحة", "Light Theme"),
    "theme_dark": ("سمة داكنة", "Dark Theme"),
    "next_tab": ("المقالة التالية", "Next Article"),
    "previous_tab": ("المقالة السابقة", "Previous Article"),
    "show_library": ("إظهار المكتبة", "Show Library"),
    "add_folder": ("إضافة مجلد…", "Add Folder…"),
    "library_search": ("البحث في المكتبة…", "Search Library…"),
    "about": ("عن قارئ", "About Qari"),
    # panels
    "sections_tab": ("الأقسام", "Sections"),
    "library_tab": ("المكتبة", "Library"),
    "bundled_articles": ("المقالات المرفقة", "Bundled articles"),
    "library_loading": ("جارٍ القراءة…", "Reading…"),
    "library_unreadable": ("تعذّرت القراءة", "unreadable"),
    "remove_folder": ("إزالة المجلد من المكتبة", "Remove Folder from Library"),
    # dialogs and messages
    "open_title": ("فتح مقالة", "Open Article"),
    "filter_all": ("كل المقالات (*.txt *.text *.md *.markdown *.html *.htm *.xhtml)",
                   "All articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml)"),
    "filter_text": ("نص عادي (*.txt *.text)", "Plain text (*.txt *.text)"),
    "filter_markdown": ("ماركداون (*.md *.markdown)", "Markdown (*.md *.markdown)"),
    "filter_html": ("صفحات HTML (*.html *.htm *.xhtml)", "HTML pages (*.html *.htm *.xhtml)"),
    "filter_any": ("كل الملفات (*)", "All files (*)"),
    "add_folder_title": ("اختر مجلد مقالات", "Choose a Folder of Articles"),
    "open_failed": ("تعذّر فتح المقالة «{name}».", "Could not open the article “{name}”."),
    "recent_pruned": ("أُزيلت من القائمة ملفات لم تعد موجودة: {names}",
                      "Removed files that no longer exist: {names}"),
    "file_gone": ("لم يعد الملف موجودًا على القرص: {name}. يبقى النص المعروض كما هو.",
                  "The file is no longer on disk: {name}. The text shown is kept."),
    "file_reloaded": ("أُعيد تحميل المقالة بعد تغيّرها على القرص.",
                      "The article changed on disk and was reloaded."),
    "link_refused": ("لم يُفتح الرابط (نوعه غير مدعوم): {url}",
                     "Link not opened (unsupported kind): {url}"),
    "no_article": ("لا مقالة مفتوحة. افتح ملفًا من قائمة «ملف» أو اسحبه إلى النافذة.",
                   "No article open. Open a file from the File menu or drop it on the window."),
    "status_start": ("بداية المقالة", "Start of article"),
    "about_text": ("قارئ: قارئ للمقالات العربية. الإصدار {version}.",
                   "Qari: a reader for Arabic articles. Version {version}."),
    "close_message": ("إغلاق الرسالة", "Close message"),
    # crash dialog, settings that cannot be saved (issue 8)
    "crash_title": ("خطأ غير متوقع", "Unexpected Error"),
    "crash_text": ("حدث خطأ غير متوقع في قارئ. المقالة المفتوحة باقية ويمكنك متابعة القراءة.",
                   "Something went wrong inside Qari. The open article is kept: you can go on "
                   "reading."),
    "crash_repeated": ("عدد مرات حدوثه: {n}.", "It happened {n} times."),
    "crash_log": ("حُفظت التفاصيل في: {path}", "The details were saved to: {path}"),
    "crash_no_log": ("تعذّر حفظ التفاصيل في ملف السجل.",
                     "The details could not be saved to the log file."),
    "crash_copy": ("نسخ التفاصيل", "Copy Details"),
    "crash_close": ("إغلاق", "Close"),
    "settings_unwritable": ("لا يمكن حفظ الإعدادات في {path}: لن تُحفظ التغييرات بعد الإغلاق.",
                            "Settings cannot be saved to {path}: changes will be lost on "
                            "closing."),
    # reading settings, sepia theme, harakat, digits, focus mode (issue 6)
    "theme_sepia": ("سمة بنّية (سيبيا)", "Sepia Theme"),
    "show_harakat": ("إظهار التشكيل", "Show Harakat"),
    "focus_mode": ("وضع التركيز", "Focus Mode"),
    "reading_settings": ("إعدادات القراءة…", "Reading Settings…"),
    "rs_title": ("إعدادات القراءة", "Reading Settings"),
    "rs_font": ("الخط:", "Typeface:"),
    "rs_size": ("حجم النص:", "Text size:"),
    "rs_line_spacing": ("تباعد الأسطر:", "Line spacing:"),
    "rs_width": ("عرض النص:", "Text width:"),
    "rs_width_suffix": (" حرفًا في السطر", " characters a line"),
    "rs_theme": ("سمة الصفحة:", "Page theme:"),
    "rs_theme_light": ("فاتحة", "Light"),
    "rs_theme_sepia": ("بنّية (سيبيا)", "Sepia"),
    "rs_theme_dark": ("داكنة", "Dark"),
    "rs_harakat": ("إظهار التشكيل (الحركات)", "Show harakat (vowel marks)"),
    "rs_harakat_note": ("للعرض فقط: البحث والتصدير يحتفظان بالتشكيل.",
                        "Display only: search and export keep them."),
    "rs_digits": ("الأرقام:", "Digits:"),
    "rs_digits_auto": ("كما كُتبت (الواجهة حسب لغتها)", "As written (interface by language)"),
    "rs_digits_arabic": ("هندية عربية: ١٢٣", "Arabic-Indic: ١٢٣"),
    "rs_digits_western": ("غربية: 123", "Western: 123"),
    "rs_defaults": ("الإعدادات الافتراضية", "Restore Defaults"),
    "rs_close": ("إغلاق", "Close"),
    "focus_progress": ("تقدّم القراءة (Esc للخروج من وضع التركيز)",
                       "Reading progress (Esc leaves focus mode)"),
}  # fmt: skip


def tr(key: str, lang: str, **fields: object) -> str:
    """The interface text ``key`` in ``lang`` ("ar" or "en"), with ``{fields}`` filled in."""
    arabic, english = TEXTS[key]
    text = arabic if lang == "ar" else english
    return text.format(**fields) if fields else text


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


def _arabic_count(n: int, one: str, two: str, few: str, many: str) -> str:
    """Arabic counted noun: 1 and 2 have their own words, 3-10 plural, 11+ singular."""
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{number(n, 'ar')} {few}"
    return f"{number(n, 'ar')} {many}"


def words_text(n: int, lang: str) -> str:
    """"١٬٢٣٤ كلمة" / "1,234 words"."""
    if lang == "ar":
        return _arabic_count(n, "كلمة واحدة", "كلمتان", "كلمات", "كلمة")
    return f"{number(n, lang)} word" + ("" if n == 1 else "s")


def minutes_text(n: int, lang: str) -> str:
    """Reading time: "٥ دقائق قراءة" / "5 min read"."""
    if lang == "ar":
        count = _arabic_count(n, "دقيقة واحدة", "دقيقتان", "دقائق", "دقيقة")
        return f"{count} قراءة"
    return f"{number(n, lang)} min read"


def section_text(index: int, total: int, lang: str) -> str:
    """Status bar: "القسم ٣ من ٨" / "Section 3 of 8"."""
    if lang == "ar":
        return f"القسم {number(index, lang)} من {number(total, lang)}"
    return f"Section {number(index, lang)} of {number(total, lang)}"
