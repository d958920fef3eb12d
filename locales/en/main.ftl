# English. Every key here must exist in ru.ftl and the other way round (a test checks).
# Messages are sent with parse_mode HTML: markup is <b>, <i>, <code>; the code escapes variables.

## Common

main-menu = Main menu. Pick a section 👇
menu-courses = 📚 Courses
menu-lessons = 🏫 Open lessons
menu-materials = 📂 Materials
menu-meetings = 📅 Meetings
menu-profile = 👤 Profile
menu-methodist = 🛠 Methodist
methodist-panel = 🛠 <b>Tools for methodologists</b>
methodist-panel-district = 🏙 Your district: { $district }. Broadcasts, meetings, courses, reviews of lessons and materials, and reports are for its teachers.
unknown-text = I did not understand that. Pick a section in the menu below or send /help.
unknown-button = This button is out of date. Open the section again from the menu.
error-internal = ⚠️ Something went wrong and I could not do that. Nothing is lost — please try again in a minute. If it keeps happening, tell a methodologist.
need-registration = Please register first — it takes under a minute: /start
forbidden-methodist = ⛔ Only methodologists can do this.
forbidden-admin = ⛔ Only administrators can do this.
cancelled = Cancelled.
nothing-to-cancel = There is nothing to cancel.
flow-reset = ℹ️ The bot was updated and what you had started had to be interrupted. Please start it again — the earlier answers were not kept.
flow-erased = ℹ️ The action you had started had to be interrupted: some of the data it was working with has been deleted. Please start it again.
expect-text = Please answer with text. To leave, send /cancel.
expect-button = Please press one of the buttons above. To leave, send /cancel.
expect-school = Type the name or number of the school or press the button with your school. To leave — /cancel.
expect-subjects = Tick your subjects with the buttons above and press “Done”. To leave — /cancel.
finish-step-first = Finish the current step first or send /cancel.
state-on = on
state-off = off
lang-ru = 🇷🇺 Русский
lang-en = 🇬🇧 English
role-teacher = teacher
role-methodist = methodologist
role-admin = administrator

## The bot's card in Telegram (before the first /start): description and short description

bot-description = Metodset is the bot of a school district's methodological network. Teachers sign up for professional development courses and colleagues' open lessons, share materials, answer meeting invitations and get certificates and a portfolio. Methodists run courses, meetings, broadcasts and reports. Press Start to register: it takes less than a minute.
bot-short-description = Courses, open lessons, materials and meetings of a school district's methodological network.

## Commands (Telegram's command menu)

cmd-start = Start / register
cmd-menu = Main menu
cmd-profile = My profile
cmd-language = Language / Язык
cmd-help = Help
cmd-cancel = Cancel the current action
cmd-deleteme = Delete my data
cmd-methodists = List of methodologists
cmd-role = Grant or revoke the methodologist role
cmd-directory = Load schools or subjects (Excel or CSV)

## Help

help =
    <b>The district's methodological network</b>
    Professional-development courses, colleagues' open lessons, a bank of teaching materials and association meetings.

    Sections are in the menu at the bottom of the screen.
    /profile — your data and notifications
    /documents — certificates and the portfolio for attestation
    /language — language
    /cancel — leave any action
    /deleteme — delete your data
help-unregistered =
    <b>The district's methodological network</b>
    To use the bot, please register: /start — it takes under a minute.
    /language — language, /cancel — cancel an action.
    /verify — check a certificate by its number.
help-methodist = 🛠 Tools for methodologists — the “Methodist” button in the menu.
help-in-flow = You are in the middle of an action: answer the last question or send /cancel.

## Registration

start-choose-language =
    Hello! This is the bot of the district's methodological network. 👋
    Выберите язык / Choose your language:
language-choose = Выберите язык / Choose your language:
language-chosen = Language: English 🇬🇧
consent-text =
    <b>Consent to the processing of personal data</b>

    To sign you up for courses, lessons and meetings the bot keeps your full name, school, subjects, Telegram id and what you add yourself, such as your category (Russian Federal Law 152-FZ “On Personal Data”).
    Who sees it:
    • colleagues: your name and school on the open lessons and materials you publish;
    • the district's and the region's methodologists and the bot's admins: your data, in lists and reports for methodological work; a course's provider gets the list of those signed up.
    You can erase everything at any time with /deleteme.
    If your district has loaded its staff list into the bot (kept by your employer: your school and the education department), the bot asks whether an entry of that list is you and links it to you only with your consent. /deleteme erases what you told the bot and that link; the list itself stays with the district.

    Do you agree?
consent-agree = ✅ I agree
consent-decline = ❌ I do not agree
consent-declined = All right, nothing was stored. If you change your mind, send /start.
ask-full-name = What is your name? Type your surname, first name and patronymic, e.g. <i>Ivanova Maria Petrovna</i>.
error-name-too-long = Too long: at most { $max } characters.
error-name-bad-chars = A name may contain only letters, spaces and hyphens.
error-name-too-short = Please type at least your surname and first name.
error-name-too-many-words = Too many words: surname, first name and patronymic are enough.
ask-school =
    🏫 Which school do you work at?
    Type its name or number (e.g. “5” or “berezovskaya”) or open the list.
school-list-button = 📋 Full list
school-search-none = No school matches “{ $query }”. Try other words or open the list.
school-search-results = Pick your school (or type another query):
school-list-page = Schools of the district, page { $page } of { $pages }. Pick yours:
school-list-districts = Pick the district, then the school:
school-list-other = Other schools
school-list-back = ⬅️ Districts
school-list-page-district = { $district }: schools, page { $page } of { $pages }. Pick yours:
school-chosen = 🏫 School: { $school }
error-school-not-found = This school is no longer in the directory. Please pick another one.
ask-subjects = 📚 Which subjects do you teach? Tick all of them and press “Done”.
subjects-done = Done ✔️
subjects-chosen = 📚 Subjects: { $subjects }
error-subjects-empty = Tick at least one subject.
error-subject-not-found = This subject is no longer in the directory.
registered =
    Done, { $name }! You are registered. 🎉
    Sections are in the menu below: courses, open lessons, materials and meetings.
welcome-back = Welcome back, { $name }! Pick a section 👇

## Profile

profile-card =
    👤 <b>Profile</b>
    Name: { $name }
    School: { $school }
    Subjects: { $subjects }
    Language: { $language }
    Role: { $role }
    🎓 Certification: { $attestation }
    🔔 New courses for my subjects: { $courses }
    📣 Non-urgent announcements: { $announcements }
profile-record =
    📈 <b>Academic year { $year }</b>
    🎓 Professional-development courses completed: { $courses }{ $hours ->
        [0] {""}
       *[other] {" "}({ $hours } h)
    }
    🗓 Meetings attended: { $meetings }
    🏫 Open lessons: given { $given }, visited { $visited }
    📚 Materials in the bank: { $materials }
profile-edit-name = ✏️ Name
profile-edit-school = 🏫 School
profile-edit-subjects = 📚 Subjects
profile-edit-language = 🌐 Language
profile-toggle-courses = 🔔 New courses
profile-toggle-announcements = 📣 Announcements
profile-delete = 🗑 Delete my data
profile-updated = ✅ Saved. Profile — /profile
deleteme-confirm =
    <b>Delete all your data?</b>
    Your name, school, subjects, course and meeting sign-ups, your materials and ratings will be erased for good. Your entry in the district's staff list stays with the district (your employer keeps it), but its link to you is erased.
deleteme-yes = 🗑 Yes, delete everything
deleteme-no = No, keep it
deleteme-done = Your data has been erased. If you want to come back, send /start.
deleteme-kept = All right, nothing was deleted.

## Administrator

role-ask-user = Whose role do you want to change? Type part of the name, a @username or a Telegram id.
role-search-none = Nobody found. Try other words (registered users only).
role-pick-user = Pick the person:
role-search-more = { $total } found, the first { $shown } shown — narrow the search: surname and first name, a @username or the Telegram id.
role-user-card = { $name } — currently { $role }.
role-make-methodist = 🛠 Make methodologist
role-make-teacher = 👤 Make teacher
role-cancel = Cancel
role-changed = ✅ { $name } is now { $role }.
role-granted-notice = 🛠 You have been given the methodologist role. The menu now has a “Methodist” button with the district tools.
role-revoked-notice = Your methodologist role was withdrawn. If this is a mistake, contact the administrator.
role-admin-granted-notice = 🛠 You have been given the administrator role (it is set in the server configuration). The menu now has a “Methodist” button, and the command menu has the administrator commands: /role, /directory, /methodists.
role-admin-revoked-notice = Your administrator role was withdrawn: you are no longer in the server configuration (ADMIN_TELEGRAM_IDS). The menu has been updated. If this is a mistake, contact whoever runs the bot.
error-forbidden = ⛔ Not allowed.
error-user-not-found = This user was not found (they may have deleted their data).
error-role-admin-fixed = The administrator role is set in the server configuration (ADMIN_TELEGRAM_IDS) and cannot be changed here.
methodists-title = 🛠 <b>Methodologists and administrators</b>
methodists-line = • { $name } — { $role }
methodists-none = No methodologists yet. Appoint one: /role
role-change-district = 🏙 Change district
role-ask-district = Which district is { $name } a methodologist of? They will see and reach, through broadcasts, meetings and reports, only that district's teachers.
role-district-all = All districts
role-district-line = District: { $district }
role-granted-one-notice = 🛠 You are now a methodologist of the { $district } district. The “Methodist” menu button has the tools for working with the district's teachers.
role-granted-all-notice = 🛠 You are now a methodologist of the whole region. The “Methodist” menu button has the tools for working with the teachers.
role-district-one-notice = 🏙 You are now a methodologist of the { $district } district: broadcasts, meetings, courses and reports are for its teachers.
role-district-all-notice = 🏙 You are now a methodologist of the whole region: broadcasts, meetings, courses and reports are for all teachers.
methodists-line-district = • { $name } — { $role }, { $district }
error-district-not-found = There is no such district in the directory. Load a school list with a <code>district</code> column (or “район”): /directory
directory-ask-file =
    Send a table — an Excel file (.xlsx) or a CSV as Excel saves it (UTF-8 or Windows-1251, separated by “;”, “,” or tabs). The first row holds the column headers:
    • schools — <code>name</code> and, optionally, <code>cluster</code> (the school cluster) and <code>district</code> (for a region of several districts);
    • subjects — <code>code</code> (Latin letters, e.g. <code>math</code>), <code>name_ru</code> and, optionally, <code>name_en</code> and <code>order</code>.
    Russian headers work too: «Название», «Округ», «Район»; «Код», «Название», «Английское название», «Порядок».
    Existing entries are updated, new ones added; the first file replaces the sample the bot comes with. Cancel — /cancel.
