# Calendar files (.ics) for meetings, courses and open lessons.
calendar-button = 📅 Add to calendar
calendar-file-caption = Open the file to add the event to your phone's calendar. If the event changes, open the new file: the entry will be updated.
calendar-remove-button = 🗓 Remove from calendar
calendar-cancelled-caption = The event is cancelled. If it is in your phone's calendar, open this file: the entry will be removed or marked as cancelled.
