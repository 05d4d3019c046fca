# The front desk (kiosk desk) and the queue on the staff screen. Read by
# staff only, in staff_language.

desk-title = Front desk
desk-empty = No check-ins yet today.
desk-loading = Reading today's check-ins…
desk-no-name = (no name)
# Column headings of the queue.
desk-column-ticket = #
desk-column-name = Name
desk-column-checked-in = Checked in
desk-column-waiting = Waiting
desk-column-status = Status
desk-column-born = Born
desk-column-age = Age
# In the Waiting column while a new check-in is highlighted.
desk-new = NEW
# Stands for a wait that cannot be worked out yet.
desk-none = —
desk-average-wait = Average wait
desk-longest-wait = Longest wait now
desk-key-enter = Enter
desk-key-esc = Esc
desk-key-ctrl = Ctrl-
# What each key does, in the help line.
desk-do-select = select
desk-do-call = call next
desk-do-seen = seen
desk-do-no-show = no-show
desk-do-undo = undo
desk-do-quit = quit
desk-do-find = find
desk-do-add = add
desk-do-edit = edit
desk-do-remove = remove
desk-do-summary = summary
desk-no-one-waiting = No one is waiting.
desk-nothing-to-undo = Nothing to undo.
# A status as a word. $status is waiting, called, seen or no-show.
desk-status = { $status ->
    [waiting] waiting
    [called] called
    [seen] seen
   *[no-show] no-show
}
# A count in the summary line: "Waiting 3".
desk-count = { $status ->
    [waiting] Waiting { $count }
    [called] Called { $count }
    [seen] Seen { $count }
   *[no-show] No-show { $count }
}
# A name on the list, and when someone last tried to check in again as that patient.
desk-tried-again = { $name } · tried again { $time }
# A patient who used another language than the clinic's usual one: "José Muñoz · Español".
desk-patient-language = { $name } · { $language }
desk-repeat-tries = { $count ->
    [one] { $count } repeated check-in: see the list
   *[other] { $count } repeated check-ins: see the list
}
# The result of a change: "#3 李小龙: called". $word is a desk-status message.
desk-changed = #{ $ticket } { $name }: { $word }
desk-changed-undo = #{ $ticket } { $name }: { $word } again (undone)
desk-already = #{ $ticket } { $name } is already { $word }.
# Someone else changed the check-in between reading and saving.
desk-changed-elsewhere = Not saved: #{ $ticket } { $name } was changed elsewhere meanwhile; the list shows the latest.
desk-changed-elsewhere-undo = Can't undo: #{ $ticket } { $name } was changed elsewhere meanwhile; the list shows the latest.
desk-save-failed = Could not save the change: { $error }
desk-read-failed = Could not read the check-ins: { $error }

# Telling patients apart, finding them.
desk-same-names = * { $count } share a name: check the date of birth
desk-find-prompt = Find: { $query }_
desk-find-kept = Showing { $shown } of { $total } matching "{ $query }"
desk-find-help = type a name, ticket or date of birth · Enter keep · Esc clear
desk-filter-help = / change · Esc show all
desk-find-nothing = No one on today's list matches.
desk-more-above = ↑ { $count } more
desk-more-below = ↓ { $count } more
desk-hidden-called = #{ $ticket } called
desk-hidden-next = #{ $ticket } next

# Adding and correcting.
desk-add-title = Add a patient (walk-in or phone)
desk-edit-title = Correct #{ $ticket }
desk-added = #{ $ticket } { $name }: added
desk-already-listed = #{ $ticket } { $name } is already on today's list: nothing added
desk-edited = #{ $ticket } { $name }: corrected
desk-edited-undo = #{ $ticket } { $name }: corrected (undone)
desk-unchanged = #{ $ticket }: nothing changed
desk-removed = #{ $ticket } { $name }: removed (u undoes)
desk-removed-undo = #{ $ticket } { $name }: add undone
desk-restored = #{ $ticket } { $name }: back on the list (undone)
# Questions that need a y before anything changes. $from and $to are desk-status words.
desk-confirm-mark = #{ $ticket } { $name } is { $from }. Mark { $to }? y yes · any other key no
desk-confirm-remove = Remove #{ $ticket } { $name } as entered in error? y yes · any other key no
desk-not-changed = Nothing changed.

# The summary screen and kiosk checkins summary.
summary-title = The day so far
summary-help = any key back to the queue
summary-status = By status
summary-source = By source
summary-waits = Waits
summary-per-hour = Check-ins per hour
summary-removed = removed
summary-total = Check-ins
summary-average = Average (called or seen)
summary-longest = Longest
source-kiosk = kiosk
source-desk = desk
# An hour of the day: "9 AM", "12 PM" (or "9 h" on a 24-hour clock).
hour-12h = { $hour } { $half ->
    [am] AM
   *[pm] PM
}
hour-24h = { $hour }:00
