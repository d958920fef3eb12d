# Open lessons: offering a lesson, moderation, sign-up, reminders, feedback.

cmd-moderate_lessons = Open lessons awaiting review

lesson-grade =
    { $grade ->
        [preschool] preschool group
       *[other] grade { $grade }
    }
lesson-grade-preschool-short = preschool
lesson-grade-preschool = Preschool group

lesson-card =
    🏫 <b>{ $topic }</b>
    📚 { $subject }, { $grade }
    👩‍🏫 Teacher: { $author }
    🕒 { $when } ({ $duration } min)
    { $online ->
        [yes] 💻 Online: { $url }
       *[other] 📍 { $school }, { $room }
    }
    🧩 Method / technology: { $method }
    🪑 Guests: { $taken } of { $seats }
    ⭐ { $ratingCount ->
        [0] No ratings yet
       *[other] Rated { $rating } of 5 ({ $ratingCount ->
            [one] 1 rating
           *[other] { $ratingCount } ratings
        })
    }
lesson-status =
    { $status ->
        [pending] ⏳ Waiting for a methodologist's review.
        [expired] ⌛ No methodologist reviewed the lesson before it began. Offer it again with a new date.
        [approved] ✅ Approved and visible to colleagues.
        [rejected] ❌ Rejected. Reason: { $reason }
       *[other] 🚫 Cancelled.
    }
lesson-you-going = ✅ You are signed up for this lesson.

## The list

lesson-list-title =
    🏫 <b>Colleagues' open lessons</b>
    Subject: { $subject } · { $grade } · found: { $total }
    Pick a lesson to see the details and sign up.
lesson-list-empty =
    🏫 <b>Colleagues' open lessons</b>
    Subject: { $subject } · { $grade }
    No upcoming lessons yet. Change the filter or offer a lesson of your own.
lesson-filter-all-subjects = All subjects
lesson-filter-all-grades = all grades
lesson-filter-subject-button = 📚 Subject
lesson-filter-grade-button = 🎓 Grade
lesson-filter-subject-ask = Lessons of which subject?
lesson-filter-grade-ask = Lessons for which grade?
lesson-best-button = ⭐ Best lessons
lesson-mine-button = 🗂 My lessons
lesson-offer-button = ➕ Offer a lesson
lesson-back-button = ⬅️ Back to the lessons
lesson-join-button = ✍️ Sign up
lesson-leave-button = ↩️ Withdraw
lesson-joined = You are signed up! We will remind you a day and an hour before.
lesson-left = Sign-up cancelled; your seat is now free for others.
lesson-open-card = 🏫 Open the lesson
lesson-calendar-title = Open lesson: { $topic }

## My lessons

lesson-mine-title = 🗂 <b>My open lessons</b>: { $total }
lesson-mine-empty = You have not offered any open lessons yet. Show colleagues your method!
lesson-mine-line =
    <b>{ $topic }</b> — { $when }
    { $status ->
        [pending] ⏳ under review
        [expired] ⌛ not reviewed in time
        [approved] ✅ approved
        [rejected] ❌ rejected
       *[other] 🚫 cancelled
    } · guests: { $taken } of { $seats } · { $ratingCount ->
        [0] no ratings
       *[other] ⭐ { $rating } ({ $ratingCount })
    }
lesson-move-button = 🕒 Move
lesson-cancel-button = 🚫 Cancel the lesson
lesson-cancel-confirm = Cancel the lesson? Colleagues who signed up will be told.
lesson-cancel-yes = Yes, cancel it
lesson-cancel-no = No, keep it
lesson-cancel-kept = Fine, the lesson stays on the schedule.
lesson-cancelled = 🚫 The lesson “{ $topic }” is cancelled. The guests have been told.
lesson-ask-new-time = 🕒 The lesson is now set for { $when }. When should it take place instead? For example: <code>25.12 14:30</code>.
lesson-changed-time = 🕒 The lesson “{ $topic }” is moved to { $when }. The guests will be told; the reminders are moved.

## Best lessons

lesson-best-title = ⭐ <b>Best lessons</b> · { $subject }
    Only lessons with at least { $min } ratings are ranked.
lesson-best-empty = ⭐ <b>Best lessons</b> · { $subject }
    No lesson has { $min } ratings yet. The ranking appears once colleagues rate past lessons.
lesson-best-line = { $n }. <b>{ $topic }</b> — { $author }, { $subject }, { $grade }: ⭐ { $rating } ({ $ratingCount ->
        [one] 1 rating
       *[other] { $ratingCount } ratings
    })

## Offering a lesson

