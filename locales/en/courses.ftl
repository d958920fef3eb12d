# Professional-development courses: catalog, sign-up, waiting list, course management.
cmd-courses = Professional-development courses
cmd-mycourses = My courses
cmd-newcourse = Create a course
cmd-courses_admin = Manage courses

course-format-in-person = in person
course-format-online = online
course-format-visiting = on-site in the district
course-status-open = registration open
course-status-closed = registration closed
course-status-cancelled = course cancelled
course-status-finished = course finished
course-status-deadline-passed = registration deadline passed
course-status-running = course under way

course-seats-left = seats left: { $left } of { $seats }
course-seats-waiting = { $seats ->
        [one] the only seat is taken
       *[other] all { $seats } seats taken
    } — join the waiting list
course-seats-full = { $seats ->
        [one] the only seat is taken
       *[other] all { $seats } seats taken
    }
course-summary =
    <b>{ $title }</b>
    { $provider } · { $format }
    📅 { $dates } · { $hours } h
    🪑 { $seats }
    ⏳ Register by { $deadline }
course-card =
    { $description }

    📍 { $place }
    📚 Subjects: { $subjects }
    Status: { $status }
course-your-status = Your registration: { $status }
course-district-line = 🏙 For teachers of the { $district } district

course-catalog-title = 📚 <b>Professional-development courses</b> (open: { $total }). Your subjects first.
course-catalog-empty = No course is open for registration now. We will tell you when one for your subjects appears.
course-mine-button = 🗂 My courses
course-back-button = ◀ Back
course-new-button = ➕ New course
course-admin-button = 🛠 Manage courses
course-signup-button = ✍️ Sign up
course-open-button = Open the course

course-signed-up = ✅ You are registered for “{ $title }”. The seat is yours. { $reminder ->
        [day] You will be reminded the day before it starts.
        [hour] You will be reminded an hour before it starts.
       *[none] It starts { $start }.
    }
course-signed-up-waiting = “{ $title }” has no free seats now. You are number { $position } on the waiting list. If a seat frees up, the bot will offer it to you.

course-mine-title = 🗂 <b>My courses</b>: { $total }
course-mine-empty = You have not signed up for any course yet. Open “📚 Courses” to choose one.
course-my-line =
    <b>{ $title }</b> · { $dates }
    { $status }
course-reg-registered = ✅ registered, the seat is yours
course-reg-waiting = ⏳ waiting list, number { $position }
course-reg-offered = 🔔 a seat is offered to you: answer by { $until }
course-reg-completed = 🎓 completed
course-reg-cancelled = ✖ registration cancelled
course-reg-course-cancelled = ❌ the course is cancelled
course-reg-declined = ✖ you declined the seat
course-reg-expired = ✖ the seat offer expired
course-reg-missed = ✖ no seat freed up in time
course-reg-finished = 🏁 the course is over; the methodologist marks completion
course-leave-button = Cancel registration:
course-leave-confirm = Cancel your registration for “{ $title }”? Your seat (or your place on the waiting list) goes to the next person.
course-leave-yes = Yes, cancel
course-leave-no = No, keep it
course-leave-kept = Your registration is kept.
course-left = Registration cancelled.

course-offer-notice = 🔔 A seat has freed up on “{ $title }” and it is yours if you confirm. Answer by { $until }, otherwise it passes to the next person in the queue.
course-offer-shortened-notice = 🔔 “{ $title }” now starts earlier, so please answer the seat offered to you by { $until }; otherwise it passes to the next person in the queue.
course-offer-extended-notice = 🔔 “{ $title }” has moved later, so you now have until { $until } to answer the seat offered to you.
course-offer-accept = ✅ Take the seat
course-offer-decline = ✖ Decline
course-offer-accepted = ✅ The seat on “{ $title }” is yours. You are registered.
course-offer-declined = You declined the seat. It passes to the next person in the queue.
course-offer-expired-notice = Time to answer ran out: the seat on “{ $title }” went to the next person in the queue. You can sign up again under “📚 Courses” while registration is open.

course-new-notice =
    📚 A new course for your subjects: <b>{ $title }</b>
    { $provider }, starts { $start }. Register by { $deadline }.
course-changed-notice = ✏️ The dates or place of “{ $title }” have changed. Open “🗂 My courses” to see them.
course-cancelled-notice = ❌ The course “{ $title }” is cancelled. Your registration is withdrawn.
course-reminder =
    ⏰ Reminder: “{ $title }” starts { $late ->
        [yes] soon.
       *[other] tomorrow.
    }
    Start: { $start }
    📍 { $place }
course-reminder-soon =
    ⏰ “{ $title }” starts { $late ->
        [yes] at { $start }.
       *[other] soon: { $start }.
    }
    📍 { $place }

