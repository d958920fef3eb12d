# Materials bank. Every id starts with material- (and error-material-).

cmd-moderate_materials = Materials awaiting review

## Start screen

material-hub =
    📂 <b>Materials bank</b>
    The district's shared bank: colleagues' lesson plans and notes, work programmes, thematic plans, worksheets, presentations and video lessons.
    The best rise to the top by 👍 / 👎 votes.
material-hub-browse = 📚 By subject
material-hub-search = 🔍 Search
material-hub-top = 🏆 Best
material-hub-mine = 📁 My materials
material-hub-share = ➕ Share a material
material-hub-moderate = 🗂 Awaiting review: { $count }
material-back = ◀ Back

## Browsing by subject

material-bank-empty = There are no published materials yet. Be the first to share one!
material-pick-subject = 📚 Pick a subject (the number of materials in brackets):
material-top-pick-subject = 🏆 Best materials: pick a subject:
material-pick-type = 📚 { $subject }: what kind of material?
material-all-types = All types ({ $count })
material-pick-grade = 📚 { $subject } · { $type }: pick a grade.
material-all-grades = All grades
material-any-type = all types
material-any-grade = all grades
material-list-heading =
    📚 <b>{ $subject }</b> · { $type } · { $grade }
    { $total ->
        [one] { $total } material
       *[other] { $total } materials
    }, best first. Tap a material to open it.
material-list-empty = Nothing here yet.
material-list-line = { $n }. { $title } — { $type }, 👍 { $up } · 👎 { $down }
material-list-line-status = { $n }. { $icon } { $title } — 👍 { $up } · 👎 { $down } · 👁 { $views }

## Search

material-ask-query = 🔍 Type words from the title or description, a grade too if you like, e.g. <i>fractions grade 5</i>. Upper or lower case does not matter.
material-search-heading =
    🔍 “{ $query }”: { $total ->
        [one] { $total } material
       *[other] { $total } materials
    }, best first:
material-search-none = 🔍 Nothing found for “{ $query }”. Try other words or the beginning of a word.
material-search-again = 🔍 Search again
material-search-expired = 🔍 These search results have expired. Please search again.
error-material-query-empty = Type at least one word.
error-material-query-long = The query is too long (over { $max } characters): keep the 2–3 main words.

## Best

material-top-month-heading = 🏆 <b>{ $subject }: best of the month</b> (published in the last 30 days)
material-top-all-heading = 🏆 <b>{ $subject }: best of all time</b>
material-top-empty = No materials rated by colleagues yet.
material-top-month-button = 🗓 Best of the month
material-top-all-button = 🏆 Best of all time

## My materials

material-mine-heading = 📁 <b>My materials</b> ({ $total } in all). Votes and views are on each line; open a material to see it in full or to delete it.
material-mine-empty = You have not shared any materials yet. A lesson plan, a worksheet or a presentation will help your colleagues!

## The card

material-type-lesson-plan = Lesson plan
material-type-work-programme = Work programme
material-type-thematic-plan = Thematic plan
material-type-lesson-notes = Lesson notes
material-type-worksheet = Worksheet
material-type-presentation = Presentation
material-type-video-lesson = Video lesson
material-type-other = Other
material-grade-preschool = preschool
material-card =
    📄 <b>{ $title }</b>
    { $type } · { $subject } · grades: { $grades }
    Author: { $author } ({ $school })

    { $description }

    👍 { $up } · 👎 { $down } · rating { $score } of 100 · 👁 { $views }
material-card-link = 🔗 { $url }
material-card-status = Status: { $icon } { $status }
material-card-reason = Reason: { $reason }
material-status-pending = awaiting review
material-status-approved = published
material-status-rejected = rejected
material-status-cancelled = withdrawn
material-link-button = 🔗 Open the link
material-file-button-document = 📎 Get the file
material-file-button-photo = 🖼 Get the image
material-file-button-video = 🎬 Get the video
material-file-caption = 📄 { $title }
material-open-button = 📄 Open the material
material-vote-added = Thank you, your vote counts!
material-vote-changed = Vote changed.
material-vote-withdrawn = Vote withdrawn.
material-vote-still-voted = Your vote is already counted.
material-vote-still-withdrawn = Your vote is already withdrawn.
error-material-own-vote = You cannot rate your own material: let your colleagues do it 🙂
error-material-not-found = This material is gone (its author may have deleted it) or is not published yet.
material-delete-button = 🗑 Delete
material-delete-confirm = Delete “{ $title }”? Its votes go with it. This cannot be undone.
material-delete-yes = 🗑 Yes, delete
material-delete-no = No, keep it
material-deleted = 🗑 “{ $title }” deleted.