lesson-offer-intro = ➕ <b>New open lesson</b>. Answer a few questions; at the end you will see the lesson as colleagues will. To leave: /cancel.
lesson-ask-subject = 📚 Which subject is the lesson?
lesson-offer-other-subject = Another subject…
lesson-chosen-subject = 📚 Subject: { $subject }
lesson-ask-grade = 🎓 Which grade (or group) is it for?
lesson-chosen-grade = 🎓 { $grade }
lesson-ask-topic = 📝 The lesson's topic? For example: <i>Adding fractions with different denominators</i>.
lesson-ask-method = 🧩 Briefly: which method or technology will you show? For example: <i>critical thinking, group work</i>.
lesson-ask-date = 🕒 When is the lesson? Type the date and time, e.g. <code>25.12 14:30</code> or <code>25.12.2026 14:30</code>.
lesson-ask-duration = ⏱ How many minutes does the lesson last? For example: <code>45</code>.
lesson-ask-place = 📍 Where will the lesson take place?
lesson-place-school-button = 🏫 At my school
lesson-place-online-button = 💻 Online
lesson-ask-room = 🏫 School: { $school }. Which room? For example: <i>room 21</i>.
lesson-ask-url = 💻 Send the link to the online lesson, e.g. <code>https://sferum.ru/...</code>
lesson-ask-seats = 🪑 How many guests can you take?
lesson-preview = 👀 <b>Check the lesson</b> — this is how colleagues will see it:
lesson-submit-button = ✅ Send for review
lesson-publish-button = ✅ Publish
lesson-discard-button = ✖️ Don't send
lesson-discarded = Fine, the lesson was not sent.
lesson-submitted = 📨 The lesson is sent to a methodologist for review. We will tell you when it is approved.
lesson-published = ✅ The lesson is published: colleagues can see it among the open lessons and sign up now.
lesson-offer-again = Please start again: “Open lessons” → “Offer a lesson”.

## Moderation

lesson-queue-title = 🛠 <b>Lessons awaiting review</b>: { $total }. The oldest:
lesson-queue-empty = 🛠 No lessons await review.
lesson-queue-open = 🛠 Open the queue
lesson-approve-button = ✅ Approve
lesson-reject-button = ❌ Reject
lesson-approved = ✅ The lesson “{ $topic }” is approved; its author will be told.
lesson-ask-reason = Write the reason for the rejection; the author will get it. For example: <i>please specify the topic and the room</i>.
lesson-rejected = ❌ The lesson “{ $topic }” is rejected; its author will get the reason.

## Notices

lesson-notice-submitted =
    🛠 A new open lesson awaits review: <b>{ $topic }</b>
    { $author }, { $subject }, { $grade }, { $when }.
lesson-notice-approved =
    ✅ Your open lesson “{ $topic }” ({ $when }) was approved by a methodologist. Colleagues can sign up now.
lesson-notice-rejected =
    ❌ Your open lesson “{ $topic }” was not approved.
    Reason: { $reason }
    Correct it on the lesson's card (“My lessons”) and send it for review again.
lesson-notice-moved =
    🕒 The open lesson “{ $topic }” has moved: it is now on { $when }.
    If the new time does not suit you, withdraw on the lesson's card.
lesson-notice-expired =
    ⌛ No methodologist reviewed your open lesson “{ $topic }” ({ $when }) before it began, so colleagues did not see it.
    If you want to hold it for colleagues, offer the lesson again with a new date.
lesson-notice-cancelled = 🚫 The open lesson “{ $topic }” ({ $when }) was cancelled by its author.
lesson-notice-guests =
    👥 Your open lesson “{ $topic }”, { $when }

    { $changes }

    Guests signed up now: { $taken } of { $seats }.
lesson-guests-joined = Signed up ({ $count }):
lesson-guests-left = Withdrew ({ $count }):
lesson-guests-more = …and { $count } more
lesson-reminder-day =
    🔔 { $late ->
        [yes] Reminder
       *[other] Tomorrow
    }: the open lesson “{ $topic }”
    🕒 { $when }
    { $online ->
        [yes] 💻 { $url }
       *[other] 📍 { $school }, { $room }
    }
lesson-reminder-hour =
    🔔 { $late ->
        [yes] Soon
       *[other] In an hour
    }: the open lesson “{ $topic }”
    🕒 { $when }
    { $online ->
        [yes] 💻 { $url }
       *[other] 📍 { $school }, { $room }
    }
lesson-feedback-request =
    📝 Thank you for attending the open lesson “{ $topic }” ({ $author })!
    Please rate it: it takes a minute and helps colleagues find the best methods. You can change your rating within { $days } days.
lesson-summary =
    📊 <b>Feedback on your open lesson “{ $topic }”</b>
    Ratings: { $count }
    Clarity of the goal: { $goal }
    Use of the method: { $method }
    Pupils' activity: { $activity }
    Overall: ⭐ { $overall }
    Comments:
    { $comments }
lesson-summary-empty = 📊 Your open lesson “{ $topic }” is over, but the guests have not rated it yet.

## Rating a lesson

lesson-rate-button = ⭐ Rate the lesson
lesson-rate-intro = 📝 Rating the lesson “{ $topic }”: each point from 1 (weak) to 5 (excellent).
lesson-rate-intro-again = 📝 You already rated the lesson “{ $topic }”. Your new answers will replace the old ones.
lesson-rate-ask-goal = 🎯 How clearly was the lesson's goal set?
lesson-rate-ask-method = 🧩 How well was the method used?
lesson-rate-ask-activity = 🙋 How active were the pupils?
lesson-rate-ask-comment = 💬 Write a short comment or advice for the author, or press “Skip”.
lesson-rate-skip = Skip
lesson-rate-thanks = 🙏 Thank you! Your rating is saved.

## Errors

error-lesson-not-found = This lesson was not found; it may have been removed.
error-lesson-not-yours = This is not your lesson.
error-lesson-cancel-rejected = A rejected lesson is not shown to colleagues anyway: there is nothing to cancel.
error-lesson-closed = The lesson is already cancelled.
error-lesson-already-started = The lesson has already begun or is over.
error-lesson-not-open = You cannot sign up for this lesson now.
error-lesson-own = You cannot sign up for your own lesson.
error-lesson-full = No seats left.
error-lesson-already-going = You are already signed up for this lesson.
error-lesson-not-going = You are not signed up for this lesson.
error-lesson-changed-under-review = The author changed the lesson while you were looking at it. Please look at it again.
error-lesson-review-too-late = The lesson has begun without a review: its author has been told and may offer it again with a new date.
error-lesson-calendar-cancelled = This lesson is cancelled: there is nothing to add to a calendar.
error-lesson-calendar-unpublished = This lesson is not published yet: it can be added to a calendar once approved.
error-lesson-not-pending = Another methodologist has already reviewed this lesson.
error-lesson-moderation-own = You cannot review your own lesson: another methodologist will.
error-lesson-moderation-other-district = The author of this lesson does not work at a school of your district: the methodologists of the author's district or of the whole region will review it.
error-lesson-rate-not-guest = Only colleagues who signed up for the lesson can rate it.
error-lesson-rate-too-early = The lesson is not over yet; you can rate it once it ends.
error-lesson-rate-closed = Ratings are accepted for { $days } days after the lesson; that time is over.
error-lesson-score-bad = A score is a number from 1 to 5.
error-lesson-grade-bad = Please pick the grade with a button.
error-lesson-topic-bad = The topic must be { $min } to { $max } characters long.
error-lesson-method-bad = The method description must be { $min } to { $max } characters long.
error-lesson-room-bad = The room must be at most { $max } characters long.
error-lesson-reason-bad = The reason must be { $min } to { $max } characters long.
error-lesson-comment-bad = The comment must be at most { $max } characters long.
error-lesson-duration-bad = Type the duration in minutes, from { $min } to { $max }.
error-lesson-seats-bad = Type the number of seats in digits, from { $min } to { $max }.
error-lesson-url-bad = That does not look like a link. Send the whole address, starting with <code>https://</code>.

## Changing a lesson

lesson-seats-button = 🪑 Seats
lesson-place-button = 📍 Place
lesson-ask-new-seats = 🪑 Guest seats now: { $seats } ({ $taken } taken). How many guests can you take now?
lesson-changed-seats = 🪑 The lesson “{ $topic }”: { $seats } guest seats ({ $taken } taken).
lesson-place-changed = 📍 The place of the lesson “{ $topic }” is changed. The guests will be told.
lesson-duration-button = ⏱ Duration
lesson-topic-button = 📝 Topic
lesson-method-button = 🧩 Method
lesson-ask-new-duration = ⏱ The lesson now lasts { $duration } min. How many minutes will it last?
lesson-changed-duration = ⏱ The lesson “{ $topic }” now lasts { $duration } min. The guests will be told.
lesson-ask-new-topic =
    📝 The topic now: <i>{ $topic }</i>
    Write the new topic.
lesson-ask-new-method =
    🧩 The method / technology now: <i>{ $method }</i>
    Describe it anew.
lesson-revised =
    ✏️ The lesson “{ $topic }” is changed. { $status ->
        [approved] The guests and the methodologists will be told.
        [rejected] When it is ready, send it again with the button on its card.
       *[other] The methodologist will see the lesson with your changes.
    }
lesson-notice-revised =
    ✏️ The author has updated an open lesson you signed up for ({ $when }):
    🏫 <b>{ $topic }</b>
    🧩 Method / technology: { $method }
lesson-notice-revised-staff =
    ✏️ The author changed an approved open lesson ({ $author }, { $subject }, { $grade }, { $when }).
    Topic: { $oldTopic } → <b>{ $topic }</b>
    Method / technology: { $oldMethod } → { $method }
lesson-notice-duration =
    ⏱ The open lesson “{ $topic }” ({ $when }) now lasts { $duration } min.
lesson-notice-place =
    📍 The open lesson “{ $topic }” ({ $when }) has a new place:
    { $online ->
        [yes] 💻 Online: { $url }
       *[other] 📍 { $school }, { $room }
    }
error-lesson-seats-below-taken = { $taken ->
        [one] 1 guest has
       *[other] { $taken } guests have
    } already signed up; there cannot be fewer seats.
lesson-resubmit-button = 📨 Send for review again
lesson-resubmitted = 📨 The lesson “{ $topic }” is sent to the methodologists for review again.
lesson-republish-button = ✅ Publish again
lesson-republished = ✅ The lesson “{ $topic }” is published: colleagues can sign up now.
error-lesson-not-rejected = This lesson is not rejected: there is no need to send it again.
