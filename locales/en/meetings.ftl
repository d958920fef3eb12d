# Meetings: association meetings, seminars, master classes, methodological days, conferences, councils.

cmd-meetings = Meetings
cmd-newmeeting = Schedule a meeting
cmd-meetings_admin = My meetings: answers, changes, attendance

meeting-kind-association = Subject association meeting
meeting-kind-seminar = Seminar
meeting-kind-master_class = Master class
meeting-kind-method_day = Methodological day
meeting-kind-conference = Conference
meeting-kind-council = Methodological council

meeting-audience-everyone = 👥 All teachers
meeting-audience-subjects = 📚 By subject
meeting-audience-schools = 🏫 By school
meeting-audience-districts = 🏙 By district
meeting-audience-methodists = 🛠 Methodologists only

meeting-going = ✅ Going
meeting-not-going = ❌ Not going
meeting-rsvp-going = Noted: you are going.
meeting-rsvp-not-going = Noted: you are not going.

## Meeting card

meeting-card-head = 📅 <b>{ $kind }: { $title }</b>
meeting-card-time = 🕒 { $when } ({ $minutes } min)
meeting-card-place = 📍 { $place }
meeting-card-link = 💻 Online: { $url }
meeting-card-agenda = 📝 { $agenda }
meeting-card-deadline = ⏳ Answer by { $deadline }
meeting-card-cancelled = ❌ <b>The meeting is cancelled.</b>
meeting-card-district = 🏙 District: { $district }
meeting-card-districts = 🏙 { $count ->
    [1] District
   *[other] Districts
}: { $districts }
meeting-answer-going = Your answer: going ✅
meeting-answer-not-going = Your answer: not going ❌
meeting-answer-none = You have not answered yet.

## A teacher's Meetings section

meeting-list-title = 📅 <b>Your upcoming meetings</b>
meeting-list-empty = 📅 No upcoming meetings for you yet. When a methodologist schedules one, the bot will invite you.
meeting-record = { $count ->
    [0] No meetings attended yet.
    [one] You have attended { $count } meeting.
   *[other] You have attended { $count } meetings.
}

## Notifications

meeting-announce =
    📅 <b>{ $kind }: { $title }</b>
    🕒 { $when }
    { $icon } { $place }{ $hasAgenda ->
        [yes] {"\u000A"}📝 { $agenda }
       *[no] {""}
    }

    { $hasDeadline ->
        [yes] Will you come? Please answer by { $deadline }.
       *[no] Will you come? Please answer with the buttons below.
    }
meeting-nudge =
    ❓ { $late ->
        [yes] Soon
       *[other] Tomorrow
    }: { $kind } “{ $title }”, { $when }.
    { $icon } { $place }
    You have not answered yet whether you will come. Please answer with the buttons below.
meeting-reminder =
    ⏰ <b>Reminder</b>: { $kind } “{ $title }” — { $when }.
    { $icon } { $place }
meeting-moved =
    🕒 <b>The meeting has moved</b>: { $kind } “{ $title }”.
    Was: { $old }
    Now: <b>{ $when }</b>
    { $icon } { $place }
    If it is already in your calendar, add it again and the entry will be updated.
meeting-relocated =
    { $icon } <b>The meeting has a new place</b>: { $kind } “{ $title }”, { $when }.
    Now: <b>{ $place }</b>
meeting-cancelled-notice = ❌ <b>The meeting is cancelled</b>: { $kind } “{ $title }”, { $when }. We apologise.

## Creating a meeting

meeting-chosen = Chosen: { $value }
meeting-ask-kind = 📅 <b>New meeting.</b> What kind is it?
meeting-ask-title = The title, e.g. <i>Maths teachers' association: preparing for the exams</i>.
meeting-ask-agenda = The agenda or a short description (several lines are fine). Send “-” to skip.
meeting-ask-start = When does it start? Type the date and time, e.g. <code>25.12 14:30</code> or <code>25.12.2026 14:30</code>.
meeting-ask-duration = How long will it last? E.g. <code>90</code> (minutes), <code>1:30</code> or <code>2 h</code>.
meeting-ask-venue = Where? Type the address and room (e.g. <i>Gymnasium No. 2, room 14</i>) or the link of an online meeting (https://...).
meeting-ask-audience = Whom do you invite?
meeting-ask-schools = Tick the schools whose teachers you invite, then press Done.
meeting-schools-done = Done ✔️
meeting-schools-found = Schools found: tick the ones you need (or type another query):
meeting-schools-chosen = 🏫 Schools chosen: { $count }
meeting-expect-schools = Tick the schools with the buttons above and press Done. To leave, send /cancel.
meeting-ask-districts = Teachers of which districts are you inviting? Tick the districts and press Done.
meeting-expect-districts = Tick the districts with the buttons above and press Done. To leave, send /cancel.
meeting-ask-deadline = Until when may people answer Going / Not going? Type a date and time (not after the start) or “-” to accept answers until the meeting starts.
meeting-preview = 👀 <b>Check the meeting before publishing:</b>
meeting-reach = { $count ->
    [one] 1 person
   *[other] { $count } people
} will get the invitation.
meeting-publish = 📣 Publish
meeting-discard = Cancel
meeting-discarded = All right, the meeting was not published.
meeting-published = ✅ The meeting is published. The invitation is on its way to { $count ->
    [one] 1 person
   *[other] { $count } people
}. Answers and attendance: /meetings_admin

## Changing a meeting

meeting-ask-new-start = The new start date and time, e.g. <code>25.12 14:30</code>.
meeting-ask-new-venue = The new place or online link.
meeting-updated = ✅ The meeting is changed. Everyone who may come (all but those who said they can't) has been told.

## Methodologist's tools

meeting-new-button = ➕ Schedule a meeting
meeting-admin-list = 📅 <b>Meetings</b> (upcoming and of the last month). Choose one:
meeting-admin-empty = No meetings yet.
meeting-admin-counts = Invited: { $audience } · going: { $going } · not going: { $notGoing } · attended: { $attended }
meeting-admin-answers = 👥 Answers
meeting-admin-time = 🕒 Move
meeting-admin-place = 📍 Change place
meeting-admin-cancel = ❌ Cancel the meeting
meeting-admin-attendance = ✅ Mark attendance
meeting-answers-title = 👥 <b>Answers</b>
meeting-answers-none = Nobody has answered yet.
meeting-answers-going = ✅ { $name }
meeting-answers-not-going = ❌ { $name }
meeting-answers-none-yet = ▫️ { $name }
meeting-answers-silent = ▫️ <b>Not answered: { $count }</b>
meeting-answers-silent-more = …and { $count } more — all of them are in the spreadsheet (📥 Spreadsheet).
meeting-cancel-confirm = Cancel the meeting? Everyone who said they are going or has not answered yet will be told; no reminders will be sent.
meeting-cancel-yes = Yes, cancel
meeting-cancel-no = No
meeting-cancel-done = ❌ The meeting is cancelled; participants have been told.
meeting-cancel-kept = All right, the meeting stays.
meeting-attend-title = ✅ <b>Attendance.</b> Tap a name to mark whether they came. Everyone invited is listed: first those who said they were going (✋), then the rest.
meeting-attend-nobody = There is no one to mark: nobody was invited to this meeting and nobody answered.
meeting-attend-all-going = ✅ Mark everyone who said Going
meeting-attend-all-done = Marked: { $count }

## Errors

error-meeting-title-length = The title must be 3 to { $max } characters long.
error-meeting-agenda-too-long = Too long: at most { $max } characters.
error-meeting-duration-format = I did not understand the duration. Type e.g. <code>90</code>, <code>1:30</code> or <code>2 h</code>.
error-meeting-duration-range = The duration must be between 5 minutes and 12 hours.
error-meeting-bad-link = That does not look like an online meeting link. Copy it whole, starting with https://
error-meeting-place-length = The place must be 3 to { $max } characters long.
error-meeting-place-missing = Give a place or an online link.
error-meeting-audience-empty = Choose at least one school or subject, otherwise there is nobody to invite.
error-meeting-districts-empty = Tick at least one district, otherwise there is nobody to invite.
error-meeting-deadline-after-start = The answer deadline cannot be after the start of the meeting.
error-meeting-not-found = This meeting no longer exists.
error-meeting-cancelled = This meeting is cancelled.
error-meeting-started = The meeting has already begun.
error-meeting-not-started = The meeting has not begun yet: attendance is marked after the start.
error-meeting-rsvp-closed = The deadline for answering this invitation has passed. If your plans changed, write to the methodologist.
error-meeting-not-for-you = This meeting is for another group of teachers.
meeting-ask-subjects = 📚 Teachers of which subjects is the meeting for? Tick all and press Done.

## Editing the title, agenda, duration
meeting-admin-duration = ⏱ Duration
meeting-admin-title = ✏️ Title
meeting-admin-agenda = 📝 Agenda
meeting-revised = ✅ Corrected. Nobody was notified; the “📅 Add to calendar” button now gives a file with the new text.
meeting-duration-changed =
    🕒 <b>The meeting's length has changed</b>: { $kind } “{ $title }”, { $when }.
    Now: { $minutes } min.
    If it is already in your calendar, add it again and the entry will be updated.

## Changing the audience
meeting-admin-audience = 👥 Who is invited
meeting-audience-changed =
    ✅ The meeting's audience is changed. { $count ->
        [0] Nobody new is invited: everyone it is now for has had the invitation.
       *[other] The invitation is on its way to { $count ->
            [one] 1 more person
           *[other] { $count } more people
        }.
    }
    Those who have answered keep their answer.
error-meeting-unchanged = That is what it is already: nothing was changed and nobody was notified.
