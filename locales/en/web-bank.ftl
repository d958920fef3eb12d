# The site's bank, moderation and broadcasts sections (src/web/bank, moderation, broadcasts).
web-nav-bank = Materials bank
web-nav-moderation = Moderation
web-nav-broadcasts = Broadcasts

web-bank-tab-search = Search
web-bank-tab-best = Best rated
web-bank-query = Words
web-bank-query-hint = e.g. fractions grade 5
web-bank-subject = Subject
web-bank-type = Type
web-bank-grade = Grade
web-bank-any = any
web-bank-find = Find
web-bank-show = Show
web-bank-reset = Reset
web-bank-period = Period
web-bank-period-all = all time
web-bank-period-month = last 30 days
web-bank-found = Found: { $count }
web-bank-all = Published materials, best first: { $count }
web-bank-nothing = Nothing found. Try other words or fewer filters.
web-bank-best-note = Materials colleagues rated 👍, ranked by the share of 👍 among the votes (many consistent votes rank above a single one).
web-bank-best-nothing = Nobody has rated a material here yet.
web-bank-page = Page { $page } of { $pages }
web-bank-prev = ← Previous
web-bank-next = Next →
web-bank-col-title = Title
web-bank-col-type = Type
web-bank-col-views = Views
web-bank-grades = grades: { $grades }
web-bank-author = Author: { $author } ({ $school })
web-bank-score = rating { $score } of 100 · 👁 { $views }
web-bank-reason = Reason: { $reason }
web-bank-your-vote = Your rating:
web-bank-vote-up = Useful
web-bank-vote-down = Not useful
web-bank-to-moderation = Review this material
web-bank-back = ← Back to the bank
web-bank-open-tab = Open in a new tab
web-bank-download = Download
web-bank-pdf-hint = If the document does not show here (some phones cannot show a PDF inside a page), open it in a new tab or download it.
web-bank-no-preview = A browser cannot show this file ({ $name }) in the page: download it.
web-bank-not-found = There is no such material among those you can see: it may have been deleted or not published yet.
web-bank-bad-filter = The filter was not understood: choose the subject, type and grade from the lists.
web-bank-query-long = The query is too long: keep the 2–3 main words.
web-bank-bad-vote = Choose 👍 or 👎.
web-bank-file-unavailable = Telegram did not give the file just now (or it is larger than 20 MB, which bots cannot download). Try again later or open the material in the bot.

web-moderation-materials = Materials waiting: { $count }
web-moderation-lessons = Open lessons waiting: { $count }
web-moderation-no-materials = No materials are waiting for you.
web-moderation-no-lessons = No open lessons are waiting for you.
web-moderation-col-author = Author
web-moderation-col-sent = Sent
web-moderation-col-topic = Topic
web-moderation-col-when = When
web-moderation-back = ← Back to the queue
web-moderation-approve = Approve and publish
web-moderation-reject = Reject
web-moderation-reason = Reason for rejecting (the author reads it)
web-moderation-own = This is your own work: another methodologist reviews it.
web-moderation-not-found = There is no such item among those you review: it may have been deleted, or its author works in another district.
web-moderation-done-material-approved = The material is published; its author has been told.
web-moderation-done-material-rejected = The material is rejected; its author has been told the reason.
web-moderation-done-lesson-approved = The lesson is published; its author has been told.
web-moderation-done-lesson-rejected = The lesson is rejected; its author has been told the reason.
web-moderation-lesson-subject = Subject and grade
web-moderation-lesson-time = { $when } ({ $duration } min)
web-moderation-lesson-place = Place
web-moderation-lesson-method = Method / technology
web-moderation-lesson-seats = Seats for guests
web-moderation-lesson-status = Status: { $status ->
        [approved] published
        [rejected] rejected
        [cancelled] cancelled
       *[other] { $status }
    }

web-broadcasts-how = Broadcasts you can see, newest first, with how their delivery went. New broadcasts are sent from the bot: /broadcast.
web-broadcasts-none = There are no broadcasts yet.
web-broadcasts-bad-page = There is no such page of the list.
web-broadcasts-not-found = There is no such broadcast among those you can see.
web-broadcasts-back = ← All broadcasts
web-broadcasts-title = Broadcast #{ $id }
web-broadcasts-meta = { $date } · { $author } · { $status ->
        [sending] sending
        [stopped] stopped
       *[done] finished
    }{ $urgent ->
        [yes] { " " }· urgent
       *[no] {""}
    }
web-broadcasts-col-date = Date
web-broadcasts-col-text = Text
web-broadcasts-col-author = Author
web-broadcasts-col-status = Status
web-broadcasts-col-delivered = Delivered
web-broadcasts-status = { $status ->
        [sending] sending
        [stopped] stopped
       *[done] finished
    }
web-broadcasts-delivered = { $sent } of { $total }
web-broadcasts-delivery = Delivery
web-broadcasts-total = recipients
web-broadcasts-sent = delivered
web-broadcasts-pending = queued
web-broadcasts-blocked = blocked the bot
web-broadcasts-failed = failed
web-broadcasts-cancelled = cancelled
web-broadcasts-audience = Recipients:
web-broadcasts-attachment = With { $kind ->
        [photo] a photo
       *[document] a document
    }
web-broadcasts-survey = Survey answers
web-broadcasts-answered = { $answered } of { $reached } recipients answered
web-broadcasts-closed = survey closed
web-broadcasts-option = Option
web-broadcasts-count = Answers
web-broadcasts-multiple = Several options could be ticked, so the percentages are of those who answered and may add up to more than 100.
web-broadcasts-survey-hidden = A survey: only its author and administrators see the answers.