directory-not-csv = This is not a table. Send an Excel file (.xlsx) or a CSV.
directory-too-big = The file is larger than { $max } — that does not look like a district directory.
directory-kind-schools = Schools
directory-kind-subjects = Subjects
directory-report =
    ✅ <b>{ $kind }: directory loaded</b>
    Added: { $added }, updated: { $updated }, rows with errors: { $errors }.
directory-report-districts = Districts in the file: { $count }. A district's methodologist is appointed with /role.
directory-report-samples-removed = 🧹 Removed from the sample the bot comes with: { $count }.
directory-report-samples-kept = Kept from the sample because people or events are attached to them ({ $count }): { $names }. A later file removes them once nothing is attached.
directory-line-error = Row { $line }: { $problem }
directory-more-errors = …and { $count } more.
csv-problem-empty-name = empty name
csv-problem-too-long = name too long
csv-problem-duplicate = duplicate
csv-problem-bad-code = the code must be Latin letters without spaces
directory-report-without-district = In no district (a blank cell in the district column): { $count }.
directory-report-moved = 🏙 Moved to another district: { $count }, with { $people } teachers and methodologists.
directory-no-district = no district
directory-move-line = • { $school }: { $from } → { $to } (people: { $people })
directory-moves-ask =
    ⚠️ Schools in the file named like a school that is now in another district: { $count } ({ $people } people at them). Nothing is loaded yet.
    Are these the same schools, moved to another district (with their teachers), or other schools of the same name?
directory-moves-move = 🏙 The same — move them
directory-moves-new = ➕ Others — add as new
directory-moves-cancel = Cancel
csv-problem-ambiguous = several districts have a school of this name — add a “district” column
error-csv-empty = The file has no data rows.
error-table-unreadable = Could not read the file as CSV: check the quotes (every opening quote needs a closing one). Or save the table as an Excel workbook (.xlsx).
error-table-encoding = Could not read the file's text: its encoding is not recognised or the text is already garbled (“���”). Open the table in Excel, save it as an Excel workbook (.xlsx) or as “CSV UTF-8” and send it again.
error-table-xls = This is the old Excel format (.xls). Open the file in Excel, save it as an Excel workbook (.xlsx) or as “CSV UTF-8” and send it again.
error-table-xlsx-unreadable = Could not open the Excel file: it is damaged or not a table. Save it again in Excel as an Excel workbook (.xlsx) or as “CSV UTF-8”.
error-table-too-long = Too many rows: at most { $max }.
directory-report-garbled-removed = 🧹 Removed entries with garbled names (loaded earlier from a file in the wrong encoding): { $count }.
directory-report-garbled-kept = Entries with garbled names kept because people or events are attached to them: { $count }.
error-csv-unknown-columns = The needed columns are missing. The first row must hold the headers: for schools <code>name</code> (or «Название»), for subjects <code>code</code> and <code>name_ru</code> (or «Код» and «Название»). Headers in the file: { $found }.

## Dates (shared by all sections)

error-date-format = I could not read the date. Type it like <code>25.12 14:30</code> or <code>25.12.2026 14:30</code>.
error-date-invalid = There is no such date or time. Check the day, month and time.
error-date-past = That time has already passed. Give a date in the future.

## Links to cards (t.me/<bot>?start=course-12) and the Share button

share-button = 📤 Share
share-course-text = Course “{ $title }”: have a look and sign up in Metodset:
share-lesson-text = Open lesson “{ $topic }”: have a look and sign up in Metodset:
share-meeting-text = Meeting “{ $title }”: have a look and answer in Metodset:
start-link-unknown = This link is incomplete or out of date: there is nothing to open. Pick a section in the menu below 👇
