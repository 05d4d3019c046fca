# The check-in form, its button on the slides and its result.

checkin-title = Check in
checkin-intro = Please type your details.
checkin-button = Check in
checkin-help = Enter: next  ·  Tab: move  ·  Esc: back
# The help line on a narrow screen.
checkin-help-short = Enter: next · Esc: back
checkin-help-choice = ←/→ or 1–9: choose  ·  Enter: next  ·  Esc: back
# A choice field with nothing chosen yet, when its answers do not fit.
checkin-choose-hint = Use ← → or 1–9 to choose
# Shown, faintly, in an empty field of these kinds.
checkin-date-placeholder = MM/DD/YYYY
checkin-time-placeholder = e.g. 9:30 am
checkin-phone-placeholder = area code and number
# Beside the label of a field that may be left empty.
checkin-optional = (optional)
# The labels of the form's usual questions (kiosk.toml may set its own).
field-first_name = First name
field-last_name = Last name
field-date_of_birth = Date of birth
# Which answer of a choice is showing: "2 of 3".
checkin-choice-position = { $index } of { $count }

# What is wrong with an answer. $label is the question as written
# ("Date of birth"); $field the same inside a sentence ("date of birth").
checkin-please-enter = { $field ->
   *[other] Please enter your { $field }.
}
checkin-please-choose = { $field ->
   *[other] Please choose your { $field }.
}
# A name made only of digits or symbols.
checkin-use-letters = { $field ->
   *[other] Please type your { $field } using letters.
}
checkin-date-format = { $label }: type it as MM/DD/YYYY, e.g. 04/17/1962
# 17/04/1962 typed where the month comes first.
checkin-date-month-first = { $label }: the month comes first. Type it as MM/DD/YYYY, e.g. 04/17/1962
# 30/02/1990 typed where the day comes first.
checkin-date-day-first = { $label }: the day comes first. Type it as DD/MM/YYYY, e.g. 17/04/1962
# 02/30/1990. $month is the month's name.
checkin-date-no-such-day = { $label }: { $month } { $year } has only { $days } days. Please check the day.
checkin-date-future = { $label } can't be in the future. Please check the year.
# A year before 1900.
checkin-date-too-old = { $label }: please check the year, e.g. 04/17/1962
checkin-time-format = { $label }: type a time such as 9:30 am or 14:05
checkin-phone-digits = { $label }: type all 10 digits, starting with the area code
checkin-phone-area-code = { $label }: please check the area code
# How a typed answer was read: "Understood as April 17, 1962".
checkin-understood-as = Understood as { $shown }
# The idle warning.
checkin-still-there = Still there? Clearing in { $seconds } s — touch or press any key
# The idle warning on a narrow screen.
checkin-still-there-short = Still there? { $seconds } s

# The button on the slides.
checkin-prompt = ▶  Check in: press Enter or tap here
checkin-prompt-short = Enter: check in
checkin-saving = One moment…
checkin-please-sit = Please have a seat. We will call your number.
checkin-sorry = Sorry, we could not check you in here.
checkin-see-desk = Please see the front desk.
checkin-touch-to-continue = Touch the screen or press any key to continue.
checkin-closed = Check-in is closed
# "Check-in opens Monday at 8:45 AM". $when is a when-* message.
checkin-opens = Check-in opens { $when }
# The first name only, never more.
checkin-checked-in-name = You're checked in, { $name }.
checkin-checked-in = You're checked in.
# Someone typed the answers of a patient already on today's list. It says
# neither who nor which number.
checkin-maybe-listed = You may already be on today's list.
checkin-your-number = Your number is { $ticket }.
# Beside the number in large digits.
checkin-your-number-label = Your number is
