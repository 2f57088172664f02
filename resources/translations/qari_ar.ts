<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Qari</name>
    <message>
        <source>Qari</source>
        <comment>app_name</comment>
        <translation>قارئ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <comment>menu_file</comment>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <comment>menu_edit</comment>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <comment>menu_view</comment>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <comment>menu_library</comment>
        <translation>&amp;المكتبة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <comment>menu_help</comment>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <comment>menu_recent</comment>
        <translation>فتح &amp;الأخيرة</translation>
    </message>
    <message>
        <source>No recent files</source>
        <comment>recent_empty</comment>
        <translation>لا ملفات حديثة</translation>
    </message>
    <message>
        <source>Clear List</source>
        <comment>recent_clear</comment>
        <translation>مسح القائمة</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <comment>open</comment>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <source>&amp;Close Article</source>
        <comment>close_tab</comment>
        <translation>إ&amp;غلاق المقالة</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <comment>print</comment>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <comment>print_preview</comment>
        <translation>معاينة الطباعة…</translation>
    </message>
    <message>
        <source>Page Set&amp;up…</source>
        <comment>page_setup</comment>
        <translation>إعداد الصفحة…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <comment>export_pdf</comment>
        <translation>تصدير PDF…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <comment>quit</comment>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <comment>find</comment>
        <translation>&amp;بحث في المقالة…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <comment>next_match</comment>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <comment>previous_match</comment>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <source>Next Section</source>
        <comment>next_section</comment>
        <translation>القسم التالي</translation>
    </message>
    <message>
        <source>Previous Section</source>
        <comment>previous_section</comment>
        <translation>القسم السابق</translation>
    </message>
    <message>
        <source>Switch Between Tree and Text</source>
        <comment>toggle_focus</comment>
        <translation>التنقل بين الشجرة والنص</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <comment>zoom_in</comment>
        <translation>تكبير الخط</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <comment>zoom_out</comment>
        <translation>تصغير الخط</translation>
    </message>
    <message>
        <source>Actual Size</source>
        <comment>zoom_reset</comment>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <source>Light Theme</source>
        <comment>theme_light</comment>
        <translation>سمة فاتحة</translation>
    </message>
    <message>
        <source>Dark Theme</source>
        <comment>theme_dark</comment>
        <translation>سمة داكنة</translation>
    </message>
    <message>
        <source>Next Article</source>
        <comment>next_tab</comment>
        <translation>المقالة التالية</translation>
    </message>
    <message>
        <source>Previous Article</source>
        <comment>previous_tab</comment>
        <translation>المقالة السابقة</translation>
    </message>
    <message>
        <source>Show Library</source>
        <comment>show_library</comment>
        <translation>إظهار المكتبة</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <comment>add_folder</comment>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Search Library…</source>
        <comment>library_search</comment>
        <translation>البحث في المكتبة…</translation>
    </message>
    <message>
        <source>About Qari</source>
        <comment>about</comment>
        <translation>عن قارئ</translation>
    </message>
    <message>
        <source>Sections</source>
        <comment>sections_tab</comment>
        <translation>الأقسام</translation>
    </message>
    <message>
        <source>Library</source>
        <comment>library_tab</comment>
        <translation>المكتبة</translation>
    </message>
    <message>
        <source>Bundled articles</source>
        <comment>bundled_articles</comment>
        <translation>المقالات المرفقة</translation>
    </message>
    <message>
        <source>Reading…</source>
        <comment>library_loading</comment>
        <translation>جارٍ القراءة…</translation>
    </message>
    <message>
        <source>unreadable</source>
        <comment>library_unreadable</comment>
        <translation>تعذّرت القراءة</translation>
    </message>
    <message>
        <source>Remove Folder from Library</source>
        <comment>remove_folder</comment>
        <translation>إزالة المجلد من المكتبة</translation>
    </message>
    <message>
        <source>Open Article</source>
        <comment>open_title</comment>
        <translation>فتح مقالة</translation>
    </message>
    <message>
        <source>All articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml)</source>
        <comment>filter_all</comment>
        <translation>كل المقالات (*.txt *.text *.md *.markdown *.html *.htm *.xhtml)</translation>
    </message>
    <message>
        <source>Plain text (*.txt *.text)</source>
        <comment>filter_text</comment>
        <translation>نص عادي (*.txt *.text)</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown)</source>
        <comment>filter_markdown</comment>
        <translation>ماركداون (*.md *.markdown)</translation>
    </message>
    <message>
        <source>HTML pages (*.html *.htm *.xhtml)</source>
        <comment>filter_html</comment>
        <translation>صفحات HTML (*.html *.htm *.xhtml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <comment>filter_any</comment>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Choose a Folder of Articles</source>
        <comment>add_folder_title</comment>
        <translation>اختر مجلد مقالات</translation>
    </message>
    <message>
        <source>Could not open the article “{name}”.</source>
        <comment>open_failed</comment>
        <translation>تعذّر فتح المقالة «{name}».</translation>
    </message>
    <message>
        <source>Removed files that no longer exist: {names}</source>
        <comment>recent_pruned</comment>
        <translation>أُزيلت من القائمة ملفات لم تعد موجودة: {names}</translation>
    </message>
    <message>
        <source>The file is no longer on disk: {name}. The text shown is kept.</source>
        <comment>file_gone</comment>
        <translation>لم يعد الملف موجودًا على القرص: {name}. يبقى النص المعروض كما هو.</translation>
    </message>
    <message>
        <source>The article changed on disk and was reloaded.</source>
        <comment>file_reloaded</comment>
        <translation>أُعيد تحميل المقالة بعد تغيّرها على القرص.</translation>
    </message>
    <message>
        <source>Link not opened (unsupported kind): {url}</source>
        <comment>link_refused</comment>
        <translation>لم يُفتح الرابط (نوعه غير مدعوم): {url}</translation>
    </message>
    <message>
        <source>No article open. Open a file from the File menu or drop it on the window.</source>
        <comment>no_article</comment>
        <translation>لا مقالة مفتوحة. افتح ملفًا من قائمة «ملف» أو اسحبه إلى النافذة.</translation>
    </message>
    <message>
        <source>Start of article</source>
        <comment>status_start</comment>
        <translation>بداية المقالة</translation>
    </message>
    <message>
        <source>Qari: a reader for Arabic articles. Version {version}.</source>
        <comment>about_text</comment>
        <translation>قارئ: قارئ للمقالات العربية. الإصدار {version}.</translation>
    </message>
    <message>
        <source>Close message</source>
        <comment>close_message</comment>
        <translation>إغلاق الرسالة</translation>
    </message>
    <message>
        <source>Unexpected Error</source>
        <comment>crash_title</comment>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <source>Something went wrong inside Qari. The open article is kept: you can go on reading.</source>
        <comment>crash_text</comment>
        <translation>حدث خطأ غير متوقع في قارئ. المقالة المفتوحة باقية ويمكنك متابعة القراءة.</translation>
    </message>
    <message>
        <source>It happened {n} times.</source>
        <comment>crash_repeated</comment>
        <translation>عدد مرات حدوثه: {n}.</translation>
    </message>
    <message>
        <source>The details were saved to: {path}</source>
        <comment>crash_log</comment>
        <translation>حُفظت التفاصيل في: {path}</translation>
    </message>
    <message>
        <source>The details could not be saved to the log file.</source>
        <comment>crash_no_log</comment>
        <translation>تعذّر حفظ التفاصيل في ملف السجل.</translation>
    </message>
    <message>
        <source>Copy Details</source>
        <comment>crash_copy</comment>
        <translation>نسخ التفاصيل</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>crash_close</comment>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Settings cannot be saved to {path}: changes will be lost on closing.</source>
        <comment>settings_unwritable</comment>
        <translation>لا يمكن حفظ الإعدادات في {path}: لن تُحفظ التغييرات بعد الإغلاق.</translation>
    </message>
    <message>
        <source>Find in article…</source>
        <comment>find_placeholder</comment>
        <translation>ابحث في المقالة…</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>find_next</comment>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Previous</source>
        <comment>find_previous</comment>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Ignore diacritics and spelling variants</source>
        <comment>find_fold</comment>
        <translation>تجاهل التشكيل واختلاف الإملاء</translation>
    </message>
    <message>
        <source>Whole word</source>
        <comment>find_whole_word</comment>
        <translation>كلمة كاملة</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <comment>find_close</comment>
        <translation>إغلاق شريط البحث (Esc)</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <comment>find_count</comment>
        <translation>{current} من {total}</translation>
    </message>
    <message>
        <source>No results</source>
        <comment>find_none</comment>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <source>Search Library</source>
        <comment>lsearch_title</comment>
        <translation>البحث في المكتبة</translation>
    </message>
    <message>
        <source>Search every article… &quot;a phrase&quot; or prefix*</source>
        <comment>lsearch_placeholder</comment>
        <translation>ابحث في كل المقالات… «عبارة» أو كلمة*</translation>
    </message>
    <message>
        <source>Checking the library folders…</source>
        <comment>lsearch_scanning</comment>
        <translation>جارٍ فحص مجلدات المكتبة…</translation>
    </message>
    <message>
        <source>Indexing the library: {done} of {total}</source>
        <comment>lsearch_indexing</comment>
        <translation>جارٍ فهرسة المكتبة: {done} من {total}</translation>
    </message>
    <message>
        <source>The library index is being built; results appear when it is ready…</source>
        <comment>lsearch_building</comment>
        <translation>يُبنى فهرس المكتبة؛ تظهر النتائج حين يكتمل…</translation>
    </message>
    <message>
        <source>1 result</source>
        <comment>lsearch_one</comment>
        <translation>نتيجة واحدة</translation>
    </message>
    <message>
        <source>2 results</source>
        <comment>lsearch_two</comment>
        <translation>نتيجتان</translation>
    </message>
    <message>
        <source>{n} results</source>
        <comment>lsearch_few</comment>
        <translation>{n} نتائج</translation>
    </message>
    <message>
        <source>{n} results</source>
        <comment>lsearch_many</comment>
        <translation>{n} نتيجة</translation>
    </message>
    <message>
        <source>No results</source>
        <comment>lsearch_none</comment>
        <translation>لا نتائج لهذا البحث</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <comment>lsearch_failed</comment>
        <translation>تعذّر البحث: {reason}</translation>
    </message>
    <message>
        <source>Files that could not be read were not indexed: {names}</source>
        <comment>lsearch_unreadable</comment>
        <translation>لم تُفهرس ملفات تعذّرت قراءتها: {names}</translation>
    </message>
    <message>
        <source>The article is no longer there: {name}</source>
        <comment>lsearch_gone</comment>
        <translation>لم تعد المقالة في مكانها: {name}</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <comment>lsearch_untitled</comment>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>No article is open to print or export. Open an article first.</source>
        <comment>print_no_article</comment>
        <translation>لا مقالة مفتوحة للطباعة أو التصدير. افتح مقالة أولًا.</translation>
    </message>
    <message>
        <source>Print Article</source>
        <comment>print_title</comment>
        <translation>طباعة المقالة</translation>
    </message>
    <message>
        <source>Print Preview: {title}</source>
        <comment>preview_title</comment>
        <translation>معاينة الطباعة: {title}</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <comment>preparing_pages</comment>
        <translation>جارٍ تنضيد الصفحات…</translation>
    </message>
    <message>
        <source>Sending the pages to the printer…</source>
        <comment>printing_pages</comment>
        <translation>جارٍ إرسال الصفحات إلى الطابعة…</translation>
    </message>
    <message>
        <source>The article was sent to the printer.</source>
        <comment>print_done</comment>
        <translation>أُرسلت المقالة إلى الطابعة.</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <comment>print_cancelled</comment>
        <translation>أُلغيت الطباعة.</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <comment>print_failed</comment>
        <translation>تعذّرت الطباعة: {reason}</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <comment>page_setup_title</comment>
        <translation>إعداد الصفحة</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <comment>paper_size</comment>
        <translation>حجم الورق:</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <comment>paper_a4</comment>
        <translation>A4 (٢١٠ × ٢٩٧ مم)</translation>
    </message>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <comment>paper_letter</comment>
        <translation>Letter (٢١٦ × ٢٧٩ مم)</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <comment>orientation</comment>
        <translation>الاتجاه:</translation>
    </message>
    <message>
        <source>Portrait</source>
        <comment>portrait</comment>
        <translation>عمودي</translation>
    </message>
    <message>
        <source>Landscape</source>
        <comment>landscape</comment>
        <translation>أفقي</translation>
    </message>
    <message>
        <source>Margins (mm)</source>
        <comment>margins_mm</comment>
        <translation>الهوامش (مم)</translation>
    </message>
    <message>
        <source>Top:</source>
        <comment>margin_top</comment>
        <translation>أعلى:</translation>
    </message>
    <message>
        <source>Bottom:</source>
        <comment>margin_bottom</comment>
        <translation>أسفل:</translation>
    </message>
    <message>
        <source>Right:</source>
        <comment>margin_right</comment>
        <translation>يمين:</translation>
    </message>
    <message>
        <source>Left:</source>
        <comment>margin_left</comment>
        <translation>يسار:</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <comment>restore_defaults</comment>
        <translation>استعادة الافتراضي</translation>
    </message>
    <message>
        <source> mm</source>
        <comment>mm_suffix</comment>
        <translation> مم</translation>
    </message>
    <message>
        <source>Previous Page</source>
        <comment>previous_page</comment>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <source>Next Page</source>
        <comment>next_page</comment>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <source>Fit Width</source>
        <comment>fit_width</comment>
        <translation>ملء العرض</translation>
    </message>
    <message>
        <source>Whole Page</source>
        <comment>fit_page</comment>
        <translation>الصفحة كاملة</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>close</comment>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Print harakat (vowel marks)</source>
        <comment>page_harakat</comment>
        <translation>طباعة التشكيل (الحركات)</translation>
    </message>
    <message>
        <source>Off: print and export the article without them; the article itself is unchanged.</source>
        <comment>page_harakat_tip</comment>
        <translation>بدونه تُطبع المقالة وتُصدَّر بلا حركات؛ المقالة نفسها لا تتغيّر.</translation>
    </message>
    <message>
        <source>The margins leave too little room for the text.</source>
        <comment>margins_too_wide</comment>
        <translation>الهوامش لا تترك مكانًا كافيًا للنص.</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <comment>export_title</comment>
        <translation>تصدير PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <comment>filter_pdf</comment>
        <translation>مستندات PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting “{name}”…</source>
        <comment>exporting</comment>
        <translation>جارٍ تصدير «{name}»…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>cancel</comment>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Exported ({pages}) to: {path}</source>
        <comment>export_done</comment>
        <translation>صُدّرت المقالة ({pages}) إلى: {path}</translation>
    </message>
    <message>
        <source>1 page</source>
        <comment>pages_one</comment>
        <translation>صفحة واحدة</translation>
    </message>
    <message>
        <source>2 pages</source>
        <comment>pages_two</comment>
        <translation>صفحتان</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <comment>pages_few</comment>
        <translation>{n} صفحات</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <comment>pages_many</comment>
        <translation>{n} صفحة</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <comment>export_cancelled</comment>
        <translation>أُلغي التصدير ولم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <comment>export_failed</comment>
        <translation>تعذّر التصدير: {reason}</translation>
    </message>
    <message>
        <source>Another export is running; wait for it or cancel it.</source>
        <comment>export_busy</comment>
        <translation>تصدير آخر جارٍ؛ انتظر انتهاءه أو ألغه.</translation>
    </message>
    <message>
        <source>1 word</source>
        <comment>words_one</comment>
        <translation>كلمة واحدة</translation>
    </message>
    <message>
        <source>2 words</source>
        <comment>words_two</comment>
        <translation>كلمتان</translation>
    </message>
    <message>
        <source>{n} words</source>
        <comment>words_few</comment>
        <translation>{n} كلمات</translation>
    </message>
    <message>
        <source>{n} words</source>
        <comment>words_many</comment>
        <translation>{n} كلمة</translation>
    </message>
    <message>
        <source>1 min read</source>
        <comment>minutes_one</comment>
        <translation>دقيقة واحدة قراءة</translation>
    </message>
    <message>
        <source>2 min read</source>
        <comment>minutes_two</comment>
        <translation>دقيقتان قراءة</translation>
    </message>
    <message>
        <source>{n} min read</source>
        <comment>minutes_few</comment>
        <translation>{n} دقائق قراءة</translation>
    </message>
    <message>
        <source>{n} min read</source>
        <comment>minutes_many</comment>
        <translation>{n} دقيقة قراءة</translation>
    </message>
    <message>
        <source>Section {index} of {total}</source>
        <comment>section_of</comment>
        <translation>القسم {index} من {total}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list_comma</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>Arabic Interface (واجهة عربية)</source>
        <comment>lang_ar</comment>
        <translation>وا&amp;جهة عربية</translation>
    </message>
    <message>
        <source>English &amp;Interface</source>
        <comment>lang_en</comment>
        <translation>واجهة إنجليزية (English Interface)</translation>
    </message>
    <message>
        <source>The interface will be in {language} the next time Qari starts.</source>
        <comment>language_restart</comment>
        <translation>ستظهر الواجهة بـ{language} عند تشغيل قارئ في المرة القادمة.</translation>
    </message>
    <message>
        <source>Arabic</source>
        <comment>language_name_ar</comment>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <comment>language_name_en</comment>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <comment>shortcuts</comment>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <comment>shortcuts_title</comment>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Filter by command or key…</source>
        <comment>shortcuts_filter</comment>
        <translation>ابحث عن أمر أو مفتاح…</translation>
    </message>
    <message>
        <source>Menu</source>
        <comment>shortcuts_menu</comment>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Command</source>
        <comment>shortcuts_command</comment>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Keys</source>
        <comment>shortcuts_keys</comment>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>shortcuts_other</comment>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Every command of Qari and its keys, in menu order.</source>
        <comment>shortcuts_table_desc</comment>
        <translation>كل أوامر قارئ واختصاراتها، مرتبة حسب القائمة.</translation>
    </message>
    <message>
        <source>Section tree</source>
        <comment>a11y_tree</comment>
        <translation>شجرة الأقسام</translation>
    </message>
    <message>
        <source>The article&apos;s headings. Enter takes the text to the selected section; F6 goes back to the text.</source>
        <comment>a11y_tree_desc</comment>
        <translation>عناوين المقالة. Enter ينقل النص إلى القسم المحدد، وF6 يعود إلى النص.</translation>
    </message>
    <message>
        <source>Article text</source>
        <comment>a11y_pane</comment>
        <translation>نص المقالة</translation>
    </message>
    <message>
        <source>The article to read. Ctrl+PgDown and Ctrl+PgUp move between sections.</source>
        <comment>a11y_pane_desc</comment>
        <translation>نص المقالة للقراءة. Ctrl+PgDown وCtrl+PgUp للتنقل بين الأقسام.</translation>
    </message>
    <message>
        <source>Current section: {title}, {position}</source>
        <comment>a11y_current_section</comment>
        <translation>القسم الحالي: {title}، {position}</translation>
    </message>
    <message>
        <source>Sections and library</source>
        <comment>a11y_side</comment>
        <translation>الأقسام والمكتبة</translation>
    </message>
    <message>
        <source>Side panel: the article&apos;s section tree and the library folders.</source>
        <comment>a11y_side_desc</comment>
        <translation>لوحة جانبية: شجرة أقسام المقالة، ومجلدات المكتبة.</translation>
    </message>
    <message>
        <source>Open articles</source>
        <comment>a11y_tabs</comment>
        <translation>المقالات المفتوحة</translation>
    </message>
    <message>
        <source>One article a tab. Ctrl+Tab goes to the next one.</source>
        <comment>a11y_tabs_desc</comment>
        <translation>مقالة في كل لسان. Ctrl+Tab للانتقال إلى التالية.</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <comment>a11y_toolbar</comment>
        <translation>شريط الأدوات</translation>
    </message>
    <message>
        <source>Open an article and move between sections.</source>
        <comment>a11y_toolbar_desc</comment>
        <translation>فتح مقالة والتنقل بين الأقسام.</translation>
    </message>
    <message>
        <source>Message bar</source>
        <comment>a11y_message_bar</comment>
        <translation>شريط الرسائل</translation>
    </message>
    <message>
        <source>The latest message from Qari.</source>
        <comment>a11y_message_desc</comment>
        <translation>آخر رسالة من قارئ.</translation>
    </message>
    <message>
        <source>No article open</source>
        <comment>a11y_empty</comment>
        <translation>لا مقالة مفتوحة</translation>
    </message>
    <message>
        <source>Reading position</source>
        <comment>a11y_status_section</comment>
        <translation>موضع القراءة</translation>
    </message>
    <message>
        <source>Word count</source>
        <comment>a11y_status_words</comment>
        <translation>عدد الكلمات</translation>
    </message>
    <message>
        <source>Reading time</source>
        <comment>a11y_status_time</comment>
        <translation>مدة القراءة</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <comment>a11y_menu_bar</comment>
        <translation>شريط القوائم</translation>
    </message>
    <message>
        <source>Library folders and articles</source>
        <comment>a11y_library_tree</comment>
        <translation>مجلدات المكتبة ومقالاتها</translation>
    </message>
    <message>
        <source>Enter opens the selected article.</source>
        <comment>a11y_library_desc</comment>
        <translation>Enter يفتح المقالة المحددة.</translation>
    </message>
    <message>
        <source>Search results</source>
        <comment>a11y_lsearch_results</comment>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>Best first. Enter opens the article at the match.</source>
        <comment>a11y_lsearch_desc</comment>
        <translation>الأفضل أولًا. Enter يفتح المقالة عند الموضع المطابق.</translation>
    </message>
    <message>
        <source>Preview pages</source>
        <comment>a11y_preview_pages</comment>
        <translation>صفحات المعاينة</translation>
    </message>
    <message>
        <source>The pages as they will print; the arrow and page keys scroll them.</source>
        <comment>a11y_preview_desc</comment>
        <translation>الصفحات كما ستُطبع؛ تمرّرها مفاتيح الأسهم والصفحات.</translation>
    </message>
    <message>
        <source>Side panel divider</source>
        <comment>a11y_splitter</comment>
        <translation>فاصل اللوحة الجانبية</translation>
    </message>
    <message>
        <source>{name} in “{window}”</source>
        <comment>a11y_control_desc</comment>
        <translation>{name} في «{window}»</translation>
    </message>
    <message>
        <source>Sepia Theme</source>
        <comment>theme_sepia</comment>
        <translation>سمة بنّية (سيبيا)</translation>
    </message>
    <message>
        <source>Show Harakat</source>
        <comment>show_harakat</comment>
        <translation>إظهار التشكيل</translation>
    </message>
    <message>
        <source>Focus Mode</source>
        <comment>focus_mode</comment>
        <translation>وضع التركيز</translation>
    </message>
    <message>
        <source>Reading Settings…</source>
        <comment>reading_settings</comment>
        <translation>إعدادات القراءة…</translation>
    </message>
    <message>
        <source>Reading Settings</source>
        <comment>rs_title</comment>
        <translation>إعدادات القراءة</translation>
    </message>
    <message>
        <source>Typeface:</source>
        <comment>rs_font</comment>
        <translation>الخط:</translation>
    </message>
    <message>
        <source>Text size:</source>
        <comment>rs_size</comment>
        <translation>حجم النص:</translation>
    </message>
    <message>
        <source>Line spacing:</source>
        <comment>rs_line_spacing</comment>
        <translation>تباعد الأسطر:</translation>
    </message>
    <message>
        <source>Text width:</source>
        <comment>rs_width</comment>
        <translation>عرض النص:</translation>
    </message>
    <message>
        <source> characters a line</source>
        <comment>rs_width_suffix</comment>
        <translation> حرفًا في السطر</translation>
    </message>
    <message>
        <source>Page theme:</source>
        <comment>rs_theme</comment>
        <translation>سمة الصفحة:</translation>
    </message>
    <message>
        <source>Light</source>
        <comment>rs_theme_light</comment>
        <translation>فاتحة</translation>
    </message>
    <message>
        <source>Sepia</source>
        <comment>rs_theme_sepia</comment>
        <translation>بنّية (سيبيا)</translation>
    </message>
    <message>
        <source>Dark</source>
        <comment>rs_theme_dark</comment>
        <translation>داكنة</translation>
    </message>
    <message>
        <source>Show harakat (vowel marks)</source>
        <comment>rs_harakat</comment>
        <translation>إظهار التشكيل (الحركات)</translation>
    </message>
    <message>
        <source>Display only: search and export keep them.</source>
        <comment>rs_harakat_note</comment>
        <translation>للعرض فقط: البحث والتصدير يحتفظان بالتشكيل.</translation>
    </message>
    <message>
        <source>Digits:</source>
        <comment>rs_digits</comment>
        <translation>الأرقام:</translation>
    </message>
    <message>
        <source>As written (interface by language)</source>
        <comment>rs_digits_auto</comment>
        <translation>كما كُتبت (الواجهة حسب لغتها)</translation>
    </message>
    <message>
        <source>Arabic-Indic: ١٢٣</source>
        <comment>rs_digits_arabic</comment>
        <translation>هندية عربية: ١٢٣</translation>
    </message>
    <message>
        <source>Western: 123</source>
        <comment>rs_digits_western</comment>
        <translation>غربية: 123</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <comment>rs_defaults</comment>
        <translation>الإعدادات الافتراضية</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>rs_close</comment>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Reading progress (Esc leaves focus mode)</source>
        <comment>focus_progress</comment>
        <translation>تقدّم القراءة (Esc للخروج من وضع التركيز)</translation>
    </message>
</context>
</TS>