course-admin-title = 🛠 <b>Courses</b> ({ $total }): running first, then finished 🏁
course-admin-empty = No current courses. Create one with /newcourse.
course-admin-counts = Seats taken: { $taken } of { $seats }
course-admin-view-only = 👁 This is a course for all districts: the region's methodologists and admins edit it, close registration, cancel it and mark completion. You see the participants from your district.
course-participants-button = 👥 Participants
course-edit-button = ✏️ Edit
course-close-button = 🔒 Close registration
course-cancel-button = ❌ Cancel the course
course-closed-done = Registration is closed. Those registered and the waiting list are kept.
course-cancel-confirm = Cancel “{ $title }”? Everyone registered (seats taken: { $count }) and the waiting list will be told.
course-cancel-yes = Yes, cancel the course
course-cancel-no = No
course-cancel-kept = The course is not cancelled.
course-cancelled-done = The course is cancelled. Participants told: { $count }.
course-participants-title = 👥 <b>{ $title }</b>
course-participants-registered = <b>Registered ({ $count }):</b>
course-participants-offered = <b>Seat offered (awaiting an answer):</b>
course-participants-waiting = <b>Waiting list ({ $count }):</b>
course-participants-completed = <b>Completed ({ $count }):</b>
course-participants-none = —
course-participants-district-only = Only the participants from your district.
course-participant-line = { $n }. { $name }, { $school }
course-complete-all-button = 🎓 Mark everyone as completed
course-completed-done = Marked as completed: { $count }.

course-create-intro = Let's create a course. Send /cancel at any step to stop.
course-ask-title = Title of the course?
course-ask-description = Description: the programme, who it is for, what participants get.
course-ask-provider = Who runs the course (organisation)? For example: Regional Teachers' Institute.
course-ask-format = Format of the course:
course-ask-place = Where does it take place (address)?
course-ask-link = Link to the course or its online platform, e.g. <code>https://edu.example.org/course</code>
course-ask-start = Start date: <code>25.12</code> or <code>25.12.2026 10:00</code>.
course-ask-end = End date: <code>28.12</code> or <code>28.12.2026</code>.
course-ask-hours = How many hours is the programme? For example: 72.
course-ask-seats = How many seats (by the contract)?
course-ask-deadline = Registration deadline? For example <code>20.12</code> (end of that day) or <code>20.12 18:00</code>. Not later than the start.
course-ask-subjects = 📚 Which subjects is the course for? Their teachers see it first and are told about it. Tick all and press Done.
course-preview = Check the course before publishing. Once published, teachers of the chosen subjects are told.
course-publish-yes = ✅ Publish
course-publish-no = ✖ Don't publish
course-create-dropped = The course was not published.
course-published = ✅ “{ $title }” is published, registration is open.
course-edit-which = What do you want to change in “{ $title }”?
course-field-title = Title
course-field-description = Description
course-field-provider = Provider
course-field-format = Format
course-field-place = Place
course-field-start = Start
course-field-end = End
course-field-hours = Hours
course-field-seats = Seats
course-field-deadline = Deadline
course-field-subjects = Subjects
course-edited = ✅ The course is updated.

error-course-text-too-short = Too short: at least { $min } characters, please.
error-course-text-too-long = Too long: at most { $max } characters.
error-course-not-a-number = Please write a whole number, e.g. 72.
error-course-number-range = Please give a number from { $min } to { $max }.
error-course-end-before-start = The end date is before the start date. Please check the dates.
error-course-deadline-after-start = Registration must end no later than the course starts.
error-course-bad-link = That does not look like a link participants could open. Copy it in full, starting with https://
error-course-bad-format = Please choose the format with a button.
error-course-not-found = Course not found: it may have been removed.
error-course-is-cancelled = This course is cancelled.
error-course-closed = Registration for this course is closed.
error-course-deadline-passed = The registration deadline for this course has passed.
error-course-already-signed-up = You are already signed up for this course (or on its waiting list). See “🗂 My courses”.
error-course-registration-not-found = Registration not found.
error-course-cancel-completed = This course is already completed: the registration cannot be cancelled.
error-course-cancel-started = The course has already started: the registration cannot be cancelled. If you cannot take part, tell the methodologist.
error-course-already-cancelled = This registration is already cancelled.
error-course-registration-changed = The registration has just changed. Open “🗂 My courses” again.
error-course-offer-already-accepted = You have already accepted this seat: you are registered.
error-course-offer-expired = Time to answer ran out and the seat went to the next person in the queue. If registration is still open, you can sign up again.
error-course-offer-gone = This offer is no longer valid.
error-course-not-editable = A cancelled or finished course cannot be changed.
error-course-seats-below-taken = There cannot be fewer seats than already taken ({ $taken }).
error-course-not-open = Registration for the course is already closed.
error-course-not-started = The course has not started yet: too early to mark completion.
error-course-not-registered = This participant is not registered for the course (maybe already marked).
error-course-not-for-your-district = This course is for the teachers of another district: you cannot open it or sign up for it.
error-course-other-district = This is another district's course: that district's methodologists manage it.
error-course-regional-read-only = This is a course for all districts: only the region's methodologists and admins can edit it, close registration, cancel it or mark completion.
