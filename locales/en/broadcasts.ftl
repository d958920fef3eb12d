# Methodologists' broadcasts: an announcement to the right teachers and a delivery report.

cmd-broadcast = Send an announcement
cmd-broadcasts = Past broadcasts and reports

## The announcement

broadcast-ask-message =
    📣 <b>New announcement</b>
    Send the text exactly as teachers should see it: bold, italics and links are kept.
    You may attach one photo or one document; the text then becomes its caption.
    To leave, send /cancel.
broadcast-expect-message = Send the announcement's text, a photo or a document. To leave, send /cancel.
error-broadcast-empty = The announcement has neither text nor an attachment.
error-broadcast-too-long = Too long: at most { $max } characters (a caption of a photo or document is shorter than a message).
error-broadcast-album = An announcement can carry one photo or one document, not an album. Send just one (several files: put them into one document or archive).

## Audience

broadcast-audience-panel =
    👥 <b>Who should receive it?</b>
    Choose conditions with the buttons. With several conditions, only people who match all of them receive it (e.g. mathematics teachers of school No. 5).
broadcast-audience-now = <b>Recipients:</b>
broadcast-audience-everyone = every registered teacher and methodologist
broadcast-audience-and = { " " }and{ " " }
broadcast-audience-subjects = subjects: { $list }{ $more ->
        [0] {""}
       *[other] { " " }and { $more } more
    }
broadcast-audience-schools = schools: { $list }{ $more ->
        [0] {""}
       *[other] { " " }and { $more } more
    }
broadcast-audience-roles = role: { $list }
broadcast-audience-course = participants of the course “{ $title }”{ $waiting ->
    [yes] {" "}with its waiting list
   *[no] {""}
}
broadcast-audience-meeting = participants of the meeting “{ $title }”
broadcast-audience-no-course = teachers with no course in the { $year } academic year
broadcast-audience-districts = districts: { $list }{ $more ->
        [0] {""}
       *[other] { " " }and { $more } more
    }
broadcast-audience-district = District: { $name }
broadcast-role-teacher = teachers
broadcast-role-methodist = methodologists
broadcast-urgent-note-on = 🔔 <b>Urgent</b>: everyone receives it, even those who muted announcements in their profile.
broadcast-urgent-note-off = A regular announcement: those who muted announcements in their profile do not receive it.
broadcast-recipients = Recipients: <b>{ $count }</b>
broadcast-filter-subjects = 📚 Subjects
broadcast-filter-schools = 🏫 Schools
broadcast-filter-roles = 👤 Role
broadcast-filter-course = 🎓 Course
broadcast-filter-course-waiting = ⏳ And the course's waiting list
broadcast-filter-meeting = 📅 Meeting
broadcast-filter-no-course = 📉 No course this year
broadcast-filter-districts = 🏙 Districts
broadcast-filter-everyone = ↺ Everyone (reset)
broadcast-urgent-on = 🔔 Urgent: yes
broadcast-urgent-off = 🔕 Urgent: no
broadcast-next = Next: preview ➡️
broadcast-pick-done = Done
broadcast-pick-none = Without this condition
broadcast-pick-subjects = Tick the subjects and press Done. Nothing ticked means any subject.
broadcast-pick-schools = Tick the schools and press Done. Nothing ticked means any school. To find a school, type a word of its name or its number.
broadcast-pick-roles = Which roles? Tick them and press Done.
broadcast-pick-districts = People of which districts? Tick them and press Done. Nothing ticked means every district.
broadcast-pick-course = Participants of which course? (registered, offered a seat, or completed) To find a course, type a word of its title.
broadcast-pick-meeting = Participants of which meeting? (answered “going” or marked as attended) To find a meeting, type a word of its title.
broadcast-no-courses = There are no courses yet, so this condition cannot be chosen.
broadcast-no-meetings = There are no meetings yet, so this condition cannot be chosen.
error-broadcast-no-recipients = Nobody matches the chosen conditions. Change them.

## Preview and sending

broadcast-preview-title = 👀 <b>Preview.</b> This is what recipients will see:
broadcast-preview-check = Is everything right? Once you confirm, the messages go out at once and you see a delivery report.
broadcast-confirm-button = ✅ Send
broadcast-edit-button = ✏️ Edit
broadcast-cancel-button = ✖️ Cancel
broadcast-cancelled = Broadcast cancelled; nothing was sent.
broadcast-edit-what = What do you want to change?
broadcast-edit-message = ✏️ The text
broadcast-edit-audience = 👥 The recipients
error-broadcast-already-confirmed = This broadcast has already been sent; it will not go out again.
error-broadcast-not-found = Broadcast not found.
error-broadcast-scope-changed = This draft was prepared when you worked for another district, so it will not be sent now. Prepare the broadcast again: /broadcast
error-broadcast-not-running = This broadcast has already finished or been stopped.
error-broadcast-stop-not-yours = Only the author of this broadcast or an administrator can stop it. If something is wrong with it, tell them.

## Report

broadcast-report =
    📣 <b>Broadcast #{ $id }</b>: { $status ->
        [sending] sending…
        [stopped] stopped
       *[done] finished
    }
    Recipients: { $total }
    ✅ Delivered: { $sent }
    ⏳ Queued: { $queued }
    🚫 Blocked the bot: { $blocked }
    ⚠️ Failed: { $failed }
    ✖️ Cancelled: { $cancelled }
