# Touch check-in: the on-screen keyboard, the form's buttons, the date
# questions, the confirmation's button, and the notice that check-in is
# not open.

key-shift = Shift
key-space = space
key-erase = ← Erase
# The keys that show the letters, the accented letters and the numbers.
key-letters = abc
key-accents = áéñ
key-numbers = 123

form-back = Back
form-cancel = Cancel
form-next = Next
form-clear-ask = Clear your answers?
form-clear-yes = Yes, clear them
form-clear-no = No, keep them

# A date of birth typed as today's date.
checkin-date-today = { $label }: that is today's date. Please check the day and the year.
# A two-digit year both of whose centuries make a plausible age.
checkin-date-which-century = { $label }: { $recent } or { $older }? Touch one, or type the year in full.

# The confirmation.
form-done = Done

not-open-title = Check-in is not open
# Why, when no closure or special hours say more.
not-open-clinic-closed = The clinic is closed now.
# Why, when the clinic has no opening hours ahead.
not-open-no-hours = Please see the front desk or call us.
