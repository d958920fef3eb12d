# The district's staff list (/staff), invitations, "Is this you?" at registration

cmd-staff = The district's staff list: load, links, invitations

staff-title = <b>Staff list</b>
staff-title-district = <b>Staff list · { $district }</b>
staff-summary =
    On the list: <b>{ $active }</b>, of them in the bot: { $linked }, not in the bot yet: <b>{ $notInBot }</b>.
    Left (kept in this year's reports): { $left }.
    Last changed: { $date }.
staff-summary-empty = No staff list loaded yet. Send the export of the school information system: from then on the reports count every teacher of the district, not only those in the bot.
staff-load-button = 📥 Load the list
staff-unlinked-button = 🔗 Not linked
staff-invite-button = ✉️ Invitations by school

staff-ask-file =
    Send the staff list as an <b>.xlsx</b> or <b>.csv</b> file, as the school information system exports it (up to { $max } rows).
    Columns (any order, extra ones are ignored): <b>Full name</b> (or Surname, First name, Patronymic), <b>School</b>, Position, Subjects, Category, Category date (or "Valid until"), Last course. Dates as 15.03.2024, 15.03.24 or 2024-03-15.
    First I show what would change; I apply it only once you confirm.
staff-not-table = This is not a spreadsheet. Send an .xlsx or .csv file.
staff-file-too-big = The file is too big: { $max } at most.
staff-nothing-changed = Nothing was changed. Fix the file and send it again (or /cancel).
staff-plan-title =
    <b>File checked</b> (nothing changed yet)
    Rows: { $rows }
    ➕ To add: { $added }
    ✏️ To change: { $changed }
    ↩️ Back on the list: { $returned }
    🚪 To mark as having left: { $left }
    Unchanged: { $unchanged }
    ⚠️ Unreadable: { $errors }
staff-plan-done =
    ✅ <b>Staff list loaded</b>
    Rows: { $rows }
    ➕ Added: { $added }
    ✏️ Changed: { $changed }
    ↩️ Back on the list: { $returned }
    🚪 Marked as having left: { $left }
    Unchanged: { $unchanged }
    ⚠️ Unreadable: { $errors }
staff-plan-person = • { $name } — { $school }
staff-plan-more = …and { $count } more
staff-plan-added = <b>To add:</b>
staff-plan-changed = <b>To change:</b>
staff-plan-left = <b>Not in the new file: to be marked as having left</b> (not deleted):
staff-plan-errors = <b>Rows that could not be read:</b>
staff-plan-error = row { $line }: { $problem }
staff-plan-nothing = Everything is already as in the file: nothing to change.
staff-plan-confirm = Apply?
staff-apply = ✅ Apply
staff-cancel = ❌ Cancel
staff-cancelled = Cancelled, nothing changed.
staff-unknown-schools = ⚠️ The file names schools the directory does not have ({ $count }). Add them with /directory or fix the names:
staff-unknown-school = • "{ $school }" (rows { $lines }; { $rows } in all). Similar: { $suggestions }

staff-problem-no-name = no full name
staff-problem-no-school = no school
staff-problem-bad-category = unknown category (expected: highest, first, compliance, none)
staff-problem-bad-category-date = the category's date cannot be read
staff-problem-bad-course-date = the course date cannot be read
staff-problem-too-long = a cell's text is too long
staff-problem-duplicate = this person is already listed above (same school and name)
staff-problem-ambiguous-school = several schools have this name: add a "District" column

error-staff-empty = The file has no rows of people.
error-staff-no-name-column = No full-name column found. A header "Full name" (or "Surname", "First name", "Patronymic") is needed. The file's headers: { $found }.
error-staff-no-school-column = No school column found. A header "School" is needed. The file's headers: { $found }.
error-staff-too-long = Too many rows: { $max } at most. Split the file by district.
error-staff-unknown-schools = The file names schools the directory does not have ({ $count }): nothing was changed.
error-staff-not-found = Not found (or outside your district).
error-staff-already-linked = Already linked: this person or this row is linked to someone else.

staff-unlinked-staff = <b>On the list, not in the bot yet: { $count }</b>
staff-unlinked-people = <b>In the bot, not on the list: { $count }</b>
staff-link-hint = To link a person in the bot to a row of the list by hand, pick them below.
staff-link-pick-person = Whom to link?
staff-link-no-rows = The list of { $school } has no free rows for { $name }.
staff-link-pick-row = Which row of the list of { $school } is { $name }?
staff-linked = ✅ Linked.

staff-invite-nobody = Everyone on the list is in the bot already. 🎉
staff-invite-title =
    <b>Invitations</b>: schools with staff not in the bot yet: { $schools } (page { $page } of { $pages }).
    Pick a school: I send its link and a flyer with a QR code for the staff room.
staff-invite-school = { $school }: { $notInBot } of { $staff } not in the bot
staff-invite-file = Invitation {$school}
staff-invite-caption =
    Invitation for { $school } (not in the bot yet: { $notInBot }).
    Link to share in the school's chat: { $url }
    It picks the school by itself, and a teacher is offered her row of the list.

staff-pdf-title = The district's methodological network, in Telegram
staff-pdf-lead = Professional-development courses, colleagues' open lessons, a bank of teaching materials and subject association meetings: in one bot, on your phone.
staff-pdf-point-courses = sign up for courses in two taps, with reminders;
staff-pdf-point-lessons = open lessons of colleagues from other schools;
staff-pdf-point-materials = lesson plans and materials, the best on top;
staff-pdf-point-meetings = association meetings and seminars in your calendar.
staff-pdf-steps-title = How to join (one minute)
staff-pdf-step-1 = Point your phone's camera at the QR code (or find { $bot } in Telegram).
staff-pdf-step-2 = Press "Start", choose a language and give your consent; { $school } is already chosen.
staff-pdf-step-3 = Type your full name and confirm that you are the one on the school's staff list.
staff-pdf-privacy = The staff list is processed by the employer (the school and the education department). The bot links you to your row only with your consent; /deleteme erases everything you told the bot, and that link.

school-invited = 🏫 School: { $school } (by invitation).
staff-match-ask = The school's staff list has <b>{ $name }</b> ({ $position }). Is this you?
staff-match-ask-near = The school's staff list has similar entries. Is one of them you?
staff-match-not-me = No, that is not me
staff-match-refused = All right, not linked.
staff-match-chosen = ✅ That is you: { $name }. The category and courses the school's list has count until you give your own.

staff-coverage-line = By the district's staff list: not in the bot yet { $notInBot }; courses known from the bot: { $byBot }, from the list: { $byStaff }.
staff-attestation-line = By the district's staff list: not in the bot yet { $notInBot }; category taken from the list (none given in the bot): { $fromStaff }.
staff-teachers-line = On the district's staff list: { $listed }, of them not in the bot yet: <b>{ $notInBot }</b>; invitations: /staff.
staff-col-not-in-bot = Not in the bot
staff-col-in-bot = In the bot
staff-col-listed = On the list
staff-col-source = Source
staff-source-bot = bot
staff-source-staff = staff list
web-staff-not-in-bot = not in the bot yet
