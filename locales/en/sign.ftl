# The sign at the top of every patient screen and across the room, the
# clinic's details, notices and now serving.

sign-open = OPEN
sign-closed = CLOSED
sign-closing-soon = Closing soon
# The status and why it is closed, if it says: $state is OPEN or CLOSED
# (the messages above), $change when it changes (status-closes...).
status-line = { $state } · { $change }
status-line-countdown = { $state } · { $change } ({ $countdown })
status-line-reason = { $state } · { $reason } · { $change }
status-line-reason-countdown = { $state } · { $reason } · { $change } ({ $countdown })
# Written small, inside a line: "closes at 6:00 PM". $when is a when-* message.
status-closes = closes { $when }
status-opens = opens { $when }
status-open-always = open around the clock
status-no-opening = no opening hours are set
# Hours are set, but none falls in the next 400 days (a long closure).
status-until-further-notice = until further notice
# Under the sign: a closure's or a special day's reason, as staff wrote it.
status-closed-today = Closed today: { $reason }
status-special-today = Special hours today: { $reason }
# The sign's second line: the reason and the next change.
sign-reason-change = { $reason } · { $change }
# "Closing soon · in 20 min".
sign-closing-soon-countdown = Closing soon · { $countdown }

# The clinic's details.
hours-this-week = This week's hours
hours-closed-day = Closed
# One day of the week's hours: "Monday: 9:00 AM – 6:00 PM", "(today)" for today.
hours-week-line = { $today ->
    [yes] { $day } (today): { $hours }
   *[no] { $day }: { $hours }
}
# The same with the day's note: "Thursday: Closed (Thanksgiving Day)".
hours-week-line-note = { $today ->
    [yes] { $day } (today): { $hours } ({ $note })
   *[no] { $day }: { $hours } ({ $note })
}
clinic-call-us = Phone
clinic-visit-us = Visit us
footer-short = Education, not medical advice.
footer-not-advice = Not medical advice
# The footer of a run with a demonstration clock (--at, --speed).
footer-demo = DEMONSTRATION: check-ins kept apart · Education, not medical advice.
footer-dev = DEVELOPMENT MODE: Ctrl-C quits
screen-too-small = Screen too small

# Now serving, over the big digits (a ticket number, never a name).
serving-now = Now serving
# For a few seconds after the number changes.
serving-calling = ▶ Now calling ◀
serving-line = Now serving: { $ticket }

# The set-up screen, when kiosk.toml cannot be read and there is no good copy.
setup-title = This screen is being set up.
setup-ask = Please see the front desk.
