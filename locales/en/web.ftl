# The site (src/web): the same product in a browser or as a Telegram Mini App.
cmd-web = The site: monitoring and tables (sign in)
web-brand = Metodset
web-lang-ru = Русский
web-lang-en = English
web-signout = Sign out
web-home-link = Home
web-home-title = The methodological workspace
web-home-hello = Hello, { $name }!
web-home-nothing-yet = The materials bank and the calendar will be here soon. Meanwhile the bot has them.
web-nav-monitoring = Monitoring

web-signin-title = Sign in
web-signin-how = Open the site with the «Metodset» button in the bot's menu: you are signed in at once. From a desktop browser: send /web to the bot and open the sign-in link it answers with.
web-signin-checking = Signing in through Telegram…
web-signin-failed = Could not sign in through Telegram. Send /web to the bot and sign in with the link.
web-telegram-invalid = Telegram did not confirm the sign-in: the data was not signed by it. Open the site with the bot's button again.
web-telegram-expired = The sign-in is out of date: open the site with the bot's button again.
web-telegram-not-registered = You have not registered yet: open the bot and register, then open the site again.
web-link-title = Sign in with a link
web-link-text = This link from the bot signs you in once and works for 10 minutes. Press to sign in.
web-link-button = Sign in
web-link-spent = This link has been used or is out of date. Send /web to the bot for a new one.

web-forbidden-title = No access
web-forbidden-registered = This section is for registered teachers.
web-forbidden-methodist = This section is for methodists.
web-forbidden-admin = This section is for admins.
web-not-found-title = Not found
web-not-found = There is no such page.

web-monitoring-tab-coverage = Course coverage
web-monitoring-tab-attestation = Attestation
web-monitoring-tab-teachers = Who has joined
web-monitoring-download = Download .xlsx
web-monitoring-as-of = As of { $time }
web-monitoring-recount = Count again
web-by-districts = By district
web-by-schools = By school (lowest share first)
web-by-schools-adoption = By school (those with nobody yet first)
web-coverage-teachers = teachers
web-coverage-covered = with a course this year
web-coverage-share = coverage
web-coverage-uncovered = without a course
web-attestation-teachers = teachers
web-attestation-valid = category in force
web-attestation-expiring = expiring within 6 months
web-attestation-expired = expired
web-attestation-none = no category
web-attestation-unknown = not told
web-teachers-registered = teachers in the bot
web-teachers-recent = in the last 7 days
web-teachers-inactive = blocked the bot
web-teachers-reached = schools with teachers
web-teachers-schools = Schools
web-teachers-schools-reached = Schools with teachers
web-teachers-share-reached = Share of schools

web-school-back = ← Back to monitoring
web-school-teachers = teachers in the bot
web-school-lacking = with gaps
web-school-lacks = What is missing
web-school-nobody = Nobody from this school has joined yet.
web-school-not-found = There is no such school among those you can see.
web-lack-no-course = no course this year
web-lack-expired = category expired { $until }
web-lack-expiring = category expires { $until }
web-lack-unknown = category not told
web-lack-inactive = blocked the bot
web-lack-nothing = all in order

# /web in the chat
web-command-text = <b>Metodset on the web</b>: monitoring, tables and downloads on a big screen.
web-command-miniapp = The button below opens the site right in Telegram.
web-command-no-miniapp = Telegram opens a site inside itself only from an https address; this bot's site is at { $url }.
web-command-link = For a desktop browser, a sign-in link (works once, for { $minutes } min.; do not forward it to anyone):
web-command-open = Open Metodset
web-menu-button = Metodset