## Sharing a material

material-ask-source =
    ➕ <b>New material</b>
    Send <b>one</b> file (a document, presentation, spreadsheet, PDF, image or video) or a link to the material (e.g. on a cloud drive).
    To leave: /cancel.
material-expect-source = A file or a link starting with http:// or https:// is needed. To leave: /cancel.
error-material-album = Please send one file, not an album. For several files, put them into one document or archive, or upload them to a drive and send the link.
error-material-kind-unsupported = This cannot be a material (stickers, voice and audio messages, video notes and GIFs are not accepted). Send a document, image, video or link.
error-material-format-unsupported = “{ $name }” is not in a format we accept. Accepted: documents (PDF, DOC/DOCX, ODT, RTF, TXT), presentations (PPT/PPTX, ODP), spreadsheets (XLS/XLSX, ODS), images, video and archives (ZIP, RAR, 7Z).
error-material-url-bad = This does not look like a link. Copy the whole address, e.g. <i>https://drive.google.com/…</i>
error-material-url-long = The link is too long: { $max } characters at most.
material-ask-title = What is the material called? E.g. <i>Adding fractions with unlike denominators</i>.
error-material-title-empty = The title cannot be empty.
error-material-title-short = Too short: the title needs at least { $min } characters.
error-material-title-long = Too long: { $max } characters at most. Put the details into the description.
material-ask-type = What kind of material is it?
material-type-chosen = Type: { $type }
material-ask-subject = Which subject? (yours first)
material-subject-chosen = Subject: { $subject }
material-ask-grades = Which grades is it for? Tick all that apply and press Done.
material-grades-done = Done ✔️
material-grades-chosen = Grades: { $grades }
error-material-grades-empty = Tick at least one grade.
material-ask-description = Describe the material briefly: topic, aim, how it helps colleagues (up to 1000 characters).
error-material-description-empty = The description cannot be empty.
error-material-description-short = A little more, please: at least { $min } characters.
error-material-description-long = Too long: { $max } characters at most.
material-preview-title = 👀 <b>This is how colleagues will see it.</b> Send it for review?
material-preview-title-publish = 👀 <b>This is how colleagues will see it.</b> Publish it?
material-send-button = ✅ Send for review
material-publish-button = ✅ Publish
material-cancel-button = ❌ Cancel
material-share-cancelled = All right, nothing was sent.
material-submitted = 🙏 Thank you! “{ $title }” has been sent for review. I will tell you when a methodologist has checked it. Your materials: Materials → My materials.
material-published = ✅ “{ $title }” is published in the materials bank: colleagues can find and rate it now. Your materials: Materials → My materials.

## Review

material-queue-heading = 🗂 <b>Materials awaiting review</b>: { $total }
material-queue-empty = 🗂 No new materials await review.
material-approve-button = ✅ Approve
material-reject-button = ❌ Reject
material-approved-toast = Published.
material-approved-done = ✅ “{ $title }” is published; the author will be told.
material-ask-reason = Why is “{ $title }” rejected? The author will read this: say what to fix. To leave: /cancel.
material-rejected-done = ❌ “{ $title }” rejected; the author will be told why.
error-material-reason-short = The reason is too short: at least { $min } characters.
error-material-reason-long = Too long: { $max } characters at most.
error-material-already-moderated = Another methodologist has already checked this material.
error-material-moderation-own = You cannot review your own material: another methodologist will.
error-material-moderation-other-district = The author of this material does not work at a school of your district: the methodologists of the author's district or of the whole region will check it.
material-moderate-open = 🗂 Open the queue
material-notice-pending = 🗂 A new material awaits review: “{ $title }” ({ $author }).
material-notice-approved = ✅ Your material “{ $title }” is published in the materials bank. Colleagues can now find and rate it.
material-notice-rejected =
    ❌ Your material “{ $title }” was not published.
    Reason: { $reason }
    Fix it and share it again: Materials → Share a material.
