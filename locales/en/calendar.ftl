# Calendar files (.ics) for meetings, courses and open lessons.
calendar-button = 📅 Add to calendar
calendar-file-caption = Open the file to add the event to your phone's calendar. If the event changes, open the new file: the entry will be updated.
calendar-remove-button = 🗓 Remove from calendar
calendar-cancelled-caption = The event is cancelled. If it is in your phone's calendar, open this file: the entry will be removed or marked as cancelled.

# /calendar: the private calendar feed (src/bot/features/calendar, the site's Calendar page)
cmd-calendar = My calendar subscription: meetings, courses, lessons
calendar-feed-text = 📆 <b>Calendar subscription.</b> Subscribe your phone's calendar to your own link: your meetings, courses and open lessons appear in it, and when one moves or is cancelled, the calendar follows.
calendar-feed-has = You already have a link. It is shown only once; a new one makes the old one stop working.
calendar-feed-site = The site's Calendar page does the same: { $url }
calendar-feed-make-button = 🔗 Make my link
calendar-feed-new-button = 🔄 Revoke and make a new link
calendar-feed-link = Your private calendar link (do not forward it: whoever has it sees your events). Add it in the calendar app: «Add calendar → From URL / Subscription».
calendar-feed-webcal = Or open this on the phone to subscribe at once:
