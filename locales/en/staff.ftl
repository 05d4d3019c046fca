# Staff mode on the kiosk: the PIN prompt, the staff screen and its notice
# form. Read by staff, in staff_language.

# A discreet note for staff on the patients' screen (details are in the log).
staff-problems = { $count ->
    [one] ⚠ staff: { $count } problem, see the log
   *[other] ⚠ staff: { $count } problems, see the log
}
staff-title = Staff
staff-no-problems = No problems found in the last reload.

# The PIN prompt.
pin-title = Staff
pin-ask = Enter the staff PIN
pin-help = Enter: OK  ·  Esc: cancel
pin-help-short = Esc: cancel
pin-too-short = The PIN has 4 to 8 digits
pin-wrong = { $left ->
    [one] Wrong PIN — { $left } try left
   *[other] Wrong PIN — { $left } tries left
}
pin-locked-until = Locked until { $time }

# The staff screen's keys.
hint-reload = r reload
hint-pause = p pause slides
# Shown while the slides are paused.
hint-resume = p resume slides
hint-notice = m notice
hint-names = v names
hint-hide = v hide names
hint-quit = Q quit
hint-leave = Esc/q leave
# Asked after Q, on the keys line (at most 80 columns).
staff-quit-confirm = Quit the kiosk? The screen goes blank. y: quit · any other key: stay

# The notice form.
notice-form-title = Notice for the waiting room
notice-form-text = Notice
notice-form-from = From (time, blank for now)
notice-form-until = Until (time)
notice-form-closes = Close check-in and show CLOSED
notice-form-yes = [x] yes
notice-form-no = [ ] no
notice-form-keys = Tab next · Space yes/no · Enter save · Esc cancel
notice-form-save = Save notice
notice-form-need-text = Write the notice first.
notice-form-need-until = Say until when (a time such as 11:00 or 4:30 pm).
notice-form-bad-time = Not a time: write 9:30, 9:30 am or 14:05.
notice-form-ends-first = It would end before it starts.
notice-form-saved = Notice saved to kiosk.toml.
notice-form-count = { $chars } / { $max } characters
notice-form-full = Full: { $max } characters at most
# 9:00 AM today / 9:00 AM tomorrow: which day a typed time means.
notice-form-time-day = { $tomorrow ->
    [yes] { $time } tomorrow
   *[no] { $time } today
}
notice-form-span = Shows from { $from } until { $until }
notice-form-span-now = Shows from now until { $until }
notice-showing = Notice showing until { $until }: { $text }
notice-showing-closes = Notice showing until { $until } (CLOSED, check-in off): { $text }
notice-none = No notice is showing.
notice-not-saved = The notice was not saved: { $why }
notice-save-not-toml = kiosk.toml has mistakes; fix it first (see kiosk check)
notice-save-no-place = kiosk.toml lists notices in a way this screen cannot add to; add it by hand

# For staff and the log: the kiosk started on its last good copy.
staff-running-on-last-good = kiosk.toml has mistakes: the kiosk is running on the last good copy (saved { $saved }); fix the file and it is read again
# When the last good copy was saved: "Monday, November 23 at 10:42 AM".
staff-saved-at = { $date } at { $time }

# Problems with the check-in database, on the staff screen and in the log.
store-files-recovered = { $what }. Every check-in was put back; check-in goes on.
store-files-rescued = { $missing ->
    [one] { $what }. { $missing } check-in is only in the copy { $copy }; check-in goes on in the database at its usual place (docs/deploy.md says how to merge them).
   *[other] { $what }. { $missing } check-ins are only in the copy { $copy }; check-in goes on in the database at its usual place (docs/deploy.md says how to merge them).
}
store-files-unrecovered = { $what }; recovering failed: { $why }
store-unconfirmed = check-in number { $ticket } could not be confirmed as saved; the patient was sent to the front desk
# Settings edited in kiosk.toml that wait for a restart. $names is a list.
staff-needs-restart = kiosk.toml changed { $names }: restart the kiosk to use the new value (until then it keeps the old one)
