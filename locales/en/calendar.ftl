# Calendar files (.ics) for meetings, courses and open lessons.
calendar-button = 📅 Add to calendar
calendar-file-caption = Open the file to add the event to your phone's calendar. If the event changes, open the new file: the entry will be updated.