broadcast-stop-button = ⏹ Stop the broadcast
broadcast-stopped = Broadcast stopped. Not sent: { $count }.
broadcast-summary =
    🏁 <b>Broadcast #{ $id } finished.</b>
    Delivered { $sent } of { $total }. Blocked the bot: { $blocked }, failed: { $failed }.
broadcast-summary-stopped =
    ⏹ <b>Broadcast #{ $id } stopped.</b>
    Delivered { $sent } of { $total }, cancelled { $cancelled }. Blocked the bot: { $blocked }, failed: { $failed }.

## List

broadcast-list-empty = No broadcasts yet. Start one with /broadcast.
broadcast-list-title = 📣 <b>Broadcasts</b> ({ $total } in all), newest first:
broadcast-list-head = <b>#{ $id }</b> · { $date } · { $status ->
        [sending] sending
        [stopped] stopped
       *[done] finished
    }{ $urgent ->
        [yes] { " " }· 🔔 urgent
       *[no] {""}
    }
broadcast-list-text = { $author }: { $attachment ->
        [photo] 🖼{ " " }
        [document] 📎{ " " }
       *[none] {""}
    }“{ $text }”
broadcast-list-counts = ✅ { $sent } of { $total } · ⏳ { $queued } · 🚫 { $blocked } · ⚠️ { $failed } · ✖️ { $cancelled }
broadcast-list-stop-button = ⏹ Stop broadcast #{ $id }
broadcast-search-none = Nothing found. Try other words or pick with the buttons above.

## Survey: a question with answer options

broadcast-filter-question = 📊 Answer options (survey)
broadcast-edit-question = 📊 Answer options
broadcast-question-note = 📊 <b>Survey</b>: { $count } answer { $count ->
        [one] option
       *[other] options
    } as buttons under the message, { $multiple ->
        [yes] several may be ticked
       *[no] one may be chosen
    }.
broadcast-question-ask =
    📊 <b>Answer options</b>
    The announcement's text becomes the question and the options become buttons under it. Send the options in one message, one per line: 2 to 8 options, each at most 60 characters. For example:
    <i>Yes, I will come
    No, I can't
    Not sure yet</i>
broadcast-question-current = Now: { $list }
broadcast-question-keep = ↩️ Keep these options
broadcast-question-remove = 🗑 Remove the options (a plain announcement)
broadcast-question-back = ⬅️ No answer options
broadcast-question-expect-text = Type the answer options, one per line, or press a button above.
broadcast-question-mode = How many options may each person choose?
broadcast-question-single = 🔘 One
broadcast-question-multiple = ☑️ Several
broadcast-question-removed = The answer options are removed: this is a plain announcement again.
broadcast-preview-option = This is a preview: this is how teachers will choose their answer.
error-broadcast-options-count = You need { $min } to { $max } options, one per line; your message has { $count }.
error-broadcast-option-empty = Option { $n } is empty: remove the blank line between the options.
error-broadcast-option-too-long = Option { $n } is too long: { $length } characters, and a button holds at most { $max }. Shorten it.
error-broadcast-option-duplicate = The option “{ $option }” is repeated. The options must differ.
error-broadcast-question-no-text = A survey needs a question: the answer options become buttons under its text. Send an announcement with text (a photo or document with a caption).

## A teacher's answer

broadcast-answer-saved = ✅ Answer saved. Changed your mind? Press another option.
broadcast-answer-ticked = ☑️ Ticked. Options chosen: { $count }. Press it again to untick it.
broadcast-answer-unticked = Unticked. Options chosen: { $count }.
error-broadcast-answer-not-yours = This survey was not addressed to you, so your answer was not recorded. Thank you for wanting to help!
error-broadcast-question-closed = The survey is closed: answers are no longer accepted. Thank you!
error-broadcast-question-not-found = Survey not found.

## Survey results

broadcast-results-title = 📊 <b>Answers</b>: { $answered } of { $reached } recipients answered{ $closed ->
        [yes] { " " }· 🔒 survey closed
       *[no] {""}
    }
broadcast-results-line = { $n }. { $option }: { $count } ({ $percent }%)
broadcast-results-multiple = Several options could be ticked, so the percentages are of those who answered and may add up to more than 100.
broadcast-results-hidden = 📊 Survey ({ $count } { $count ->
        [one] option
       *[other] options
    }): only the author and administrators see the answers.
broadcast-close-button = 🔒 Close the survey
broadcast-sheet-button = 📊 Answers (.xlsx)
broadcast-list-close-button = 🔒 Close survey #{ $id }
broadcast-list-sheet-button = 📊 Answers #{ $id } (.xlsx)
broadcast-question-closed-now = 🔒 Survey closed: no more answers are accepted.
error-broadcast-question-not-yours = Only the author of the broadcast and administrators can see the answers and close the survey.
error-broadcast-question-already-closed = This survey is already closed.
broadcast-sheet-answers = Answers
broadcast-sheet-counts = Totals
broadcast-sheet-col-district = District
broadcast-sheet-no-district = no district
broadcast-sheet-col-answer = Answer
broadcast-sheet-col-option = Answer option
broadcast-sheet-col-count = Chosen by
broadcast-sheet-col-percent = % of answers
broadcast-sheet-total = Answered { $answered } of { $reached }
broadcast-sheet-caption = 📎 Answers to survey #{ $id } “{ $text }” as of { $date }: { $answered } of { $reached } answered.
